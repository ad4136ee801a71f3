import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { saveUser } from "../users/users.queries";
import { claimRevealTicket, findRevealTicket, purgeRevealTickets, saveRevealTicket, type RevealTicketRecord } from "./reveal-tickets.queries";
import { newTicket, ticketHash } from "./ticket-id";

const NOW = 1_900_000_000_000;

async function aTicket(overrides: Partial<RevealTicketRecord> = {}) {
  const partnerUserId = `mc_${crypto.randomUUID()}`;
  await saveUser(env.DB, {
    partnerUserId,
    crossmintUserId: `cm-${partnerUserId}`,
    machinesUserId: `m-${partnerUserId}`,
    walletAddress: "0x" + "ab".repeat(20),
    kycStatus: "approved",
    linkedAt: "2026-01-01T00:00:00.000Z",
    lastUsedAt: "2026-01-01T00:00:00.000Z",
  });
  const ticket = newTicket();
  const record = {
    ticketHash: await ticketHash(ticket),
    partnerUserId,
    cardId: "card-0001",
    origin: "https://shop.example",
    theme: { scheme: "dark" as const, colors: { brand: "#112233" }, font: "Inter, sans-serif", radius: 6 },
    locale: "es" as const,
    hideAfterSeconds: 45,
    createdAt: NOW,
    expiresAt: NOW + 60_000,
    ...overrides,
  };
  await saveRevealTicket(env.DB, record);
  return { ticket, record };
}

describe("reveal tickets (queries)", () => {
  it("are 43 base64url characters, a fresh one each time, kept only as their SHA-256", async () => {
    const { ticket, record } = await aTicket();
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newTicket()).not.toBe(ticket);
    expect(record.ticketHash).toMatch(/^[0-9a-f]{64}$/);
    const rows = JSON.stringify((await env.DB.prepare("SELECT * FROM reveal_tickets").all()).results);
    expect(rows).toContain(record.ticketHash);
    expect(rows).not.toContain(ticket);
  });

  it("read back as written, unused", async () => {
    const { record } = await aTicket();
    expect(await findRevealTicket(env.DB, record.ticketHash)).toEqual({ ...record, usedAt: null });
    expect(await findRevealTicket(env.DB, "0".repeat(64))).toBeNull();
  });

  it("are claimed once: of ten racing claims exactly one wins, and the time is kept", async () => {
    const { record } = await aTicket();
    const wins = await Promise.all(Array.from({ length: 10 }, () => claimRevealTicket(env.DB, record.ticketHash, NOW + 1_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect((await findRevealTicket(env.DB, record.ticketHash))!.usedAt).toBe(NOW + 1_000);
    expect(await claimRevealTicket(env.DB, record.ticketHash, NOW + 2_000)).toBe(false);
  });

  it("cannot be claimed once expired", async () => {
    const { record } = await aTicket();
    expect(await claimRevealTicket(env.DB, record.ticketHash, NOW + 60_000)).toBe(false);
    expect((await findRevealTicket(env.DB, record.ticketHash))!.usedAt).toBeNull();
  });

  it("are forgotten once expired before the cut-off", async () => {
    const old = await aTicket({ expiresAt: NOW - 1 });
    const live = await aTicket();
    expect(await purgeRevealTickets(env.DB, NOW)).toBeGreaterThanOrEqual(1);
    expect(await findRevealTicket(env.DB, old.record.ticketHash)).toBeNull();
    expect(await findRevealTicket(env.DB, live.record.ticketHash)).not.toBeNull();
  });
});
