import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { Card, CardListData } from "./cards";
import { DepositData, DepositsData } from "./deposits";
import { endpointPath } from "./define-endpoint";
import { machinesApi } from "./endpoints";
import { KycStatusData } from "./kyc";
import { TransactionsData } from "./transactions";
import { UserResolveData } from "./users";
import { Execution } from "./withdrawals";

/** Reference §12: replies are read the way the real service sends them. */

/** The quickstart's deposit (abridged in the reference), with the fields it shows and nothing else. */
const quickstartDeposit = {
  id: "cmkh7ocks0001s601xm7v8ljp",
  contractId: "2729a818-0000-0000-0000-000000000000",
  fromCurrency: "usdc",
  fromNetwork: "base",
  depositAddress: "0x969A0000000000000000000000000000000066d3",
  chainId: 8453,
  minAmount: 1,
  status: "awaitingDeposit",
  createdAt: "2026-01-16T14:20:00.000Z",
  updatedAt: "2026-01-16T14:20:00.000Z",
};

const fullCard = {
  cardId: "9f970d1a-0000-4000-8000-000000000000",
  status: "active",
  brand: "VISA",
  last4: "4242",
  expirationMonth: 12,
  expirationYear: 2029,
  limit: null,
  encryptedName: null,
  encryptedColor: null,
  encryptedEmoji: null,
  encryptedMemo: null,
  folderId: null,
  contractId: null,
  isPinned: false,
  sortOrder: 0,
  createdAt: "2026-01-16T14:20:00.000Z",
};

const kycPayload = { status: "pending", reason: "", completionLink: null, externalVerificationLink: null, isActive: true, isTermsOfServiceAccepted: false };

const without = <T extends object>(value: T, key: string) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));

describe("optional fields may be absent, not only null", () => {
  it("reads the quickstart's deposit, which has no changeNowId, maxAmount or payinExtraId", () => {
    expect(DepositData.parse({ deposit: quickstartDeposit }).deposit.status).toBe("awaitingDeposit");
  });

  it.each(["changeNowId", "maxAmount", "payinExtraId"])("a deposit without %s", (field) => {
    const deposit = { ...quickstartDeposit, changeNowId: "ff65698c01121a", maxAmount: null, payinExtraId: null };
    expect(DepositData.safeParse({ deposit: without(deposit, field) }).success).toBe(true);
  });

  it.each(["folderId", "isPinned", "sortOrder", "encryptedName", "encryptedColor", "encryptedEmoji", "encryptedMemo"])("a card without %s", (field) => {
    expect(Card.safeParse(without(fullCard, field)).success).toBe(true);
  });

  it("a v1 execution without coordinatorAddress, a v2 one without controllerAddress", () => {
    const base = { contractId: "c", chainId: 84532, collateralProxyAddress: "0x1", callTarget: "0x2" };
    expect(Execution.safeParse({ ...base, contractVersion: 1, controllerAddress: "0x2", callPath: "controller_v1" }).success).toBe(true);
    expect(Execution.safeParse({ ...base, contractVersion: 2, coordinatorAddress: "0x2", callPath: "coordinator_v2" }).success).toBe(true);
  });

  it("still refuses a reply missing a field the product needs", () => {
    expect(Card.safeParse(without(fullCard, "last4")).success).toBe(false);
    expect(DepositData.safeParse({ deposit: without(quickstartDeposit, "status") }).success).toBe(false);
  });
});

describe("status enums are open", () => {
  it("carries an unknown status through every list and payload as a string", () => {
    expect(CardListData.parse({ cards: [{ ...fullCard, status: "frozen_by_issuer" }], nextCursor: null }).cards[0]!.status).toBe("frozen_by_issuer");
    expect(DepositsData.parse({ deposits: [{ ...quickstartDeposit, status: "refunding" }] }).deposits[0]!.status).toBe("refunding");
    const transaction = { transactionId: "txn_1", type: "spend", status: "reversed", amountCents: 1299, currency: "USD", createdAt: "2026-02-18T18:30:00.000Z" };
    expect(TransactionsData.parse({ transactions: [transaction] }).transactions[0]!.status).toBe("reversed");
    expect(KycStatusData.parse({ ...kycPayload, status: "awaiting_documents" }).status).toBe("awaiting_documents");
    expect(UserResolveData.parse({ userId: "u", walletAddress: null, kycStatus: "under_review_2", createdAt: "t" }).kycStatus).toBe("under_review_2");
  });

  it("reads a known status in the other spelling as the known one", () => {
    expect(KycStatusData.parse({ ...kycPayload, status: "needsVerification" }).status).toBe("needs_verification");
    expect(KycStatusData.parse({ ...kycPayload, status: "manualReview" }).status).toBe("manual_review");
    expect(Card.parse({ ...fullCard, status: "notActivated" }).status).toBe("not_activated");
    expect(DepositData.parse({ deposit: { ...quickstartDeposit, status: "awaiting_deposit" } }).deposit.status).toBe("awaitingDeposit");
  });

  it("still refuses a status that is not a string", () => {
    expect(KycStatusData.safeParse({ ...kycPayload, status: 3 }).success).toBe(false);
  });
});

describe("unknown extra fields are ignored", () => {
  it("list items with fields the docs do not show", () => {
    const cards = CardListData.parse({ cards: [{ ...fullCard, network: "visa", spendControls: { mcc: [] } }], nextCursor: null, total: 1 });
    expect(cards.cards[0]).not.toHaveProperty("network");
    const deposits = DepositsData.parse({ deposits: [{ ...quickstartDeposit, rate: { id: "r" }, payoutHash: null }] });
    expect(deposits.deposits[0]).not.toHaveProperty("rate");
  });
});

describe("the endpoint table", () => {
  const endpoints = Object.entries(machinesApi);

  it("declares every path parameter in its params schema, and nothing else", () => {
    for (const [name, endpoint] of endpoints) {
      const inPath = [...endpoint.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort();
      const declared = "params" in endpoint && endpoint.params ? Object.keys((endpoint.params as z.ZodMiniObject).shape).sort() : [];
      expect(declared, name).toEqual(inPath);
    }
  });

  it("names one credential per endpoint: the partner key only on /sessions and /users/resolve, never with a scope", () => {
    const partner = endpoints.filter(([, e]) => e.auth === "partner").map(([, e]) => e.path);
    expect(partner.sort()).toEqual(["/sessions", "/users/resolve"]);
    for (const [name, e] of endpoints) if (e.auth === "partner") expect("scope" in e, name).toBe(false);
  });

  it("takes an Idempotency-Key exactly on the three creates", () => {
    const keyed = endpoints.filter(([, e]) => "idempotencyKey" in e && e.idempotencyKey).map(([, e]) => `${e.method} ${e.path}`);
    expect(keyed.sort()).toEqual(["POST /cards", "POST /deposits", "POST /withdrawals"]);
  });

  it("fills path parameters URI-encoded", () => {
    expect(endpointPath(machinesApi.getCard, { cardId: "a/b c" })).toBe("/cards/a%2Fb%20c");
    expect(() => endpointPath(machinesApi.getCard, {})).toThrow(/cardId/);
  });

  it("picks the documented shape a two-shape body follows", () => {
    const docs = { userId: "u", scopes: ["kyc.read"], walletAddress: "0x462B1eD1B62F4c282c0EA342BCefcF8f9919226E" };
    const example = { externalUserId: "u", wallet: { chain: "evm", address: docs.walletAddress }, scopes: ["kyc.read"] };
    expect(machinesApi.createSession.body!.safeParse(docs).success).toBe(true);
    expect(machinesApi.createSession.body!.safeParse(example).success).toBe(true);
    const errors = machinesApi.createSession.bodyShape!({ externalUserId: "u" }).safeParse({ externalUserId: "u" }).error!.issues.map((i) => i.path[0]);
    expect(errors).toContain("wallet");
    const old = { amountCents: 500, tokenAddress: "0xT", recipientAddress: "0xR", chainId: 84532 };
    expect(machinesApi.createWithdrawal.bodyShape!(old).safeParse(old).success).toBe(true);
  });
});
