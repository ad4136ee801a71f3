import { describe, expect, it } from "vitest";
import {
  CardCreateData,
  isExampleShapedBody,
  isLegacyWithdrawalBody,
  KycStatusData,
  SessionCreateDocsRequest,
  SessionCreateExampleRequest,
  UserResolveData,
  upgradeLegacyWithdrawal,
  WithdrawalCreateData,
  WithdrawalCreateLegacyRequest,
  WithdrawalCreateRequest,
} from "./index";

const execution = {
  contractId: "c1",
  contractVersion: 2,
  chainId: 84532,
  collateralProxyAddress: "0x1111111111111111111111111111111111111111",
  controllerAddress: "0x2222222222222222222222222222222222222222",
  coordinatorAddress: "0x3333333333333333333333333333333333333333",
  callTarget: "0x3333333333333333333333333333333333333333",
  callPath: "coordinator_v2",
};

describe("reply schemas accept every documented variant", () => {
  it("withdrawal ready: the docs example, string signature, example type, byte-array salt, numeric expiry", () => {
    const docs = {
      status: "ready",
      retryAfterSeconds: null,
      parameters: ["0xCollateralProxy", "0xToken", "5000", "0xRecipient", 1716400000, "0xExecutorSalt", "0xExecutorSignature"],
      signature: { data: "0x...", salt: "0x..." },
      expiresAt: "2026-01-01T00:00:00Z",
    };
    expect(WithdrawalCreateData.safeParse(docs).success).toBe(true);
    for (const signature of ["0xabc", null, { expiresAt: 1716400000, parameters: docs.parameters }, { data: "0x", salt: "a", parameters: [] }]) {
      expect(WithdrawalCreateData.safeParse({ ...docs, signature, execution, relay: null }).success).toBe(true);
    }
    const bytes = Array.from({ length: 32 }, (_, i) => i);
    expect(WithdrawalCreateData.safeParse({ ...docs, parameters: [...docs.parameters.slice(0, 5), bytes, "0x"], expiresAt: 1716400000 }).success).toBe(true);
    expect(WithdrawalCreateData.safeParse({ status: "pending", retryAfterSeconds: 2, execution, relay: null }).success).toBe(true);
    expect(WithdrawalCreateData.safeParse({ status: "done" }).success).toBe(false);
  });

  it("KYC links as {url, params} or a string", () => {
    const base = { status: "needs_verification", reason: "", isActive: true, isTermsOfServiceAccepted: false };
    const link = { url: "https://kyc.machines.cash/verify", params: { userId: "u", signature: "s" } };
    expect(KycStatusData.safeParse({ ...base, completionLink: link, externalVerificationLink: link }).success).toBe(true);
    expect(KycStatusData.safeParse({ ...base, completionLink: "https://x", externalVerificationLink: null }).success).toBe(true);
    expect(KycStatusData.safeParse({ ...base, reason: null, isActive: null, completionLink: null, externalVerificationLink: null }).success).toBe(true);
  });

  it("card create reply: the quickstart's six fields or the full card", () => {
    expect(
      CardCreateData.safeParse({ cardId: "9f970d1a", status: "active", brand: "VISA", last4: "4242", expirationMonth: 12, expirationYear: 2029 }).success,
    ).toBe(true);
  });

  it("resolve reply: docs and example", () => {
    const docs = { userId: "eeetest", walletAddress: "0x462b1ed1b62f4c282c0ea342bcefcf8f9919226e", kycStatus: "not_submitted", createdAt: "2026-01-16T14:17:51.298Z" };
    expect(UserResolveData.safeParse(docs).success).toBe(true);
    expect(UserResolveData.safeParse({ ...docs, walletAddress: null, wallet: null }).success).toBe(true);
  });
});

describe("request shapes", () => {
  it("session bodies: docs and example", () => {
    const docs = { userId: "eeetest", scopes: ["kyc.read", "kyc.write"], walletAddress: "0x462B1eD1B62F4c282c0EA342BCefcF8f9919226E", ttlSeconds: 9001 };
    const example = { externalUserId: "x:a@b.c", wallet: { chain: "evm", address: docs.walletAddress }, scopes: ["kyc.read"], ttlSeconds: 1800 };
    expect(isExampleShapedBody(docs)).toBe(false);
    expect(isExampleShapedBody(example)).toBe(true);
    expect(SessionCreateDocsRequest.safeParse(docs).success).toBe(true);
    expect(SessionCreateExampleRequest.safeParse(example).success).toBe(true);
    expect(SessionCreateDocsRequest.safeParse({ ...docs, scopes: ["kyc.read", "admin"] }).error?.issues[0]?.path).toEqual(["scopes", 1]);
    expect(SessionCreateDocsRequest.safeParse({ ...docs, ttlSeconds: 59 }).success).toBe(false);
  });

  it("withdrawal bodies: the old flat one upgrades to the current one", () => {
    const old = { amountCents: 500, tokenAddress: "0xT", recipientAddress: "0xR", chainId: 84532 };
    expect(isLegacyWithdrawalBody(old)).toBe(true);
    const upgraded = upgradeLegacyWithdrawal(WithdrawalCreateLegacyRequest.parse(old), { currency: "rusd", network: "base" });
    expect(WithdrawalCreateRequest.parse(upgraded)).toEqual({
      amountCents: 500,
      source: { chainId: 84532, tokenAddress: "0xT" },
      destination: { currency: "rusd", network: "base", address: "0xR" },
    });
  });
});
