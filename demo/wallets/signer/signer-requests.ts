import * as z from "zod/mini";
import { EVM_ADDRESS_PATTERN } from "@machines-card/contract/machines/common";

const Address = z.string().check(z.regex(EVM_ADDRESS_PATTERN, { error: "must be a 0x-prefixed 20-byte address" }));
const Hex = z.string().check(z.regex(/^0x([0-9a-fA-F]{2})*$/, { error: "must be 0x-prefixed hex of whole bytes" }));
const Wei = z.union([
  z.string().check(z.regex(/^(0x[0-9a-fA-F]{1,64}|\d{1,78})$/, { error: "must be a non-negative integer in wei (decimal or 0x string)" })),
  z.number().check(z.int(), z.nonnegative()),
]);

/** `POST /sign-typed-data`: the typed data as `eth_signTypedData_v4` takes it; `address`, if sent, must be the user's wallet. */
export const SignTypedDataBody = z.object({
  typedData: z.unknown(),
  address: z.optional(Address),
  /** The grant won from one of the user's signers (`/approvals/...`); wallets with an `api-key` signer do without. */
  approval: z.optional(z.string().check(z.maxLength(200))),
});

/** `POST /send-transaction`: like `eth_sendTransaction`'s object; `from`, if sent, must be the user's wallet. */
export const SendTransactionBody = z.object({
  to: Address,
  data: z.optional(Hex),
  value: z.optional(Wei),
  from: z.optional(Address),
  approval: z.optional(z.string().check(z.maxLength(200))),
});

/** `POST /approvals/email/verify`: the code the user read in their (sandbox) mailbox. */
export const VerifyCodeBody = z.object({ code: z.string().check(z.regex(/^\d{6}$/, { error: "must be the 6-digit code" })) });

const B64url = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,200}$/, { error: "must be base64url" }));

/** `POST /signers/device`: a device's P-256 public key (JWK x, y); needs a live email-code grant. */
export const AddDeviceBody = z.object({
  publicKey: z.object({ x: B64url, y: B64url }),
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  approval: z.string().check(z.maxLength(200)),
});

/** `POST /approvals/device`: the device's signature over the challenge. */
export const DeviceApprovalBody = z.object({
  deviceId: z.string().check(z.maxLength(100)),
  challenge: B64url,
  signature: B64url,
});

/** `POST /signers/device/remove`. */
export const RemoveDeviceBody = z.object({ deviceId: z.string().check(z.maxLength(100)) });

/** WebAuthn blobs (clientDataJSON, attestationObject, authenticatorData, DER signatures), base64url. */
const WebAuthnBytes = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,4096}$/, { error: "must be base64url" }));
const RpId = z.string().check(z.regex(/^[a-z0-9.-]{1,253}$/, { error: "must be a host name" }));

/** `POST /signers/passkey`: a passkey made with `navigator.credentials.create` over our challenge; needs a live email-code grant. */
export const AddPasskeyBody = z.object({
  challenge: B64url,
  rpId: RpId,
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  approval: z.string().check(z.maxLength(200)),
  credential: z.object({ id: WebAuthnBytes, clientDataJSON: WebAuthnBytes, attestationObject: WebAuthnBytes }),
});

/** `POST /approvals/passkey/challenge`: the operation the passkey is asked to approve, exactly as it will be sent. */
export const PasskeyChallengeBody = z.discriminatedUnion("operation", [
  z.object({ operation: z.literal("sign-typed-data"), typedData: z.unknown() }),
  z.object({ operation: z.literal("send-transaction"), to: Address, data: z.optional(Hex), value: z.optional(Wei) }),
]);

/** `POST /approvals/passkey`: the assertion `navigator.credentials.get` returned. */
export const PasskeyApprovalBody = z.object({
  challenge: B64url,
  credentialId: WebAuthnBytes,
  clientDataJSON: WebAuthnBytes,
  authenticatorData: WebAuthnBytes,
  signature: WebAuthnBytes,
});

/** `POST /signers/passkey/remove`. */
export const RemovePasskeyBody = z.object({ passkeyId: WebAuthnBytes });
