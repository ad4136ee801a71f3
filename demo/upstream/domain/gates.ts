import { agreementsRequired, invalidState } from "../errors";
import type { UserRecord } from "../state/records";

/** Onboarding order (reference §6): resolve → KYC approved → agreements accepted → cards, deposits, withdrawals. */

/** `GET`/`POST /agreements` before approval: 409 `invalid_state`. */
export function requireKycApproved(user: UserRecord): void {
  if (user.kyc.status !== "approved") throw invalidState(`kyc is ${user.kyc.status}; agreements are available once kyc is approved`);
}

/** Card, deposit and withdrawal creation before acceptance: 409 `agreements_required`. */
export function requireAgreements(user: UserRecord): void {
  if (user.kyc.status !== "approved" || user.agreementsAcceptedAt === null) throw agreementsRequired();
}
