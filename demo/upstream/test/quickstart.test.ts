import { createDecipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isLuhnValid } from "../crypto/card-secrets";
import { application, createHarness, PARTNER_KEY } from "./harness";
import quickstart from "./fixtures/quickstart-replies.json";
import { expectSameShape } from "./shape";

/** The docs' step-15 snippet, verbatim apart from types. */
function decrypt({ iv, data }: { iv: string; data: string }, keyHex: string): string {
  const key = Buffer.from(keyHex, "hex");
  const payload = Buffer.from(data, "base64");
  const tag = payload.subarray(payload.length - 16);
  const ciphertext = payload.subarray(0, payload.length - 16);
  const decipher = createDecipheriv("aes-128-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
}

describe("the documented quickstart, replayed request by request", () => {
  it("gets the documented shapes, and card secrets that decrypt to a Luhn-valid PAN", async () => {
    const { call } = createHarness();
    const wallet = "0x462B1eD1B62F4c282c0EA342BCefcF8f9919226E";
    const expectReply = (reply: { status: number; json: any }, example: any, o?: Parameters<typeof expectSameShape>[2]) => {
      expect(reply.status).toBe(200);
      expect(reply.json.summary).toBe(example.summary);
      expectSameShape(reply.json, example, o);
    };

    // 1. Create a session token (before the user was ever resolved).
    const step1 = await call("POST", "/sessions", {
      partnerKey: PARTNER_KEY,
      body: { userId: "eeetest", scopes: ["kyc.read", "kyc.write"], walletAddress: wallet, ttlSeconds: 9001 },
    });
    expectReply(step1, quickstart.sessionCreated);
    expect(step1.json.data.expiresAt).toBe("2026-01-16T16:47:52.000Z"); // 14:17:51 + 9001 s, whole seconds
    const token = step1.json.data.sessionToken as string;

    // 2. Create or link the user.
    const step2 = await call("POST", "/users/resolve", {
      partnerKey: PARTNER_KEY,
      body: { userId: "eeetest", walletAddress: wallet, walletLabel: "Main Wallet" },
    });
    expectReply(step2, quickstart.userLinked);
    expect(step2.json.data).toMatchObject({ userId: "eeetest", walletAddress: wallet.toLowerCase(), kycStatus: "not_submitted" });

    // 3. KYC values: identical to the docs, byte for byte.
    const step3 = await call("GET", "/kyc/values", { token });
    expectReply(step3, quickstart.kycValues);
    expect(step3.json.data).toEqual(quickstart.kycValues.data);

    // 4. Submit KYC with an "approved" last name: approved at once.
    const step4 = await call("POST", "/kyc/applications", { token, body: application("TestApproved") });
    expect(step4.json.summary).toBe("kyc submitted");
    expectSameShape(step4.json.data, quickstart.kycStatusApproved.data);
    expect(step4.json.data).toMatchObject({ status: "approved", completionLink: null, externalVerificationLink: null });

    // 6. Poll KYC status.
    const step6 = await call("GET", "/kyc/status", { token });
    expectReply(step6, quickstart.kycStatusApproved);
    expect(step6.json.data).toEqual(quickstart.kycStatusApproved.data);

    // 7. Agreements, then accept them.
    const step7 = await call("GET", "/agreements", { token });
    expectReply(step7, quickstart.agreements);
    expect(step7.json.data).toEqual(quickstart.agreements.data);
    const step7b = await call("POST", "/agreements", { token, body: { accepted: true } });
    expectReply(step7b, quickstart.agreementsAccepted);
    expect(step7b.json.data.accepted).toBe(true);

    // 8. Create a deposit address (the quickstart sends usdc on base, still with the KYC-only token).
    const step8 = await call("POST", "/deposits", { token, body: { currency: "usdc", network: "base" } });
    const depositShape = { allowExtra: ["data.deposit.payinExtraId"], nullable: ["data.deposit.changeNowId"] };
    expectReply(step8, quickstart.depositCreated, depositShape);
    expect(step8.json.data.deposit).toMatchObject({ status: "awaitingDeposit", minAmount: 1, fromCurrency: "usdc", fromNetwork: "base" });
    expect(step8.json.data.deposit.depositAddress).toMatch(/^0x[0-9a-fA-F]{40}$/);

    // 9. Deposit status and balances.
    const step9 = await call("GET", `/deposits/${step8.json.data.deposit.id}`, { token });
    expectReply(step9, quickstart.deposit, depositShape);
    const balances = await call("GET", "/balances", { token });
    expectReply(balances, quickstart.balances);

    // 10. A card session token.
    const step10 = await call("POST", "/sessions", {
      partnerKey: PARTNER_KEY,
      body: {
        userId: "eeetest",
        scopes: ["crypto.read", "crypto.write", "cards.secrets.read", "cards.write", "cards.read"],
        walletAddress: wallet,
        ttlSeconds: 9001,
      },
    });
    expectReply(step10, quickstart.cardSessionCreated);
    expect(step10.json.data.scopes).toEqual(quickstart.cardSessionCreated.data.scopes);
    const cardToken = step10.json.data.sessionToken as string;

    // 11. Encrypt a card label.
    const step11 = await call("POST", "/encryption/encrypt", { token: cardToken, body: { value: "Marketing Spend" } });
    expectReply(step11, quickstart.encrypted);
    expect(step11.json.data.value.v).toBe(1);

    // 12. Create a card with the label and a limit (the sandbox returns the full card, a superset).
    const step12 = await call("POST", "/cards", {
      token: cardToken,
      body: { encryptedName: step11.json.data.value, limit: { amountCents: 2500, frequency: "perAuthorization" } },
    });
    const cardExtras = ["limit", "encryptedName", "encryptedColor", "encryptedEmoji", "encryptedMemo", "folderId", "contractId", "isPinned", "sortOrder", "createdAt"];
    expectReply(step12, quickstart.cardCreated, { allowExtra: cardExtras.map((key) => `data.${key}`) });
    expect(step12.json.data).toMatchObject({ status: "active", brand: "VISA", expirationMonth: 12 });
    const cardId = step12.json.data.cardId as string;

    // 13. A card secrets session.
    const step13 = await call("POST", "/cards/secrets/session", { token: cardToken, rawBody: "{}", contentType: "application/json" });
    expectReply(step13, quickstart.cardSecretsSession);
    const { sessionId, secretKey } = step13.json.data;
    expect(secretKey).toMatch(/^[0-9a-f]{32}$/);

    // 14. Card secrets.
    const step14 = await call("POST", `/cards/${cardId}/secrets`, { token: cardToken, body: { sessionId } });
    expectReply(step14, quickstart.cardSecrets);
    expect(Buffer.from(step14.json.data.encryptedPan.iv, "base64")).toHaveLength(16);
    expect(Buffer.from(step14.json.data.encryptedPan.data, "base64")).toHaveLength(32);
    expect(Buffer.from(step14.json.data.encryptedCvc.data, "base64")).toHaveLength(19);

    // 15. Decrypt server-side, exactly as the docs do.
    const pan = decrypt(step14.json.data.encryptedPan, secretKey);
    const cvc = decrypt(step14.json.data.encryptedCvc, secretKey);
    expect(pan).toMatch(/^\d{16}$/);
    expect(isLuhnValid(pan)).toBe(true);
    expect(cvc).toMatch(/^\d{3}$/);
    expect(pan.slice(-4)).toBe(step12.json.data.last4);

    // The same card gives the same numbers under a fresh session and IV.
    const again = await call("POST", "/cards/secrets/session", { token: cardToken, body: {} });
    const secrets2 = await call("POST", `/cards/${cardId}/secrets`, { token: cardToken, body: { sessionId: again.json.data.sessionId } });
    expect(secrets2.json.data.encryptedPan.iv).not.toBe(step14.json.data.encryptedPan.iv);
    expect(decrypt(secrets2.json.data.encryptedPan, again.json.data.secretKey)).toBe(pan);
  });

  it("answers a non-approved application like the docs' step 4, with a sandbox verification link", async () => {
    const { call, session } = createHarness({ publicBaseUrl: "http://127.0.0.1:9999/" });
    const token = await session("smith-user", ["kyc.read", "kyc.write"]);
    const reply = await call("POST", "/kyc/applications", { token, body: application("smith") });
    expect(reply.status).toBe(200);
    expectSameShape(reply.json, quickstart.kycSubmittedNeedsVerification);
    expect(reply.json.data).toMatchObject({
      status: "needs_verification",
      reason: "",
      isActive: true,
      completionLink: { url: "http://127.0.0.1:9999/sandbox/kyc/verify", params: { userId: "smith-user" } },
    });
    expect(reply.json.data.externalVerificationLink).toEqual(reply.json.data.completionLink);
  });
});
