// A React 19 app: React sets the element's properties and adds `onmc-*` props as listeners;
// "machines-card/react" types them in JSX (IntrinsicElements), each handler with its event class.
import "machines-card";
import type { ReadyEvent } from "machines-card";
import type {} from "machines-card/react";
import { useState } from "react";
import { createRoot } from "react-dom/client";

function Card() {
  const [ready, setReady] = useState<ReadyEvent["detail"] | null>(null);
  return (
    <>
      <machines-card
        api-base={import.meta.env.VITE_MACHINES_CARD_API_BASE}
        theme="auto"
        onmc-ready={(event) => {
          // @ts-expect-error the handler receives a ReadyEvent: its detail has no such field
          void event.detail.token;
          setReady(event.detail);
        }}
      />
      {ready && <output id="ready">{JSON.stringify(ready)}</output>}
    </>
  );
}

createRoot(document.getElementById("root")!).render(<Card />);
