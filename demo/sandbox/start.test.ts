import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/free-port";
import { startSandbox } from "./start";

const stateDir = mkdtempSync(join(tmpdir(), "machines-card-sandbox-state-"));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

const WALLET = "0x462B1eD1B62F4c282c0EA342BCefcF8f9919226E";

async function json(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json()) as any };
}

const resolve = (base: string, partnerKey: string, userId: string) =>
  json(`${base}/users/resolve`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-partner-key": partnerKey },
    body: JSON.stringify({ userId, walletAddress: WALLET }),
  });

describe("the sandbox server", () => {
  it("serves every stand-in on one port, and a restart with the same state directory resumes chain, users and sign-ins", async () => {
    // The same port both times, as `npm run dev` uses: the issuer's URL (the tokens' `iss`) stays the same.
    const port = await freePort();
    const first = await startSandbox({ port, anvilPort: 0, stateDir, logger: null });
    let userCreatedAt: string;
    let collateral: string;
    let jwt: string;
    try {
      expect((await json(`${first.url}/healthz`)).body).toMatchObject({ ok: true, sandbox: true, chainId: 31337 });
      expect((await json(first.identity.jwksUrl)).body.keys).toHaveLength(1);
      expect((await fetch(`${first.crossmintApiBase}/api/2025-06-09/wallets/${WALLET}`)).status).toBe(401); // needs the server key

      const resolved = await resolve(first.partnerApiUrl, first.partnerKey, "resume-me");
      expect(resolved.status).toBe(200);
      userCreatedAt = resolved.body.data.createdAt;
      const user = (await json(`${first.controlsUrl}/users/resume-me`)).body.data.user;
      collateral = user.collateral.address;
      const funded = await json(`${first.controlsUrl}/faucet`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ userId: "resume-me", amountCents: 2500 }),
      });
      expect(funded.status).toBeLessThan(300);
      expect(await first.chain.tokenBalance(collateral as `0x${string}`)).toBe(25_000_000n);
      jwt = (await first.identityIssuer.signIn("resume@example.com")).jwt;
    } finally {
      await first.stop();
    }

    const second = await startSandbox({ port, anvilPort: 0, stateDir, logger: null });
    try {
      const again = await resolve(second.partnerApiUrl, second.partnerKey, "resume-me");
      expect(again.body.data.createdAt).toBe(userCreatedAt);
      expect((await json(`${second.controlsUrl}/users/resume-me`)).body.data.user.collateral.address).toBe(collateral);
      // The chain came back too: the same collateral still holds the minted test dollars.
      expect(await second.chain.tokenBalance(collateral as `0x${string}`)).toBe(25_000_000n);
      // And a token signed before the restart still verifies (same signing key).
      await expect(second.identityIssuer.verifyToken(jwt)).resolves.toMatchObject({ email: "resume@example.com" });
    } finally {
      await second.stop();
    }
  }, 60_000);

  it("starts clean without a state directory, on free ports, with the EntryPoint and a bundler its control can hold and flush", async () => {
    const sandbox = await startSandbox({ port: 0, anvilPort: 0, logger: null });
    try {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await json(`${sandbox.controlsUrl}/users`)).body.data.users).toEqual([]);
      expect(sandbox.chain.entryPointAddress).toBe("0x0000000071727De22E5E9d8BAf0edAc6f37da032");
      const rpc = async (method: string) =>
        (await (await fetch(sandbox.bundlerUrl!, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: [] }) })).json()) as { result: unknown };
      expect((await rpc("eth_supportedEntryPoints")).result).toEqual([sandbox.chain.entryPointAddress]);
      expect(Number((await rpc("eth_chainId")).result)).toBe(sandbox.chainId);

      const control = `${sandbox.controlsUrl}/bundler`;
      expect((await json(control)).body.data).toMatchObject({ mode: "auto", url: sandbox.bundlerUrl, entryPoint: sandbox.chain.entryPointAddress });
      const put = (mode: unknown) => fetch(control, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ mode }) });
      expect((await (await put("manual")).json()).data.mode).toBe("manual");
      expect((await json(control)).body.data.mode).toBe("manual");
      expect((await put("sometimes")).status).toBe(400);
      expect((await json(`${control}/flush`, { method: "POST" })).body.data).toMatchObject({ mode: "manual", bundles: 0 });
      expect((await (await put("auto")).json()).data.mode).toBe("auto");
    } finally {
      await sandbox.stop();
    }
  }, 60_000);

  it("runs without a bundler when asked: its wallets sign but cannot send, and the control says so", async () => {
    const sandbox = await startSandbox({ port: 0, anvilPort: 0, logger: null, bundler: false });
    try {
      expect(sandbox.bundlerUrl).toBeNull();
      expect((await json(`${sandbox.controlsUrl}/bundler`)).status).toBe(404);
    } finally {
      await sandbox.stop();
    }
  }, 30_000);
});
