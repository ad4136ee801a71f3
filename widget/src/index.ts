// The package's public surface: classes and types, no side effects. Import "./define" (or load the
// script tag) to register <machines-card>.
export { MachinesCard } from "./machines-card";
export type { Eip1193Provider } from "./wallet/eip1193-provider";

export { AgreementsAcceptedEvent, type AgreementsAcceptedDetail } from "./events/agreements-accepted";
export { BeforeStepChangeEvent, type BeforeStepChangeDetail, type StepChangeReason } from "./events/before-step-change";
export { CardCreatedEvent, type CardCreatedDetail } from "./events/card-created";
export { CardHiddenEvent, type CardHiddenDetail, type CardHiddenReason } from "./events/card-hidden";
export { CardRevealedEvent, type CardRevealedDetail } from "./events/card-revealed";
export { DepositCompletedEvent, type DepositCompletedDetail } from "./events/deposit-completed";
export { DepositCreatedEvent, type DepositCreatedDetail } from "./events/deposit-created";
export { MachinesCardErrorEvent, type MachinesCardErrorDetail } from "./events/error";
export { KycStatusEvent, type KycStatusDetail, type KycStatusName } from "./events/kyc-status";
export { ReadyEvent, type ReadyDetail } from "./events/ready";
export { SignedInEvent, type SignedInDetail } from "./events/signed-in";
export { SignedOutEvent, type SignedOutDetail } from "./events/signed-out";
export { StepChangeEvent, type StepChangeDetail } from "./events/step-change";
export { WithdrawalConfirmedEvent, type WithdrawalConfirmedDetail } from "./events/withdrawal-confirmed";
export { WithdrawalSubmittedEvent, type WithdrawalSubmittedDetail } from "./events/withdrawal-submitted";

export type { StepName } from "@machines-card/contract/steps";
