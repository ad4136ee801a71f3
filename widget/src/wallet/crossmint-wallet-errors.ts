import { WalletError } from "./wallet-adapter";

/**
 * The HTTP status of Crossmint's answer to the wallets SDK's last request; 0 when Crossmint could not
 * be reached. The SDK's own errors carry only a sentence (for a refusal, Crossmint's JSON body; for
 * 5xx, "API request failed: 503 …"; for a non-JSON body, the parser's complaint), so the adapter
 * watches the request itself and maps by status, never by the SDK's wording. Messages never repeat
 * the SDK's text, which may quote Crossmint's body.
 */
export interface CrossmintWalletOutcome {
  status: number;
}

/** What the adapter was doing, as a message finishes "Crossmint … to <step>". */
export type CrossmintWalletStep = "open the wallet" | "send the code" | "use your passkey" | "register this device" | "remove this device" | "sign the withdrawal" | "send the transaction";

export function crossmintWalletError(step: CrossmintWalletStep, outcome: CrossmintWalletOutcome | null, cause?: unknown): WalletError {
  const status = outcome?.status ?? -1;
  const http = status > 0 ? ` (HTTP ${status})` : "";
  if (status === 0) {
    return new WalletError("wallet_unavailable", `Crossmint could not be reached to ${step} (offline, or the connection was refused); try again`, { cause });
  }
  if (status === 401 || status === 403) {
    return new WalletError(
      "wallet_unavailable",
      `Crossmint refused the request to ${step}${http}: sign in again; if it keeps happening, check the Crossmint client key and that this page's origin is allowed for it in the Crossmint console`,
      { cause },
    );
  }
  if (status === 404 && step === "open the wallet") {
    return new WalletError(
      "wallet_unavailable",
      `Crossmint has no wallet for the signed-in user${http}; it is created when the card account is set up, so finish setting up the card first`,
      { cause },
    );
  }
  if (status === 429) return new WalletError("wallet_error", `Crossmint is limiting requests${http}; try again in a moment`, { cause });
  if (status >= 500) return new WalletError("wallet_error", `Crossmint's wallet service failed to ${step}${http}; try again in a moment`, { cause });
  if (status >= 400) return new WalletError("wallet_error", `Crossmint refused to ${step}${http}`, { cause });
  // Crossmint answered, but the signature or transaction failed there, or the answer was not what the SDK expects.
  return new WalletError("wallet_error", `Crossmint did not ${step}: it reported a failure or answered with something unexpected`, { cause });
}

/** The wallet has no signer the card can drive. */
export function signerUnavailableError(signerType: string | undefined): WalletError {
  return new WalletError("wallet_unavailable", `this Crossmint wallet has no signer the card can use${signerType ? ` (${signerType})` : ""}`);
}
