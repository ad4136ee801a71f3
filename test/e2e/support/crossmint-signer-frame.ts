/**
 * The page inside Crossmint's signer iframe (`https://staging.signers.crossmint.com/?targetOrigin=…`),
 * as the test serves it: the real handshake and event schemas (@crossmint/client-sdk-window's
 * ChildWindow, @crossmint/client-signers' events), each request relayed to the test over HTTP
 * (`POST /tee/<event>` on the same host), whose answer goes back to the SDK. The test plays
 * Crossmint's signer service (support/crossmint-signer-tee.ts); this page only carries messages.
 */
import { ChildWindow } from "@crossmint/client-sdk-window";
import { signerInboundEvents, signerOutboundEvents } from "@crossmint/client-signers";

const targetOrigin = new URL(location.href).searchParams.get("targetOrigin") ?? "";
const child = new ChildWindow(window.parent, targetOrigin, { incomingEvents: signerInboundEvents, outgoingEvents: signerOutboundEvents });
for (const name of ["get-status", "start-onboarding", "complete-onboarding", "sign"] as const) {
  child.on(`request:${name}`, async (data: unknown) => {
    const reply = await fetch(`/tee/${name}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });
    child.send(`response:${name}`, (await reply.json()) as never);
  });
}
void child.handshakeWithParent();
