import { expect } from "@open-wc/testing";
import { STEP_NAMES, type StepName } from "@machines-card/contract/steps";
import { canEnter, isComplete, prerequisiteOf, resumeStep, stepAfter } from "./guards";
import { SIGNED_OUT, type JourneyState } from "./journey-state";

const kyc = (status: "approved" | "pending" | "denied") => ({
  status,
  reason: null,
  verificationUrl: null,
  isActive: null,
  isTermsOfServiceAccepted: true,
});
const user = { id: "u1", email: "ada@example.com" };
const signedIn: JourneyState = { ...SIGNED_OUT, user, kyc: kyc("pending"), nextStep: "kyc" };
const approved: JourneyState = { ...signedIn, kyc: kyc("approved"), nextStep: "agreements" };
const accepted: JourneyState = { ...approved, agreementsAccepted: true, nextStep: "deposit" };
const ALL = [...STEP_NAMES];

describe("flow guards", () => {
  it("lets anyone in to sign-in, and nobody further without signing in", () => {
    expect(STEP_NAMES.filter((s) => canEnter(s, SIGNED_OUT))).to.deep.equal(["sign-in"]);
    expect(prerequisiteOf("card", SIGNED_OUT)).to.equal("sign-in");
  });

  it("needs approved KYC for agreements, and accepted agreements for money and cards", () => {
    expect(STEP_NAMES.filter((s) => canEnter(s, signedIn))).to.deep.equal(["sign-in", "kyc"]);
    expect(prerequisiteOf("agreements", signedIn)).to.equal("kyc");
    expect(STEP_NAMES.filter((s) => canEnter(s, approved))).to.deep.equal(["sign-in", "kyc", "agreements"]);
    expect(prerequisiteOf("withdraw", approved)).to.equal("agreements");
    expect(STEP_NAMES.every((s) => canEnter(s, accepted))).to.equal(true);
    expect(prerequisiteOf("card", { ...signedIn, kyc: kyc("denied") })).to.equal("kyc");
  });

  it("marks steps done by their goal", () => {
    expect(STEP_NAMES.filter((s) => isComplete(s, accepted))).to.deep.equal(["sign-in", "kyc", "agreements"]);
    const funded = { ...accepted, balances: { creditLimit: 5000, pendingCharges: 0, postedCharges: 0, balanceDue: 0, spendingPower: 5000 } };
    expect(isComplete("deposit", funded)).to.equal(true);
    expect(isComplete("card", funded)).to.equal(false);
    expect(STEP_NAMES.filter((s) => isComplete(s, { ...funded, hasCard: true }))).to.deep.equal(["sign-in", "kyc", "agreements", "deposit", "card"]);
  });

  it("opens at sign-in for a visitor, and where the Worker says for a returning user", () => {
    expect(resumeStep(ALL, SIGNED_OUT)).to.equal("sign-in");
    expect(resumeStep(ALL, signedIn)).to.equal("kyc");
    expect(resumeStep(ALL, approved)).to.equal("agreements");
    expect(resumeStep(ALL, { ...accepted, nextStep: "card" })).to.equal("card");
  });

  it("resumes at the first configured step at or after the Worker's, when the page leaves that one out", () => {
    const steps: StepName[] = ["sign-in", "card", "activity"];
    expect(resumeStep(steps, accepted)).to.equal("card"); // nextStep deposit is not offered
    expect(resumeStep(["sign-in", "activity"], { ...accepted, nextStep: "card" })).to.equal("activity");
  });

  it("falls back to the furthest step the user may enter when the Worker's is out of reach", () => {
    // KYC pending but the page offers only later steps: nothing ahead may be entered.
    expect(resumeStep(["sign-in", "deposit", "card"], signedIn)).to.equal("deposit");
    expect(resumeStep(["sign-in", "kyc", "deposit"], { ...signedIn, nextStep: "deposit" })).to.equal("kyc");
    expect(resumeStep(["sign-in"], accepted)).to.equal("sign-in");
  });

  it("names the next configured step, and none after the last", () => {
    expect(stepAfter(ALL, "kyc")).to.equal("agreements");
    expect(stepAfter(["sign-in", "card"], "sign-in")).to.equal("card");
    expect(stepAfter(ALL, "activity")).to.equal(null);
  });
});
