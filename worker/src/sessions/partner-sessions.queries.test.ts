import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { findUserWithSessions, saveUser } from "../users/users.queries";
import { deleteSession, saveSession } from "./partner-sessions.queries";

const NOW = "2026-01-01T00:00:00.000Z";
const card = (sessionId: string, expiresAt = 1_900_000_000_000) => ({
  kind: "card" as const,
  sessionId,
  scopes: ["cards.read", "cards.write"],
  expiresAt,
  sealed: { iv: `iv-${sessionId}`, ciphertext: `ct-${sessionId}` },
});

async function user(id: string) {
  await saveUser(env.DB, {
    partnerUserId: id,
    crossmintUserId: `cm-${id}`,
    machinesUserId: `m-${id}`,
    walletAddress: "0x" + "cd".repeat(20),
    kycStatus: "approved",
    linkedAt: NOW,
    lastUsedAt: NOW,
  });
}
const sessionsOf = async (id: string) => (await findUserWithSessions(env.DB, { partnerUserId: id }))!.sessions;

describe("partner session queries", () => {
  it("keeps one session per user and kind, the newest replacing the old", async () => {
    await user("u1");
    await saveSession(env.DB, "u1", card("s1"), NOW);
    await saveSession(env.DB, "u1", card("s2", 1_950_000_000_000), NOW);
    expect(await sessionsOf("u1")).toEqual({ card: card("s2", 1_950_000_000_000) });
  });

  it("deletes a refused session only if it was not already replaced", async () => {
    await user("u2");
    await saveSession(env.DB, "u2", card("old"), NOW);
    await saveSession(env.DB, "u2", card("new"), NOW);
    await deleteSession(env.DB, "u2", "card", "old");
    expect(await sessionsOf("u2")).toEqual({ card: card("new") });
    await deleteSession(env.DB, "u2", "card", "new");
    expect(await sessionsOf("u2")).toEqual({});
  });

  it("refuses a session for an unknown user", async () => {
    await env.DB.prepare("PRAGMA foreign_keys = ON").run();
    await expect(saveSession(env.DB, "nobody", card("s"), NOW)).rejects.toThrow(/FOREIGN KEY/);
  });
});
