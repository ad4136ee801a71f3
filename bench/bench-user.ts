/**
 * The person the Worker benchmarks read and write for: signed in, KYC approved, agreements accepted,
 * with a card session cached by the Worker. For the direct calls, a partner session of the same user
 * with the same scopes, minted at the simulator the way the Worker mints its own (`POST /sessions`
 * with the partner key), so both sides send Machines exactly the same request.
 */
import { readFileSync } from "node:fs";
import type { RunningStack } from "../test/stack";
import { newSandboxUser } from "../test/support/sandbox/new-user";
import { createSandboxClient } from "../test/support/sandbox/sandbox-client";
import { createWorkerClient } from "../test/support/sandbox/worker-client";

export interface BenchUser {
  /** The user's identity JWT, for the Worker. */
  token: string;
  /** A Machines partner session token of the same user, for the direct calls. */
  sessionToken: string;
  partnerUserId: string;
}

/** The card session's scopes as the stack's Worker asks for them (wrangler.toml's CARD_SCOPES). */
function cardScopes(): string[] {
  const match = /^CARD_SCOPES\s*=\s*"([^"]+)"/m.exec(readFileSync("wrangler.toml", "utf8"));
  if (!match) throw new Error("wrangler.toml has no CARD_SCOPES");
  return match[1]!.split(",");
}

export async function benchUser(stack: RunningStack, workerUrl = stack.workerUrl): Promise<BenchUser> {
  const sandbox = createSandboxClient({ sandboxUrl: stack.sandboxUrl });
  const worker = createWorkerClient(workerUrl);
  const { token, machinesUserId, walletAddress } = await newSandboxUser(worker, sandbox, { label: "bench", stage: "agreements-accepted" });
  // The first card-scoped read mints and caches the card session (`bringToStage` made it); every later one reuses it.

  const res = await fetch(`${stack.partnerApiUrl}/sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Partner-Key": stack.partnerKey },
    body: JSON.stringify({
      userId: machinesUserId,
      walletAddress,
      scopes: cardScopes(),
      ttlSeconds: 3600,
    }),
  });
  const body = (await res.json()) as { ok: boolean; data: { sessionToken: string } };
  if (!res.ok || !body.ok) throw new Error(`could not mint a direct partner session: HTTP ${res.status}`);
  return { token, sessionToken: body.data.sessionToken, partnerUserId: machinesUserId };
}
