import { expect, fixture, html, waitUntil } from "@open-wc/testing";
import { LitElement } from "lit";
import { fakeWorker } from "#test/fake-worker";
import { withdrawalFixture } from "#test/withdrawal-fixture";
import { createWorkerClient } from "../../api/client";
import { WithdrawalFlow, stageOf, type Stage } from "./withdrawal-flow";

// A withdrawal status the step does not know (a Worker in front of a changed Machines may report one):
// in progress, never an error, and followed until it moves to one the step knows.
const WITHDRAWAL = withdrawalFixture({ status: "queued", retryAfterSeconds: 1 });

class FlowHost extends LitElement {}
customElements.define("test-withdrawal-flow-host", FlowHost);

describe("withdrawal flow: a status it does not know", () => {
  it("is being prepared, or waiting for the chain once a transaction went out", () => {
    expect(stageOf(WITHDRAWAL)).to.equal("prepare");
    expect(stageOf({ ...WITHDRAWAL, submittedTxHash: `0x${"a".repeat(64)}` })).to.equal("confirm");
    expect(stageOf({ ...WITHDRAWAL, status: "confirmed" })).to.equal("confirmed");
  });

  it("is followed until the Worker reports a status the step knows, without an error", async () => {
    const host = await fixture<FlowHost>(html`<test-withdrawal-flow-host></test-withdrawal-flow-host>`);
    const confirmed = { ...WITHDRAWAL, status: "confirmed", confirmedTxHash: `0x${"b".repeat(64)}` };
    const fetch = fakeWorker({ [`GET /v1/withdrawals/${WITHDRAWAL.id}`]: { withdrawal: confirmed } });
    const stages: Stage[] = [];
    const errors: unknown[] = [];
    const flow = new WithdrawalFlow(host, {
      api: () => createWorkerClient({ baseUrl: "https://worker.example", fetch }),
      wallet: () => Promise.reject(new Error("no wallet: nothing is signed here")),
      onStage: (stage) => stages.push(stage),
      onSubmitted: () => undefined,
      onConfirmed: () => undefined,
      onError: (error) => errors.push(error),
    });
    flow.resume(WITHDRAWAL);
    expect(flow.stage).to.equal("prepare");
    await waitUntil(() => flow.stage === "confirmed", "the flow should follow the withdrawal", { timeout: 5000 });
    expect(stages).to.deep.equal(["prepare", "confirmed"]);
    expect(fetch.calls).to.deep.equal([`GET /v1/withdrawals/${WITHDRAWAL.id}`]);
    expect(errors).to.deep.equal([]);
  });
});
