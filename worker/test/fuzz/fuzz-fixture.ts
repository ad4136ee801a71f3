import { inject } from "vitest";
import { call, expectOk } from "../helpers/api";
import { controls } from "../helpers/sandbox";
import { newUser } from "../helpers/users";
import type { FuzzFixture } from "./fuzz-requests";

/** How many cases per property: `FUZZ_RUNS` (set by `npm run fuzz:long`), else the suite's default. */
export function fuzzRuns(fallback: number, env: { FUZZ_RUNS?: string }): number {
  const runs = Number(env.FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : fallback;
}

/**
 * A user with something behind every kind of path id: past KYC and agreements, with a card, a deposit
 * and (funded collateral) a pending withdrawal.
 */
export async function fuzzFixture(): Promise<FuzzFixture> {
  const user = await newUser("agreed");
  const t = { token: user.token };
  const { card } = expectOk("createCard", await call("createCard", { ...t, body: { label: "Fuzz" }, idempotencyKey: crypto.randomUUID() }));
  const { deposit } = expectOk(
    "createDeposit",
    await call("createDeposit", { ...t, body: { currency: "rusd", network: "base", amount: 10 }, idempotencyKey: crypto.randomUUID() }),
  );
  const me = expectOk("getMe", await call("getMe", t));
  const sandboxControls = controls();
  await sandboxControls.faucet(await sandboxControls.machinesUserId(user.email), 50_000);
  const { withdrawal } = expectOk(
    "createWithdrawal",
    await call("createWithdrawal", {
      ...t,
      body: { amountCents: 1_000, destination: { currency: "rusd", network: "base", address: me.user.walletAddress } },
      idempotencyKey: crypto.randomUUID(),
    }),
  );
  const tokens = inject("sandbox").tokens;
  return {
    token: user.token,
    badTokens: [tokens.expired, tokens.wrongAudience, tokens.wrongIssuer, tokens.unknownKey, tokens.unknownKid, tokens.missingKid, tokens.tampered, tokens.unsigned],
    ids: { cardId: [card.id], depositId: [deposit.id], withdrawalId: [withdrawal.id] },
  };
}
