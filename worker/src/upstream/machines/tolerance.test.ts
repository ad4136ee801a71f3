import { afterEach, describe, expect, it } from "vitest";
import { call, expectError, expectOk } from "#test/helpers/api";
import { controls, type FaultRule } from "#test/helpers/sandbox";
import { kycApplication, newUser, signIn } from "#test/helpers/users";
import { partnerUserIdFor } from "../../users/partner-user-id";
import { followableLink } from "./links";

/**
 * Machines' replies read the way the real service may send them (reference §12), through the simulator's
 * `rewrite` fault: fields the docs mark optional left out, statuses the Worker has not seen, extra fields,
 * "kyc required" worded elsewhere, links that are not https. Rules are scoped to one test user, so the
 * shared sandbox's other users (and test files) never see them; each is removed after its test.
 */
const added: string[] = [];
afterEach(async () => {
  for (const id of added.splice(0)) await controls().removeFault(id).catch(() => undefined);
});

async function rewrite(userId: string, rule: Omit<FaultRule, "kind" | "userId">) {
  const { id } = await controls().addFault({ ...rule, kind: "rewrite", userId });
  added.push(id);
}

const partnerIdOf = async (token: string) => expectOk("getMe", await call("getMe", { token })).user.id;

describe("optional fields may be absent", () => {
  it("cards without their optional metadata, with unknown extra fields and an unknown status, are listed", async () => {
    const { token } = await newUser("agreed");
    const { card } = expectOk("createCard", await call("createCard", { token, body: { label: "Travel" }, idempotencyKey: crypto.randomUUID() }));
    const userId = await partnerIdOf(token);
    await rewrite(userId, {
      method: "GET",
      path: "/cards",
      rewrite: {
        set: { "data.cards.*.status": "frozen_by_issuer", "data.cards.*.spendControls": { mcc: ["5411"] }, "data.total": 1 },
        remove: ["data.cards.*.folderId", "data.cards.*.isPinned", "data.cards.*.sortOrder", "data.cards.*.encryptedColor", "data.nextCursor"],
      },
    });
    const { cards, nextCursor } = expectOk("listCards", await call("listCards", { token }));
    expect(cards).toEqual([expect.objectContaining({ id: card.id, status: "frozen_by_issuer", label: "Travel" })]);
    expect(cards[0]).not.toHaveProperty("spendControls");
    expect(nextCursor).toBeNull();

    await rewrite(userId, { method: "GET", path: "/cards/*", rewrite: { set: { "data.status": "notActivated" }, remove: ["data.folderId", "data.encryptedEmoji"] } });
    expect(expectOk("getCard", await call("getCard", { token, params: { cardId: card.id } })).card.status).toBe("not_activated");
  });

  it("the quickstart's deposit (no changeNowId, maxAmount or payinExtraId) and an unknown deposit status", async () => {
    const { token } = await newUser("agreed");
    const userId = await partnerIdOf(token);
    const absent = ["data.deposit.changeNowId", "data.deposit.maxAmount", "data.deposit.payinExtraId"];
    await rewrite(userId, { method: "POST", path: "/deposits", times: 1, rewrite: { remove: absent } });
    const { deposit } = expectOk("createDeposit", await call("createDeposit", { token, body: { currency: "rusd", network: "base" } }));
    expect(deposit).toMatchObject({ changeNowId: null, maxAmount: null, payinExtraId: null, status: "awaitingDeposit" });

    await rewrite(userId, {
      method: "GET",
      path: "/deposits",
      rewrite: { set: { "data.deposits.*.status": "refunding", "data.deposits.*.rate": { id: "r1" } }, remove: absent.map((p) => p.replace("data.deposit.", "data.deposits.*.")) },
    });
    const { deposits } = expectOk("listDeposits", await call("listDeposits", { token }));
    expect(deposits).toEqual([expect.objectContaining({ id: deposit.id, status: "refunding", changeNowId: null, maxAmount: null, payinExtraId: null })]);

    await rewrite(userId, { method: "GET", path: "/deposits/*", rewrite: { set: { "data.deposit.status": "awaiting_deposit" } } });
    expect(expectOk("getDeposit", await call("getDeposit", { token, params: { depositId: deposit.id } })).deposit.status).toBe("awaitingDeposit");
  });

  it("transactions with an unknown status and no merchant or card", async () => {
    const { token } = await newUser("agreed");
    const userId = await partnerIdOf(token);
    const item = { transactionId: "txn_tolerance", type: "spend", status: "reversed", amountCents: 1299, currency: "USD", createdAt: "2026-02-18T18:30:00.000Z", network: "visa" };
    await rewrite(userId, { method: "GET", path: "/transactions", rewrite: { set: { "data.transactions": [item] } } });
    const { transactions } = expectOk("listTransactions", await call("listTransactions", { token }));
    expect(transactions).toEqual([{ transactionId: "txn_tolerance", type: "spend", status: "reversed", amountCents: 1299, currency: "USD", merchantName: null, cardId: null, createdAt: item.createdAt }]);
  });
});

describe("KYC statuses the Worker has not seen", () => {
  it("are passed through as strings, and the user stays at the KYC step", async () => {
    const { token, email } = await newUser();
    expectOk("submitKycApplication", await call("submitKycApplication", { token, body: kycApplication({ email, lastName: "Smith" }) }));
    const userId = await partnerIdOf(token);
    await rewrite(userId, { method: "GET", path: "/kyc/status", rewrite: { set: { "data.status": "awaiting_documents", "data.riskScore": 3 } } });
    expect(expectOk("getKycStatus", await call("getKycStatus", { token })).status).toBe("awaiting_documents");
    const me = expectOk("getMe", await call("getMe", { token }));
    expect(me.kyc.status).toBe("awaiting_documents");
    expect(me.nextStep).toBe("kyc");
  });

  it("in the other spelling read as the known status", async () => {
    const { token, email } = await newUser();
    expectOk("submitKycApplication", await call("submitKycApplication", { token, body: kycApplication({ email, lastName: "Smith" }) }));
    await rewrite(await partnerIdOf(token), { method: "GET", path: "/kyc/status", rewrite: { set: { "data.status": "needsVerification" } } });
    expect(expectOk("getKycStatus", await call("getKycStatus", { token })).status).toBe("needs_verification");
  });

  it("do not break the first sign-in (the resolve reply with an unknown status and extra fields)", async () => {
    const jwt = await signIn();
    const sub = JSON.parse(atob(jwt.split(".")[1]!.replaceAll("-", "+").replaceAll("_", "/"))).sub as string;
    await rewrite(await partnerUserIdFor(sub), {
      method: "POST",
      path: "/users/resolve",
      times: 1,
      rewrite: { set: { "data.kycStatus": "under_review", "data.tier": "basic" } },
    });
    const me = expectOk("getMe", await call("getMe", { token: jwt }));
    expect(me.kyc.status).toBe("not_submitted");
    expect(me.nextStep).toBe("kyc");
  });
});

describe("links from Machines", () => {
  it("a javascript: or plain-http KYC link is refused (no verificationUrl); an https one is passed on", async () => {
    const { token, email } = await newUser();
    expectOk("submitKycApplication", await call("submitKycApplication", { token, body: kycApplication({ email, lastName: "Smith" }) }));
    const userId = await partnerIdOf(token);
    await rewrite(userId, {
      method: "GET",
      path: "/kyc/status",
      times: 1,
      rewrite: {
        set: {
          "data.completionLink": "javascript:alert(document.cookie)",
          "data.externalVerificationLink": { url: "http://evil.example/verify", params: { userId: "u", signature: "s" } },
        },
      },
    });
    const refused = expectOk("getKycStatus", await call("getKycStatus", { token }));
    expect(refused).toMatchObject({ status: "needs_verification", verificationUrl: null });

    await rewrite(userId, { method: "GET", path: "/kyc/status", times: 1, rewrite: { set: { "data.completionLink": "https://kyc.machines.cash/verify?session=1" } } });
    expect(expectOk("getKycStatus", await call("getKycStatus", { token })).verificationUrl).toBe("https://kyc.machines.cash/verify?session=1");
  });

  it("agreement links that are not https are left out, the agreements themselves kept", async () => {
    const { token } = await newUser("approved");
    await rewrite(await partnerIdOf(token), {
      method: "GET",
      path: "/agreements",
      rewrite: { set: { "data.agreements.0.links.0.url": "javascript:alert(1)", "data.agreements.2.links.1.url": "http://evil.example/privacy" } },
    });
    const { agreements } = expectOk("getAgreements", await call("getAgreements", { token }));
    expect(agreements).toHaveLength(5);
    expect(agreements[0]!.links).toEqual([]);
    expect(agreements[2]!.links).toEqual([{ label: "Machines Card Terms", url: "https://machines.cash/machines-card-terms" }]);
    expect(agreements.flatMap((a) => a.links).every((l) => l.url.startsWith("https://"))).toBe(true);
  });

  it("http is followed only on loopback, and only in the sandbox", () => {
    const sandbox = { environment: "sandbox" as const, what: "test" };
    const production = { environment: "production" as const, what: "test" };
    expect(followableLink("http://127.0.0.1:8788/sandbox/kyc/verify?userId=u", sandbox)).toBe("http://127.0.0.1:8788/sandbox/kyc/verify?userId=u");
    expect(followableLink("http://localhost:8788/sandbox/kyc/verify", sandbox)).not.toBeNull();
    expect(followableLink("http://127.0.0.1:8788/sandbox/kyc/verify", production)).toBeNull();
    expect(followableLink("http://evil.example/verify", sandbox)).toBeNull();
    expect(followableLink("http://127.0.0.1.evil.example/verify", sandbox)).toBeNull();
    expect(followableLink("javascript:alert(1)", sandbox)).toBeNull();
    expect(followableLink("data:text/html,<script>1</script>", production)).toBeNull();
    expect(followableLink("not a url", production)).toBeNull();
    expect(followableLink("https://kyc.machines.cash/verify", production)).toBe("https://kyc.machines.cash/verify");
  });
});

describe("'kyc required' recognised wherever Machines puts it", () => {
  it.each([
    ["the summary", { errors: [{ code: "conflict", message: "requested scopes are not allowed yet" }], summary: "KYC required before card scopes" }],
    ["a later error item", { errors: [{ code: "conflict", message: "scopes refused" }, { code: "precondition_failed", message: "kyc required" }], summary: "request failed" }],
  ])("in %s: 409 kyc_required", async (_where, set) => {
    const { token } = await newUser();
    await rewrite(await partnerIdOf(token), { method: "POST", path: "/sessions", times: 1, rewrite: { set } });
    expectError(await call("listTransactions", { token }), 409, "kyc_required");
  });
});
