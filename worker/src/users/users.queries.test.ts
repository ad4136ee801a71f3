import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { saveSession } from "../sessions/partner-sessions.queries";
import type { PartnerUser } from "./partner-user";
import { findUserWithSessions, saveKycStatus, saveUser, touchUser } from "./users.queries";

function aUser(id: string, overrides: Partial<PartnerUser> = {}): PartnerUser {
  return {
    partnerUserId: `mc_${id}`,
    crossmintUserId: `cm-${id}`,
    machinesUserId: `m-${id}`,
    walletAddress: "0x" + "ab".repeat(20),
    kycStatus: "not_submitted",
    linkedAt: "2026-01-01T00:00:00.000Z",
    lastUsedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

const session = (kind: "kyc" | "card", sessionId: string) => ({
  kind,
  sessionId,
  scopes: kind === "kyc" ? ["kyc.read", "kyc.write"] : ["cards.read"],
  expiresAt: 1_900_000_000_000,
  sealed: { iv: "aXY=", ciphertext: `ct-${sessionId}` },
});

describe("users queries", () => {
  it("finds nobody before linking", async () => {
    expect(await findUserWithSessions(env.DB, { crossmintUserId: "cm-nobody" })).toBeNull();
  });

  it("saves a user and finds them by Crossmint id or partner id, with no sessions yet", async () => {
    const user = aUser("a");
    expect(await saveUser(env.DB, user)).toEqual(user);
    expect(await findUserWithSessions(env.DB, { crossmintUserId: "cm-a" })).toEqual({ user, sessions: {} });
    expect(await findUserWithSessions(env.DB, { partnerUserId: "mc_a" })).toEqual({ user, sessions: {} });
  });

  it("returns the user with both cached sessions in one query", async () => {
    await saveUser(env.DB, aUser("b"));
    await saveSession(env.DB, "mc_b", session("kyc", "s-kyc"), "2026-01-01T00:00:00.000Z");
    await saveSession(env.DB, "mc_b", session("card", "s-card"), "2026-01-01T00:00:00.000Z");
    const found = await findUserWithSessions(env.DB, { crossmintUserId: "cm-b" });
    expect(found?.sessions).toEqual({ kyc: session("kyc", "s-kyc"), card: session("card", "s-card") });
  });

  it("keeps the first linked_at when a racing first request links the same person again", async () => {
    await saveUser(env.DB, aUser("c", { linkedAt: "2026-01-01T00:00:00.000Z" }));
    const again = await saveUser(env.DB, aUser("c", { linkedAt: "2026-02-02T00:00:00.000Z", lastUsedAt: "2026-02-02T00:00:00.000Z", kycStatus: "approved" }));
    expect(again.linkedAt).toBe("2026-01-01T00:00:00.000Z");
    expect(again.lastUsedAt).toBe("2026-02-02T00:00:00.000Z");
    expect(again.kycStatus).toBe("approved");
  });

  it("refuses a second partner id for the same Crossmint user", async () => {
    await saveUser(env.DB, aUser("d"));
    await expect(saveUser(env.DB, aUser("other", { crossmintUserId: "cm-d" }))).rejects.toThrow(/UNIQUE/);
  });

  it("moves last_used_at only when the stored one is older than the window", async () => {
    await saveUser(env.DB, aUser("e", { lastUsedAt: "2026-01-01T00:10:00.000Z" }));
    expect(await touchUser(env.DB, "mc_e", "2026-01-01T00:12:00.000Z", "2026-01-01T00:07:00.000Z")).toBe(false);
    expect(await touchUser(env.DB, "mc_e", "2026-01-01T00:20:00.000Z", "2026-01-01T00:15:00.000Z")).toBe(true);
    expect((await findUserWithSessions(env.DB, { partnerUserId: "mc_e" }))?.user.lastUsedAt).toBe("2026-01-01T00:20:00.000Z");
  });

  it("remembers the KYC status", async () => {
    await saveUser(env.DB, aUser("f"));
    await saveKycStatus(env.DB, "mc_f", "approved");
    expect((await findUserWithSessions(env.DB, { partnerUserId: "mc_f" }))?.user.kycStatus).toBe("approved");
  });
});
