import * as z from "zod/mini";
import { Timestamp } from "./common";

/** `GET /agreements`, `POST /agreements` (409 `invalid_state` until KYC is approved). */

export const AgreementLink = z.object({ label: z.string(), url: z.string() });
export const Agreement = z.object({ id: z.string(), text: z.string(), links: z.array(AgreementLink) });
export type Agreement = z.infer<typeof Agreement>;

export const AgreementsData = z.object({
  agreements: z.array(Agreement),
  accepted: z.boolean(),
  acceptedAt: z.nullable(Timestamp),
});
export type AgreementsData = z.infer<typeof AgreementsData>;

/** Only `{ accepted: true }` is meaningful; `false` is rejected (there is no way to withdraw consent). */
export const AgreementsAcceptRequest = z.object({
  accepted: z.literal(true, { error: "must be true to accept the agreements" }),
});
export type AgreementsAcceptRequest = z.infer<typeof AgreementsAcceptRequest>;
