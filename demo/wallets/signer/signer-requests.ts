import * as z from "zod/mini";
import { EVM_ADDRESS_PATTERN } from "../../../shared/machines/common";

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
});

/** `POST /send-transaction`: like `eth_sendTransaction`'s object; `from`, if sent, must be the user's wallet. */
export const SendTransactionBody = z.object({
  to: Address,
  data: z.optional(Hex),
  value: z.optional(Wei),
  from: z.optional(Address),
});
