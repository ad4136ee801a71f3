import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dataKey, unseal } from "../../worker/src/crypto/sealed-box";
import { Journey } from "../load/api-journey";
import { openLocalD1 } from "../load/local-d1";
import { createSandboxClient } from "../support/sandbox/sandbox-client";
import { createWorkerClient, type WorkerReply } from "../support/sandbox/worker-client";
import { startStack, type RunningStack } from "../stack";

/**
 * The whole journey against the Worker under `wrangler dev`, configured with distinctive secrets, every
 * reply recorded and every log line of the Worker (wrangler's output) and of the sandbox captured; then
 * refusals and failures on top (a reveal of someone else's card, a reveal while Machines fails, too many
 * reveals). No reply body or header may carry the partner key, the Crossmint server key, the data key, a
 * partner session token or a card secrets key; no log line may carry any of those, a card number or a CVC.
 */
const canary = (label: string) => `${label}_LEAKCANARY_${randomBytes(8).toString("hex")}`;
const PARTNER_KEY = canary("sk_sandbox");
const SERVER_KEY = canary("sk_crossmint");
const DATA_KEY = randomBytes(32).toString("base64");

const replies: WorkerReply[] = [];
const workerLog: string[] = [];
const sandboxLog: string[] = [];
const cardSecrets: string[] = [];
let stack: RunningStack;
let sessionTokens: string[] = [];
let secretKeys: string[] = [];

beforeAll(async () => {
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void sandboxLog.push(args.map(String).join(" ")));
  }
  stack = await startStack({
    sandbox: { partnerKey: PARTNER_KEY, crossmintServerKey: SERVER_KEY, logger: (line) => sandboxLog.push(line) },
    workerVars: { DATA_ENCRYPTION_KEY: DATA_KEY },
    onWorkerOutput: (text) => workerLog.push(text),
  });
  const sandbox = createSandboxClient({ sandboxUrl: stack.sandboxUrl });
  const worker = createWorkerClient(stack.workerUrl, { onReply: (r) => replies.push(r) });
  const journey = (email?: string) => new Journey({ workerUrl: stack.workerUrl, sandboxUrl: stack.sandboxUrl, worker, sandbox, email });

  const a = journey();
  await a.signIn();
  await a.passKyc();
  await a.acceptAgreements();
  await a.deposit();
  await a.createCard();
  const secrets = await worker.ok("revealCard", { token: a.token, params: { cardId: a.cardId }, body: {} });
  cardSecrets.push(secrets.pan, secrets.cvc);
  await a.purchase();
  await a.sendWithdrawal();
  await a.confirmWithdrawal();

  // Refusals and failures, where careless code leaks most.
  const b = journey();
  await b.signIn();
  await b.passKyc();
  await b.acceptAgreements();
  await worker.call("revealCard", { token: b.token, params: { cardId: a.cardId }, body: {} });
  await worker.call("getCard", { token: b.token, params: { cardId: a.cardId } });
  await worker.call("getWithdrawal", { token: b.token, params: { withdrawalId: a.withdrawalId } });
  await sandbox.addFault({ method: "POST", path: "/cards/*/secrets", kind: "error", status: 503, times: 2 });
  await worker.call("revealCard", { token: a.token, params: { cardId: a.cardId }, body: {} });
  await sandbox.addFault({ method: "POST", path: "/cards/*/secrets", kind: "malformed", times: 2 });
  await worker.call("revealCard", { token: a.token, params: { cardId: a.cardId }, body: {} });
  for (let i = 0; i < 6; i++) await worker.call("revealCard", { token: a.token, params: { cardId: a.cardId }, body: {} });
  await worker.call("getMe", { token: "not-a-token" });
  await worker.call("createCard", { token: a.token, body: { label: "" }, idempotencyKey: crypto.randomUUID() });
  await new Promise((resolve) => setTimeout(resolve, 1000)); // the last log lines

  // Every partner session token the Worker holds (sealed in D1) and every card secrets key Machines issued.
  const db = openLocalD1(stack.worker.persistTo);
  try {
    const rows = db.prepare("SELECT partner_user_id, kind, token_iv, token_ciphertext FROM partner_sessions").all() as {
      partner_user_id: string;
      kind: string;
      token_iv: string;
      token_ciphertext: string;
    }[];
    const key = await dataKey(new Uint8Array(Buffer.from(DATA_KEY, "base64")));
    sessionTokens = await Promise.all(rows.map((r) => unseal(key, { iv: r.token_iv, ciphertext: r.token_ciphertext }, `partner-session:${r.partner_user_id}:${r.kind}`)));
  } finally {
    db.close();
  }
  secretKeys = Object.values(stack.sandbox.simulator.exportState().cardSecretsSessions).map((s) => s.secretKey);
}, 240_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await stack?.stop();
});

const secrets = () => [
  ["the partner key", PARTNER_KEY],
  ["the Crossmint server key", SERVER_KEY],
  ["the data encryption key", DATA_KEY],
  ...sessionTokens.map((t, i) => [`partner session token ${i + 1}`, t] as const),
  ...secretKeys.map((k, i) => [`card secrets key ${i + 1}`, k] as const),
];

describe("the journey's traffic and logs, with distinctive secrets", () => {
  it("covered the whole journey, both partner sessions of each user, reveals, refusals and failures", () => {
    expect(replies.length).toBeGreaterThan(40);
    expect(sessionTokens.length).toBeGreaterThanOrEqual(3);
    expect(secretKeys.length).toBeGreaterThanOrEqual(2);
    expect(replies.some((r) => r.status === 404) && replies.some((r) => r.status === 502) && replies.some((r) => r.status === 429)).toBe(true);
    // The captures work: the Worker's own log lines and the sandbox's are in them.
    expect(workerLog.join("")).toContain("user_linked");
    expect(workerLog.join("")).toContain("machines_call_failed");
    expect(sandboxLog.length).toBeGreaterThan(0);
  });

  it("no reply body or header carries a key, a partner session token or a card secrets key", () => {
    for (const reply of replies) {
      const pairs: string[] = [];
      reply.headers.forEach((value, name) => pairs.push(`${name}: ${value}`));
      const headers = pairs.join("\n");
      for (const [name, secret] of secrets()) {
        expect(reply.text.includes(secret), `${name} in the body of ${reply.operationId}`).toBe(false);
        expect(headers.includes(secret), `${name} in the headers of ${reply.operationId}`).toBe(false);
      }
      expect(reply.text, reply.operationId).not.toMatch(/"(secretKey|sessionToken|partnerKey)"/);
    }
  });

  it("card numbers appear only in the reveal's own reply, never cached", () => {
    const [pan] = cardSecrets;
    for (const reply of replies) {
      if (reply.text.includes(pan!)) {
        expect(reply.operationId).toBe("revealCard");
        expect(reply.headers.get("Cache-Control")).toContain("no-store");
      }
    }
  });

  it("no log line of the Worker or the sandbox carries a secret, a card number or a CVC", () => {
    const logs = { Worker: workerLog.join(""), sandbox: sandboxLog.join("\n") };
    const [pan, cvc] = cardSecrets;
    for (const [where, text] of Object.entries(logs)) {
      for (const [name, secret] of secrets()) expect(text.includes(secret), `${name} in the ${where}'s logs`).toBe(false);
      expect(text.includes(pan!), `the card number in the ${where}'s logs`).toBe(false);
      expect(text, `a CVC-labelled value in the ${where}'s logs`).not.toMatch(new RegExp(`cvc\\W{0,4}${cvc}`, "i"));
      // Any sandbox card number (they all start 424242), not only this card's.
      expect(text, `a card number in the ${where}'s logs`).not.toMatch(/(?<![0-9a-f])424242\d{10}(?![0-9a-f])/i);
    }
  });
});
