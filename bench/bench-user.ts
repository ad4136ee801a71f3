/**
 * The person the Worker benchmarks read and write for: signed in, KYC approved, agreements accepted,
 * with a card session cached by the Worker. For the direct calls, a partner session of the same user
 * with the same scopes, minted at the simulator the way the Worker mints its own (`POST /sessions`
 * with the partner key), so both sides send Machines exactly the same request.
 */
import { readFileSync } from "node:fs";
import type { RunningStack } from "../test/stack";
import { approvedApplication } from "../demo/upstream/testing/approved-application";
import { createSandboxClient, uniqueEmail } from "../test/load/sandbox-client";
import { createWorkerClient } from "../test/load/worker-client";

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
  const email = uniqueEmail("bench");
  const token = await sandbox.signIn(email);
  const me = await worker.ok("getMe", { token });
  await worker.ok("submitKycApplication", { token, body: approvedApplication(email) });
  await worker.ok("acceptAgreements", { token, body: { accepted: true } });
  // The first card-scoped read mints and caches the card session; every later one reuses it.
  await worker.ok("getBalances", { token });

  const res = await fetch(`${stack.partnerApiUrl}/sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Partner-Key": stack.partnerKey },
    body: JSON.stringify({
      userId: me.user.id,
      walletAddress: me.user.walletAddress,
      scopes: cardScopes(),
      ttlSeconds: 3600,
    }),
  });
  const body = (await res.json()) as { ok: boolean; data: { sessionToken: string } };
  if (!res.ok || !body.ok) throw new Error(`could not mint a direct partner session: HTTP ${res.status}`);
  return { token, sessionToken: body.data.sessionToken, partnerUserId: me.user.id };
}
