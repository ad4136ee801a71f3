import type { AdminTypedData, WithdrawalTransaction } from "@machines-card/contract/api/withdrawals";
import { BaseError } from "../base-error";

export type HexString = `0x${string}`;

/** What a withdrawal asks of a wallet: the typed data the Worker prepared, or its transaction. */
export type TypedData = AdminTypedData;
export type Transaction = WithdrawalTransaction;

export type WalletErrorCode =
  /** The user declined in their wallet. */
  | "user_rejected"
  /** The wallet's account is not the one the transaction must come from. */
  | "wrong_account"
  /** The wallet is on another chain and could not switch. */
  | "wrong_chain"
  /** No wallet could be reached (no provider, signer offline). */
  | "wallet_unavailable"
  /** The wallet answered with an error or something unexpected. */
  | "wallet_error"
  /** The one-time code was wrong (`attemptsLeft` in the message), or already used. */
  | "code_invalid"
  /** The one-time code expired, or too many wrong tries burnt it: a new one must be sent. */
  | "code_expired";

export class WalletError extends BaseError {
  override name = "WalletError";
  declare readonly code: WalletErrorCode;
  constructor(code: WalletErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}

/**
 * What the wallet asks of the person before it signs (Crossmint's `onAuthRequired`, or the sandbox
 * wallet's email approval): a one-time code sent to `signer` (`email:<address>`). The prompt calls
 * `sendCode` (again to resend) and `verifyCode` until it resolves; `verifyCode` rejects with a
 * `WalletError` `code_invalid` / `code_expired` for a bad code.
 */
export interface ApprovalRequest {
  signerType: "email" | "phone";
  /** The signer's locator, e.g. `email:ada@example.com`. */
  signer: string;
  sendCode(): Promise<void>;
  verifyCode(code: string): Promise<void>;
}

/**
 * Hosts the approval prompt: resolves once the code was verified, rejects (a `WalletError`
 * `user_rejected`) when the person gives up. Nothing is signed or sent before it resolves.
 */
export type ApprovalHandler = (request: ApprovalRequest) => Promise<void>;

/** The device signer this browser holds (signer mode `device`): the user can see it and remove it. */
export interface DeviceSignerControl {
  /** The device signer registered from this browser and still on the wallet, or null. */
  current(): Promise<{ id: string; name: string } | null>;
  /** Removes it from the wallet and forgets the key here; the next withdrawal asks for the emailed code. */
  remove(): Promise<void>;
}

/**
 * The user's wallet, whichever kind (the sandbox signer, an EIP-1193 provider the page passed, the
 * Crossmint embedded wallet). The widget never holds a private key: every signature comes from here.
 */
export interface WalletAdapter {
  readonly provider: "sandbox" | "eip1193" | "crossmint";
  /**
   * Called when a signature needs the person's approval (email, device or passkey signers); without a
   * handler such a signature fails with `user_rejected`. EIP-1193 wallets prompt on their own.
   */
  onApprovalRequired: ApprovalHandler | null;
  /** This browser's device signer, for wallets that keep one (absent otherwise). */
  readonly device?: DeviceSignerControl;
  /** The wallet's address (asks the user to connect when the wallet needs it). */
  address(): Promise<HexString>;
  /**
   * Signs EIP-712 typed data (`eth_signTypedData_v4` semantics): 65 bytes from an EOA; from a smart wallet,
   * what its ERC-1271 check accepts, ERC-6492-wrapped while it is not deployed (the Worker takes all three).
   */
  signTypedData(typedData: TypedData): Promise<HexString>;
  /**
   * Sends the transaction from the user's wallet; returns its hash once the wallet broadcast it: a
   * transaction hash (an EOA's, or the bundle of a smart wallet's user operation) or a user-operation hash.
   * The Worker's submit takes either.
   */
  sendTransaction(transaction: Transaction): Promise<HexString>;
}

/** The `EIP712Domain` type list for a domain, which `eth_signTypedData_v4` wallets expect in `types`. */
export function withDomainType(typedData: TypedData): TypedData {
  if (typedData.types.EIP712Domain) return typedData;
  const fields: [keyof TypedData["domain"], string][] = [
    ["name", "string"],
    ["version", "string"],
    ["chainId", "uint256"],
    ["verifyingContract", "address"],
    ["salt", "bytes32"],
  ];
  const EIP712Domain = fields.filter(([key]) => typedData.domain[key] !== undefined).map(([name, type]) => ({ name, type }));
  return { ...typedData, types: { EIP712Domain, ...typedData.types } };
}
