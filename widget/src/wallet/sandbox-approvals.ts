import type { DeviceKeyStore } from "./device-key-store";
import type { WalletOperation } from "./passkey-approvals";
import { WalletError, type ApprovalHandler } from "./wallet-adapter";

/** How the sandbox wallet's API is asked (the adapter's `call`). */
export type SignerCall = <T>(method: "GET" | "POST", path: string, body?: unknown) => Promise<T>;

/** A grant from the sandbox wallet: good for one signature and one transaction of one withdrawal. */
export interface Grant {
  token: string;
  expiresAt: number;
  used: Set<"sign" | "send">;
}

/**
 * Wins the sandbox wallet's approval the way Crossmint's signers would: with this device's registered
 * P-256 key when the signer mode is `device` and the key is here (no prompt: the confirm click is the
 * click), with the user's passkey in `passkey` mode (the browser's own prompt, over this operation),
 * else with the one-time code emailed to the user, through the widget's prompt. In `device` mode, a code
 * approval then registers a new non-extractable device key, in `passkey` mode a new passkey, so the
 * next one needs no code.
 */
export async function sandboxApproval(o: {
  call: SignerCall;
  mode: string;
  handler: ApprovalHandler | null;
  keys?: DeviceKeyStore;
  /** The signed-in user (keys are kept per user). */
  user: string;
  /** What is about to be signed or sent (a passkey approves exactly this). */
  operation: WalletOperation;
}): Promise<Grant> {
  // The device key and the passkey prompts are chunks of their own: only a wallet in that mode loads them.
  const device = o.mode === "device" ? (await import("./sandbox-device")).sandboxDevice(o.call, o.keys) : null;
  if (device) {
    const grant = await device.approval(o.user).catch(() => null);
    if (grant) return grant;
  }
  const passkeys = o.mode === "passkey" ? await import("./passkey-approvals") : null;
  const usePasskey = passkeys?.passkeysAvailable() ?? false;
  if (usePasskey) {
    const grant = await passkeys!.passkeyApproval(o.call, o.operation).catch(() => null);
    if (grant) return grant;
  }
  if (!o.handler) throw new WalletError("user_rejected", "this withdrawal needs your approval, and no prompt is available");
  let grant: Grant | null = null;
  const signer = await o.call<{ adminSigner: { locator?: string } | null }>("GET", "/signers");
  await o.handler({
    signerType: "email",
    signer: signer.adminSigner?.locator ?? "email",
    sendCode: async () => {
      await o.call("POST", "/approvals/email", {});
    },
    verifyCode: async (code) => {
      try {
        const r = await o.call<{ approval: string; expiresAt: string }>("POST", "/approvals/email/verify", { code });
        grant = { token: r.approval, expiresAt: Date.parse(r.expiresAt), used: new Set() };
      } catch (e) {
        const answered = (e as { signerCode?: string }).signerCode;
        if (answered === "otp_invalid" || answered === "otp_used") throw new WalletError("code_invalid", (e as Error).message, { cause: e });
        if (answered === "otp_expired" || answered === "otp_attempts_exceeded" || answered === "otp_not_requested") {
          throw new WalletError("code_expired", (e as Error).message, { cause: e });
        }
        throw e;
      }
    },
  });
  if (!grant) throw new WalletError("user_rejected", "the approval was not completed");
  if (device) await device.register(o.user, (grant as Grant).token).catch(() => {});
  // Declined or failed, the code still approved this withdrawal; the next one asks for the code again.
  if (usePasskey) await passkeys!.registerPasskey(o.call, (grant as Grant).token).catch(() => {});
  return grant;
}
