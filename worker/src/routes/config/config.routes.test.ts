import { describe, expect, it } from "vitest";
import { call, expectOk } from "#test/helpers/api";
import { sandbox } from "#test/helpers/sandbox";
import { workerWith } from "#test/helpers/worker-with";

describe("GET /v1/config", () => {
  it("describes the sandbox: identity issuer, sandbox signer, chain, without a token", async () => {
    const s = sandbox();
    const config = expectOk("getConfig", await call("getConfig"));
    expect(config).toEqual({
      environment: "sandbox",
      originAllowed: false,
      origin: null,
      auth: { provider: "sandbox", issuerUrl: `${s.url}/identity` },
      wallet: { provider: "sandbox", signerUrl: `${s.url}/sandbox/wallet`, signer: "email" },
      chain: { id: s.chainId, name: "Sandbox (anvil)", explorerUrl: null },
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      testFunds: null,
    });
  });

  it("offers test funds only in a sandbox environment with TEST_FUNDS_TOKEN_ADDRESS, never in production", async () => {
    const rusd = "0x10b5Be494C2962A7B318aFB63f0Ee30b959D000b";
    // Staging: Machines' sandbox, Crossmint sign-in (no SANDBOX_URL), rUSD's faucet.
    const staging = workerWith({ SANDBOX_URL: undefined, CROSSMINT_CLIENT_API_KEY: "ck_staging_public", TEST_FUNDS_TOKEN_ADDRESS: rusd.toLowerCase() });
    expect(expectOk("getConfig", await call("getConfig", { fetcher: staging }))).toMatchObject({
      environment: "sandbox",
      auth: { provider: "crossmint" },
      testFunds: { token: rusd },
    });
    const production = workerWith({
      ENVIRONMENT: "production",
      MACHINES_API_BASE: "https://api.machines.cash/partner/v1",
      CROSSMINT_JWKS_URL: "https://www.crossmint.com/.well-known/jwks.json",
      CROSSMINT_ISSUER: "https://www.crossmint.com",
      CROSSMINT_AUDIENCE: "project-id",
      CROSSMINT_API_BASE: "https://www.crossmint.com",
      CROSSMINT_CLIENT_API_KEY: "ck_production_public",
      CHAIN_RPC_URL: "https://mainnet.base.org",
      CHAIN_ID: "8453",
      CHAIN_NAME: "Base",
      ALLOWED_ORIGINS: "https://shop.example",
      TEST_FUNDS_TOKEN_ADDRESS: rusd,
    });
    expect(expectOk("getConfig", await call("getConfig", { fetcher: production })).testFunds).toBeNull();
    const malformed = await call("getConfig", { fetcher: workerWith({ TEST_FUNDS_TOKEN_ADDRESS: "rusd" }) });
    expect(malformed.status).toBe(500);
    expect(malformed.text).toContain("TEST_FUNDS_TOKEN_ADDRESS");
  });

  it("describes production: Crossmint sign-in with the public client key, the Crossmint wallet, no sandbox URLs", async () => {
    const production = workerWith({
      ENVIRONMENT: "production",
      MACHINES_API_BASE: "https://api.machines.cash/partner/v1",
      CROSSMINT_JWKS_URL: "https://www.crossmint.com/.well-known/jwks.json",
      CROSSMINT_ISSUER: "https://www.crossmint.com",
      CROSSMINT_AUDIENCE: "project-id",
      CROSSMINT_API_BASE: "https://www.crossmint.com",
      CROSSMINT_CLIENT_API_KEY: "ck_production_public",
      CHAIN_RPC_URL: "https://mainnet.base.org",
      CHAIN_ID: "8453",
      CHAIN_NAME: "Base",
      CHAIN_EXPLORER_URL: "https://basescan.org",
      // Production refuses loopback origins (the suite's default list has one).
      ALLOWED_ORIGINS: "https://shop.example",
    });
    const reply = await call("getConfig", { fetcher: production, origin: "https://shop.example" });
    const config = expectOk("getConfig", reply);
    expect(config).toMatchObject({
      environment: "production",
      originAllowed: true,
      auth: { provider: "crossmint", clientApiKey: "ck_production_public" },
      wallet: { provider: "crossmint", signer: "email" },
      chain: { id: 8453, name: "Base", explorerUrl: "https://basescan.org" },
    });
    expect(reply.headers.get("X-Machines-Environment")).toBe("production");
    expect(reply.text).not.toContain(sandbox().url);
  });
});
