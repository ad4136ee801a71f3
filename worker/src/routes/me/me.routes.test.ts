import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectError, expectOk } from "#test/helpers/api";
import { controls } from "#test/helpers/sandbox";
import { newUser, signIn } from "#test/helpers/users";

describe("GET /v1/me", () => {
  it("links a new user on their first request and sends them to KYC", async () => {
    const token = await signIn();
    const me = expectOk("getMe", await call("getMe", { token }));
    expect(me.user.id).toMatch(/^mc_[0-9a-f]{32}$/);
    expect(me.user.walletAddress).toMatch(/^0x[0-9a-f]{40}$/);
    expect(me.kyc.status).toBe("not_submitted");
    expect(me.agreements).toEqual({ accepted: false, acceptedAt: null });
    expect(me.balances).toBeNull();
    expect(me.nextStep).toBe("kyc");
  });

  it("gives the same person the same partner id and wallet on every sign-in", async () => {
    const email = `same-${crypto.randomUUID()}@example.com`;
    const first = expectOk("getMe", await call("getMe", { token: await signIn(email) }));
    const second = expectOk("getMe", await call("getMe", { token: await signIn(email) }));
    expect(second.user).toEqual(first.user);
  });

  it("links one user when a new person's first requests race", async () => {
    const token = await signIn();
    const replies = await Promise.all(Array.from({ length: 8 }, () => call("getMe", { token })));
    const users = replies.map((r) => expectOk("getMe", r).user);
    expect(new Set(users.map((u) => JSON.stringify(u))).size).toBe(1);
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM users WHERE partner_user_id = ?").bind(users[0]!.id).first<{ n: number }>();
    expect(rows?.n).toBe(1);
  });

  it("resumes at agreements after approval, at deposit after agreements, at card once there is credit", async () => {
    const approved = await newUser("approved");
    expect(expectOk("getMe", await call("getMe", { token: approved.token })).nextStep).toBe("agreements");

    const agreed = await newUser("agreed");
    const me = expectOk("getMe", await call("getMe", { token: agreed.token }));
    expect(me.nextStep).toBe("deposit");
    expect(me.balances).toMatchObject({ creditLimit: 0 });

    const deposit = expectOk(
      "createDeposit",
      await call("createDeposit", { token: agreed.token, body: { currency: "rusd", network: "base" }, idempotencyKey: crypto.randomUUID() }),
    ).deposit;
    await controls().completeDeposit(deposit.id, 50_00);
    const funded = expectOk("getMe", await call("getMe", { token: agreed.token }));
    expect(funded.balances?.creditLimit).toBeGreaterThan(0);
    expect(funded.nextStep).toBe("card");
  });

  it("refuses a request without a token", async () => {
    expectError(await call("getMe"), 401, "unauthorized", "Authorization");
  });
});
