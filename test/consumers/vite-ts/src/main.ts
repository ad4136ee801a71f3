// A Vite + TypeScript app: `import "machines-card"` registers the element and types it
// (HTMLElementTagNameMap, every mc-* event in GlobalEventHandlersEventMap).
import "machines-card";
import type { MachinesCard, ReadyEvent } from "machines-card";

const card = document.createElement("machines-card");
const element: MachinesCard = card; // the tag map gives the class, not HTMLElement
element.apiBase = import.meta.env.VITE_MACHINES_CARD_API_BASE;
card.addEventListener("mc-ready", (event) => {
  const ready: ReadyEvent = event; // the event map gives the class, not Event
  // @ts-expect-error the detail is typed: it has no such field
  void ready.detail.token;
  output.textContent = JSON.stringify(ready.detail);
});

const output = document.createElement("output");
output.id = "ready";
document.querySelector("#app")!.append(card, output);
