import { expect } from "@open-wc/testing";
import type { MachinesCard } from "../machines-card";
import { AgreementsAcceptedEvent } from "./agreements-accepted";
import { BeforeStepChangeEvent } from "./before-step-change";
import { CardCreatedEvent } from "./card-created";
import { CardHiddenEvent } from "./card-hidden";
import { CardRevealedEvent } from "./card-revealed";
import { DepositCompletedEvent } from "./deposit-completed";
import { DepositCreatedEvent } from "./deposit-created";
import { MachinesCardErrorEvent } from "./error";
import { KycStatusEvent } from "./kyc-status";
import { ReadyEvent } from "./ready";
import { SignedInEvent } from "./signed-in";
import { SignedOutEvent } from "./signed-out";
import { StepChangeEvent } from "./step-change";
import { WithdrawalConfirmedEvent } from "./withdrawal-confirmed";
import { WithdrawalSubmittedEvent } from "./withdrawal-submitted";

const hash = `0x${"ab".repeat(32)}`;
const events: CustomEvent[] = [
  new ReadyEvent({ environment: "sandbox", step: "sign-in", signedIn: false }),
  new BeforeStepChangeEvent({ from: "kyc", to: "agreements", reason: "next" }),
  new StepChangeEvent({ from: "kyc", to: "agreements", reason: "next", index: 2, total: 7 }),
  new SignedInEvent({ userId: "u1", email: "ada@example.com", restored: false }),
  new SignedOutEvent({ reason: "user" }),
  new KycStatusEvent({ status: "approved", reason: null }),
  new AgreementsAcceptedEvent({ agreementIds: ["a1"], acceptedAt: "2026-01-01T00:00:00Z" }),
  new DepositCreatedEvent({ depositId: "d1", currency: "usdc", network: "base", depositAddress: "0x1", memo: null }),
  new DepositCompletedEvent({ depositId: "d1", creditLimitCents: 5000 }),
  new CardCreatedEvent({ cardId: "c1", last4: "4242", label: "Travel" }),
  new CardRevealedEvent({ cardId: "c1", last4: "4242" }),
  new CardHiddenEvent({ cardId: "c1", reason: "timeout" }),
  new WithdrawalSubmittedEvent({ withdrawalId: "w1", txHash: hash, amountCents: 100 }),
  new WithdrawalConfirmedEvent({ withdrawalId: "w1", txHash: hash, amountCents: 100 }),
  new MachinesCardErrorEvent({ code: "network_error", message: "offline", fatal: false }),
];

describe("public events", () => {
  it("are mc- prefixed CustomEvents that bubble out of shadow roots, with their detail", () => {
    for (const e of events) {
      expect(e.type, e.type).to.match(/^mc-[a-z-]+$/);
      expect(e).to.be.instanceOf(CustomEvent);
      expect([e.bubbles, e.composed], e.type).to.deep.equal([true, true]);
      expect(e.detail, e.type).to.be.an("object");
    }
    expect(new Set(events.map((e) => e.type)).size).to.equal(15);
  });

  it("only before-step-change can be canceled, and not for moves there is no staying out of", () => {
    expect(events.filter((e) => e.cancelable).map((e) => e.type)).to.deep.equal(["mc-before-step-change"]);
    expect(new BeforeStepChangeEvent({ from: "card", to: "sign-in", reason: "signed-out" }, { cancelable: false }).cancelable).to.equal(false);
  });

  it("reach a listener on the page through a shadow root, retargeted to the host", () => {
    const host = document.createElement("div");
    const inner = document.createElement("span");
    host.attachShadow({ mode: "open" }).append(inner);
    document.body.append(host);
    let seen: EventTarget | null = null;
    document.addEventListener("mc-card-created", (e) => (seen = e.target), { once: true });
    inner.dispatchEvent(new CardCreatedEvent({ cardId: "c1", last4: "4242", label: null }));
    host.remove();
    expect(seen).to.equal(host);
  });

  it("are typed for listeners on the element (a compile-time check)", () => {
    const el = document.createElement("machines-card") as MachinesCard;
    el.addEventListener("mc-card-created", (e) => {
      const last4: string = e.detail.last4;
      void last4;
    });
    el.addEventListener("mc-before-step-change", (e) => {
      if (e.detail.to === "withdraw") e.preventDefault();
    });
    expect(el.tagName).to.equal("MACHINES-CARD");
  });
});

// The event details write out two contract types so the package's declarations need no zod; these
// lines stop compiling if either drifts from the contract.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kycStatusIsTheContracts: Same<import("./kyc-status").KycStatusName, import("@machines-card/contract/api/kyc").KycStatus> = true;
const environmentIsTheContracts: Same<import("./ready").ReadyDetail["environment"], import("@machines-card/contract/api/config").Environment> = true;
void kycStatusIsTheContracts;
void environmentIsTheContracts;
