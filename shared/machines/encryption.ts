import * as z from "zod/mini";
import { requiredMessage } from "./common";

/**
 * `POST /encryption/encrypt` and `/encryption/decrypt`: the blob format of card labels
 * (`encryptedName`, `encryptedColor`, `encryptedEmoji`, `encryptedMemo`). `iv` and `ct` are base64url.
 */

export const EncryptedBlob = z.object(
  {
    v: z.number({ error: requiredMessage }),
    iv: z.string({ error: requiredMessage }).check(z.minLength(1, { error: "is required" })),
    ct: z.string({ error: requiredMessage }).check(z.minLength(1, { error: "is required" })),
  },
  { error: (issue) => requiredMessage(issue) ?? "must be an encrypted value {v, iv, ct}" },
);
export type EncryptedBlob = z.infer<typeof EncryptedBlob>;

export const EncryptRequest = z.object({
  value: z.string({ error: (issue) => requiredMessage(issue) ?? "must be a string" }),
});
export type EncryptRequest = z.infer<typeof EncryptRequest>;
export const EncryptData = z.object({ value: EncryptedBlob });
export type EncryptData = z.infer<typeof EncryptData>;

export const DecryptRequest = z.object({ value: EncryptedBlob });
export type DecryptRequest = z.infer<typeof DecryptRequest>;
export const DecryptData = z.object({ value: z.string() });
export type DecryptData = z.infer<typeof DecryptData>;
