import { describe, expect, it } from "vitest";
import type { Execution, WithdrawalCreateData } from "@machines-card/contract/machines/withdrawals";
import { DEFAULT_RETRY_AFTER_SECONDS, readUpstreamReply } from "./upstream-reply";

const PROXY = "0x1111111111111111111111111111111111111111";
const TOKEN = "0x2222222222222222222222222222222222222222";
const DESTINATION = "0x3333333333333333333333333333333333333333";
const PAYIN = "0x7777777777777777777777777777777777777777";
const COORDINATOR = "0x5555555555555555555555555555555555555555";
const SALT = "7mzxAj4VGlj+HS2PTWA8LZD8Bai8wOspVCybPTf/d2A=";
const T0 = 1_800_000_000_000;

const execution: Execution = {
  contractId: "c-1",
  contractVersion: 2,
  chainId: 31337,
  collateralProxyAddress: PROXY,
  controllerAddress: "0x4444444444444444444444444444444444444444",
  coordinatorAddress: COORDINATOR,
  callTarget: COORDINATOR,
  callPath: "coordinator_v2",
};
const relay = {
  changeNowId: "abc",
  payinAddress: PAYIN,
  payinExtraId: null,
  payoutAddress: "bc1qexample",
  payoutExtraId: null,
  fromCurrency: "rusd",
  fromNetwork: "base",
  toCurrency: "btc",
  toNetwork: "btc",
};
const ready = (recipient: string, withRelay = false): WithdrawalCreateData => {
  const parameters = [PROXY, TOKEN, "500000", recipient, T0 / 1000 + 600, SALT, `0x${"ab".repeat(65)}`];
  return {
    status: "ready",
    retryAfterSeconds: null,
    parameters,
    signature: { data: `0x${"ab".repeat(65)}`, salt: SALT, parameters },
    expiresAt: new Date(T0 + 600_000).toISOString(),
    execution,
    relay: withRelay ? relay : null,
  };
};

describe("readUpstreamReply", () => {
  it("keeps a pending reply's execution and when to ask again", () => {
    const read = readUpstreamReply({ status: "pending", retryAfterSeconds: 2, execution, relay: null }, T0);
    expect(read).toMatchObject({ ok: true, value: { status: "pending", retryAfterSeconds: 2, nextAttemptAtMs: T0 + 2000, execution: { callTarget: COORDINATOR } } });
  });

  it("waits the example's 5 s when Machines gives no retry delay", () => {
    const read = readUpstreamReply({ status: "pending", retryAfterSeconds: null }, T0);
    expect(read).toMatchObject({ ok: true, value: { nextAttemptAtMs: T0 + DEFAULT_RETRY_AFTER_SECONDS * 1000, execution: null, relay: null } });
  });

  it("normalises a ready reply", () => {
    const read = readUpstreamReply(ready(DESTINATION), T0);
    expect(read).toMatchObject({ ok: true, value: { status: "ready", parameters: { amount: 500000n, recipient: DESTINATION, expiresAt: T0 / 1000 + 600 } } });
  });

  it("keeps the relay, its pay-in and its payout (checked against the destination by check-binding)", () => {
    expect(readUpstreamReply(ready(PAYIN, true), T0)).toMatchObject({ ok: true, value: { relay: { payinAddress: PAYIN } } });
  });

  it("refuses a ready reply without parameters or with a malformed call target", () => {
    expect(readUpstreamReply({ status: "ready", parameters: null, signature: null, execution }, T0)).toMatchObject({
      ok: false,
      problem: { field: "parameters" },
    });
    expect(readUpstreamReply({ ...ready(DESTINATION), execution: { ...execution, callTarget: "0xCoordinator" } }, T0)).toMatchObject({
      ok: false,
      problem: { field: "execution.callTarget" },
    });
  });
});
