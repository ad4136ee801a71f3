import type { Hono } from "hono";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPublicClient, http } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAnvil, type AnvilNode } from "../chain/anvil";
import { createSandboxChain, type SandboxChain } from "../chain/sandbox-chain";
import { userIdForEmail } from "../identity/user-id";
import { fileWalletsStore } from "./file-state";
import { sandboxAccountFactoryAbi } from "./smart-account";
import { deriveWalletKey } from "./wallet-keys";
import { createWalletsStandIn } from "./wallets-api";

const API_KEY = "sk_sandbox_wallets_test_key";
let anvil: AnvilNode;
let chain: SandboxChain;

beforeAll(async () => {
  anvil = await startAnvil();
  chain = await createSandboxChain({ rpcUrl: anvil.rpcUrl, pollIntervalMs: 50 });
}, 60_000);
afterAll(() => anvil?.stop());

const standIn = (extra: Partial<Parameters<typeof createWalletsStandIn>[0]> = {}) =>
  createWalletsStandIn({ chain, apiKey: API_KEY, userIdForEmail, ...extra });

const createBody = (owner: string, extra: Record<string, unknown> = {}) => ({
  chainType: "evm",
  type: "smart",
  config: { adminSigner: { type: "api-key" } },
  owner,
  ...extra,
});

function createWallet(app: Hono, body: unknown, headers: Record<string, string> = {}) {
  return app.request("/api/2025-06-09/wallets", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-API-KEY": API_KEY, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const getWallet = (app: Hono, locator: string, key = API_KEY) =>
  app.request(`/api/2025-06-09/wallets/${encodeURIComponent(locator)}`, { headers: { "X-API-KEY": key } });

describe("Crossmint wallets API stand-in", () => {
  it("refuses calls without the server key, in Crossmint's error shape", async () => {
    const { app } = await standIn();
    for (const res of [await getWallet(app, "userId:u1:evm:smart", ""), await getWallet(app, "userId:u1:evm:smart", "sk_wrong")]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: true, message: expect.stringMatching(/^Unauthorized/) });
    }
    const res = await app.request("/api/2025-06-09/wallets", { method: "POST", body: JSON.stringify(createBody("userId:u1")) });
    expect(res.status).toBe(401);
  });

  it("creates an EVM smart wallet: 201, Crossmint's reply shape, the smart account's counterfactual address, with gas", async () => {
    const { app, wallets } = await standIn();
    const res = await createWallet(app, createBody("userId:user-1", { config: { adminSigner: { type: "email", email: "Ada@Example.com" } } }));
    expect(res.status).toBe(201);
    const wallet = (await res.json()) as Record<string, unknown> & { address: `0x${string}` };
    const signer = wallets.list().find((w) => w.address === wallet.address)!.signerAddress;
    expect(wallet).toEqual({
      chainType: "evm",
      type: "smart",
      address: expect.stringMatching(/^0x[0-9a-fA-F]{40}$/),
      owner: "userId:user-1",
      config: { adminSigner: { type: "email", email: "ada@example.com", address: signer, locator: "email:ada@example.com" } },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const client = createPublicClient({ transport: http(chain.rpcUrl) });
    // An ERC-4337 account not deployed yet: no code, but its address is fixed (the factory says so) and holds gas.
    expect(await client.getCode({ address: wallet.address })).toBeUndefined();
    expect(await client.readContract({ address: chain.accountFactoryAddress, abi: sandboxAccountFactoryAbi, functionName: "getAddress", args: [signer, 0n] })).toBe(
      wallet.address,
    );
    expect(await client.getBalance({ address: wallet.address })).toBe(10n ** 18n);
  });

  it("finds a wallet by address (any case) and by owner locator, with or without the wallet type", async () => {
    const { app } = await standIn();
    const created = (await (await createWallet(app, createBody("userId:user-2"))).json()) as { address: string };
    for (const locator of [created.address, created.address.toLowerCase(), "userId:user-2:evm:smart", "userId:user-2:evm"]) {
      const res = await getWallet(app, locator);
      expect(res.status, locator).toBe(200);
      expect(await res.json()).toEqual(created);
    }
  });

  it("answers 404 for wallets it does not have and 400 for locators it cannot read", async () => {
    const { app } = await standIn();
    await createWallet(app, createBody("userId:user-3"));
    for (const locator of ["userId:nobody:evm:smart", "userId:user-3:evm:mpc", "userId:user-3:solana:smart", "0x000000000000000000000000000000000000dEaD"]) {
      const res = await getWallet(app, locator);
      expect(res.status, locator).toBe(404);
      expect(await res.json()).toEqual({ error: true, message: "Wallet not found" });
    }
    for (const locator of ["me:evm:smart", "userId:user-3", "0x1234", "nickname:ada:evm"]) {
      const res = await getWallet(app, locator);
      expect(res.status, locator).toBe(400);
      expect(await res.json()).toMatchObject({ error: true });
    }
  });

  it("returns the same wallet for the same idempotency key, even for concurrent duplicates", async () => {
    const { app, wallets } = await standIn();
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => createWallet(app, createBody("userId:user-4"), { "x-idempotency-key": "create-user-4" })),
    );
    const addresses = new Set(await Promise.all(replies.map(async (r) => ((await r.json()) as { address: string }).address)));
    expect(addresses.size).toBe(1);
    expect(replies.every((r) => r.status === 201)).toBe(true);
    expect(wallets.list()).toHaveLength(1);
    const ownerless = await createWallet(app, { chainType: "evm", type: "mpc" }, { "x-idempotency-key": "k-mpc" });
    const again = await createWallet(app, { chainType: "evm", type: "mpc" }, { "x-idempotency-key": "k-mpc" });
    expect(((await again.json()) as { address: string }).address).toBe(((await ownerless.json()) as { address: string }).address);
  });

  it("returns the owner's existing wallet of that type instead of a second one; another type is another wallet", async () => {
    const { app } = await standIn();
    const first = (await (await createWallet(app, createBody("userId:user-5"))).json()) as { address: string };
    const second = (await (await createWallet(app, createBody("userId:user-5", { config: { adminSigner: { type: "api-key" } } }))).json()) as { address: string };
    expect(second.address).toBe(first.address);
    const mpc = (await (await createWallet(app, { chainType: "evm", type: "mpc", owner: "userId:user-5" })).json()) as { address: string };
    expect(mpc.address).not.toBe(first.address);
    expect((await (await createWallet(app, createBody("userId:user-6"))).json()) as { address: string }).not.toEqual(
      expect.objectContaining({ address: first.address }),
    );
  });

  it("treats email:<e> and userId:<sub of e> as the same person", async () => {
    const { app } = await standIn();
    const byEmail = (await (await createWallet(app, createBody("email:Grace@Example.com"))).json()) as { address: string; owner: string };
    expect(byEmail.owner).toBe("email:grace@example.com");
    const sub = await userIdForEmail("grace@example.com");
    const res = await getWallet(app, `userId:${sub}:evm:smart`);
    expect(((await res.json()) as { address: string }).address).toBe(byEmail.address);
    expect(((await (await getWallet(app, "email:GRACE@example.com:evm:smart")).json()) as { address: string }).address).toBe(byEmail.address);
  });

  it("derives the same address for the same seed and owner after a restart, another for another seed", async () => {
    const a = (await (await createWallet((await standIn()).app, createBody("userId:user-7"))).json()) as { address: string };
    const b = (await (await createWallet((await standIn()).app, createBody("userId:user-7"))).json()) as { address: string };
    const c = (await (await createWallet((await standIn({ seed: "another seed" })).app, createBody("userId:user-7"))).json()) as { address: string };
    expect(b.address).toBe(a.address);
    expect(c.address).not.toBe(a.address);
  });

  it("keeps wallets and idempotency keys in a state directory, without any private key", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wallets-state-"));
    try {
      const before = await standIn({ store: fileWalletsStore(dir) });
      const created = (await (await createWallet(before.app, createBody("userId:user-8"), { "x-idempotency-key": "k8" })).json()) as { address: string };
      const after = await standIn({ store: fileWalletsStore(dir) });
      expect(await (await getWallet(after.app, "userId:user-8:evm:smart")).json()).toEqual(created);
      const file = await readFile(join(dir, "wallets.json"), "utf8");
      expect(file).toContain(created.address);
      const key = await deriveWalletKey((await import("./wallet-keys")).DEFAULT_WALLET_SEED, "userId:user-8:evm:smart");
      expect(file.toLowerCase()).not.toContain(key.slice(2).toLowerCase());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ["malformed JSON", "{", /valid JSON/],
    ["no chainType", { type: "smart", config: { adminSigner: { type: "api-key" } } }, /chainType/],
    ["an unknown chainType", { chainType: "bitcoin" }, /chainType/],
    ["a chain the sandbox does not run", { chainType: "solana", type: "mpc" }, /evm only/],
    ["a smart wallet without admin signer", { chainType: "evm", type: "smart" }, /adminSigner/],
    ["a bad external wallet address", { chainType: "evm", config: { adminSigner: { type: "external-wallet", address: "0x12" } } }, /address/],
    ["an unknown owner kind", createBody("nickname:ada"), /owner must be one of/],
  ])("answers 400 in Crossmint's shape to %s", async (_name, body, message) => {
    const { app } = await standIn();
    const res = await createWallet(app, body);
    expect(res.status).toBe(400);
    const reply = (await res.json()) as { error: boolean; message: string };
    expect(reply.error).toBe(true);
    expect(reply.message).toMatch(message);
  });
});
