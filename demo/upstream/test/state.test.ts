import { describe, expect, it } from "vitest";
import { createHarness } from "./harness";

describe("exportState / importState", () => {
  it("carries users, sessions, cards, deposits, balances and idempotency keys to a new simulator", async () => {
    const first = createHarness();
    const { token } = await first.onboard("keeper");
    const card = await first.call("POST", "/cards", { token, body: {}, idempotencyKey: "keep-key-001" });
    const deposit = await first.call("POST", "/deposits", { token, body: { currency: "rusd", network: "base", amount: 12 } });
    await first.call("POST", `/sandbox/deposits/${deposit.json.data.deposit.id}/complete`, { body: {} });
    const state = JSON.parse(JSON.stringify(first.simulator.exportState()));

    const second = createHarness();
    second.clock.set(first.clock.now());
    second.simulator.importState(state);
    expect((await second.call("GET", "/balances", { token })).json.data.balances.creditLimit).toBe(1200);
    expect((await second.call("POST", "/cards", { token, body: {}, idempotencyKey: "keep-key-001" })).json.data.cardId).toBe(card.json.data.cardId);
    expect((await second.call("GET", "/sandbox/users")).json.data.users.map((u: { userId: string }) => u.userId)).toEqual(["keeper"]);

    // The export is a copy: later changes do not leak into it.
    await first.call("POST", "/cards", { token, body: {} });
    expect(Object.keys(state.cards)).toHaveLength(1);
    expect(() => second.simulator.importState({ version: 9 } as never)).toThrow(/unsupported simulator state/);
  });

  it("/sandbox/reset forgets everything", async () => {
    const { call, onboard } = createHarness();
    const { token } = await onboard("forgotten");
    expect((await call("POST", "/sandbox/reset")).status).toBe(200);
    expect((await call("GET", "/kyc/status", { token })).status).toBe(401);
    expect((await call("GET", "/sandbox/users")).json.data.users).toEqual([]);
  });
});
