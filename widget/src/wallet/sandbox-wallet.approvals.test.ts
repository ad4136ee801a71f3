import { expect } from "@open-wc/testing";
import { stack, type StackUrls } from "../../test/services";
import { sandboxUser, type SandboxUser } from "../../test/sandbox";
import { deviceKeyStore } from "./device-key-store";
import { createSandboxWallet } from "./sandbox-wallet";
import type { ApprovalRequest, WalletAdapter } from "./wallet-adapter";

// The sandbox wallet adapter's approvals against the running sandbox wallet, in Chromium: the emailed
// code through the approval handler, then (device mode) a non-extractable P-256 key in IndexedDB that
// approves without a code — across a "reload" (a new adapter on the same storage), not after the
// storage is cleared, and not after the user removed the device.
let services: StackUrls & { signerUrl: string };

before(async function () {
  this.timeout(120_000);
  const running = await stack();
  if (!running) this.skip();
  services = running as typeof services;
});

const NOTE = { types: { Note: [{ name: "text", type: "string" }] }, primaryType: "Note", domain: { name: "approval test" }, message: { text: "hi" } };

/** The person: reads the code in the sandbox mailbox and enters it. Counts the prompts. */
function person(user: SandboxUser) {
  const prompts: string[] = [];
  const handler = async (request: ApprovalRequest) => {
    prompts.push(request.signer);
    await request.sendCode();
    const mailbox = await fetch(`${services.signerUrl}/approvals/codes?email=${encodeURIComponent(user.email.toLowerCase())}`);
    const { codes } = (await mailbox.json()) as { codes: { code: string; status: string }[] };
    await request.verifyCode(codes.find((c) => c.status === "pending")!.code);
  };
  return { prompts, handler };
}

function wallet(user: SandboxUser, signer: string, handler: WalletAdapter["onApprovalRequired"]): WalletAdapter {
  const w = createSandboxWallet({ signerUrl: services.signerUrl, signer, token: user.token });
  w.onApprovalRequired = handler;
  return w;
}

describe("sandbox wallet approvals", function () {
  this.timeout(60_000);

  it("email mode: every signature asks for the emailed code; without a prompt nothing is signed", async () => {
    const user = await sandboxUser(services, { label: "approve-email" });
    const p = person(user);
    const w = wallet(user, "email", p.handler);
    expect(await w.signTypedData(NOTE as never)).to.match(/^0x[0-9a-f]+$/);
    expect(p.prompts).to.deep.equal([`email:${user.email.toLowerCase()}`]);
    await w.signTypedData(NOTE as never);
    expect(p.prompts).to.have.length(2);
    const silent = wallet(user, "email", null);
    const refused = await silent.signTypedData(NOTE as never).then(
      () => null,
      (e: { code: string }) => e.code,
    );
    expect(refused).to.equal("user_rejected");
  });

  it("device mode: one code, then this device approves alone (also after a reload); cleared storage or a removed device asks again", async () => {
    const user = await sandboxUser(services, { label: "approve-device" });
    const p = person(user);
    await wallet(user, "device", p.handler).signTypedData(NOTE as never);
    expect(p.prompts).to.have.length(1);

    // A reload: a new adapter, the same IndexedDB.
    const reloaded = wallet(user, "device", p.handler);
    await reloaded.signTypedData(NOTE as never);
    expect(p.prompts, "the device key approves without a code").to.have.length(1);
    const device = await reloaded.device!.current();
    expect(device?.name).to.match(/on this device/);

    // Cleared site data: the key is gone, so the code is asked again (and a new device registered).
    const address = await reloaded.address();
    await deviceKeyStore().remove(address);
    await wallet(user, "device", p.handler).signTypedData(NOTE as never);
    expect(p.prompts).to.have.length(2);

    // The user removes this device: the next signature asks for the code again.
    const again = wallet(user, "device", p.handler);
    await again.device!.remove();
    expect(await again.device!.current()).to.equal(null);
    await wallet(user, "device", p.handler).signTypedData(NOTE as never);
    expect(p.prompts).to.have.length(3);
  });
});
