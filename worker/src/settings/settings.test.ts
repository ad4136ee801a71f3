import { describe, expect, it } from "vitest";
import type { Bindings } from "../env";
import { ConfigurationError } from "../errors";
import { settingsFrom } from "./settings";

const KEY = btoa("k".repeat(32));

function sandboxEnv(overrides: Partial<Record<keyof Bindings, string | undefined>> = {}): Bindings {
  return {
    DB: {} as D1Database,
    ENVIRONMENT: "sandbox",
    MACHINES_API_BASE: "http://127.0.0.1:8788/partner/v1",
    MACHINES_PARTNER_KEY: "sk_sandbox_key",
    CROSSMINT_JWKS_URL: "http://127.0.0.1:8788/identity/.well-known/jwks.json",
    CROSSMINT_ISSUER: "http://127.0.0.1:8788/identity",
    CROSSMINT_AUDIENCE: "machines-card-sandbox",
    CROSSMINT_API_BASE: "http://127.0.0.1:8788/crossmint",
    CROSSMINT_SERVER_KEY: "sk_crossmint",
    CHAIN_RPC_URL: "http://127.0.0.1:8545",
    CHAIN_ID: "31337",
    CHAIN_NAME: "anvil",
    ALLOWED_ORIGINS: "https://shop.example, http://localhost:5173",
    DATA_ENCRYPTION_KEY: KEY,
    SANDBOX_URL: "http://127.0.0.1:8788",
    ...overrides,
  } as Bindings;
}

function productionEnv(overrides: Partial<Record<keyof Bindings, string | undefined>> = {}): Bindings {
  return sandboxEnv({
    ENVIRONMENT: "production",
    MACHINES_API_BASE: "https://api.machines.cash/partner/v1",
    CROSSMINT_JWKS_URL: "https://www.crossmint.com/.well-known/jwks.json",
    CROSSMINT_ISSUER: "https://www.crossmint.com",
    CROSSMINT_AUDIENCE: "project-id",
    CROSSMINT_API_BASE: "https://www.crossmint.com",
    CROSSMINT_CLIENT_API_KEY: "ck_production_key",
    CHAIN_RPC_URL: "https://mainnet.base.org",
    CHAIN_ID: "8453",
    ALLOWED_ORIGINS: "https://shop.example",
    ...overrides,
  });
}

/** The configuration errors for these bindings, as `{field: message}`. */
function problems(env: Bindings): Record<string, string> {
  try {
    settingsFrom(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    const error = e as ConfigurationError;
    expect(error.status).toBe(500);
    return Object.fromEntries(error.items.map((i) => [i.field!, i.message]));
  }
  return {};
}

describe("settings", () => {
  it("parses a complete sandbox configuration, with the documented defaults", () => {
    const s = settingsFrom(sandboxEnv());
    expect(s.environment).toBe("sandbox");
    expect(s.machines).toEqual({ apiBase: "http://127.0.0.1:8788/partner/v1", partnerKey: "sk_sandbox_key", timeoutMs: 8000 });
    expect([...s.allowedOrigins]).toEqual(["https://shop.example", "http://localhost:5173"]);
    expect(s.sessions.ttlSeconds).toBe(900);
    expect(s.sessions.kycScopes).toEqual(["kyc.read", "kyc.write"]);
    expect(s.sessions.cardScopes).toContain("cards.secrets.read");
    expect(s.sessions.cardScopes).toContain("withdrawals.write");
    expect(s.dataEncryptionKey).toHaveLength(32);
    expect(s.chain).toEqual({
      rpcUrl: "http://127.0.0.1:8545",
      id: 31337,
      name: "anvil",
      explorerUrl: null,
      entryPoints: ["0x5FF137D4b0FDCD49DcA30c7CF57E578a026d2789", "0x0000000071727De22E5E9d8BAf0edAc6f37da032"],
      logsMaxBlocks: 2000,
    });
    expect(s.sandboxUrl).toBe("http://127.0.0.1:8788");
    expect(s.crossmint.clientApiKey).toBeNull();
    expect(s.crossmint.walletSigner).toBe("email");
  });

  it("takes the signer mode as email (default), device, passkey or api-key, and nothing else", () => {
    expect(settingsFrom(sandboxEnv({ CROSSMINT_WALLET_SIGNER: "email" })).crossmint.walletSigner).toBe("email");
    expect(settingsFrom(sandboxEnv({ CROSSMINT_WALLET_SIGNER: "passkey" })).crossmint.walletSigner).toBe("passkey");
    expect(problems(sandboxEnv({ CROSSMINT_WALLET_SIGNER: "phone" }))).toEqual({ CROSSMINT_WALLET_SIGNER: "CROSSMINT_WALLET_SIGNER must be email or device or passkey or api-key" });
  });

  it("keeps reveal-frame tickets 60 s unless told otherwise, within 5 to 300 s", () => {
    expect(settingsFrom(sandboxEnv()).reveal.ticketSeconds).toBe(60);
    expect(settingsFrom(sandboxEnv({ REVEAL_TICKET_SECONDS: "15" })).reveal.ticketSeconds).toBe(15);
    expect(Object.keys(problems(sandboxEnv({ REVEAL_TICKET_SECONDS: "3600" })))).toEqual(["REVEAL_TICKET_SECONDS"]);
    expect(Object.keys(problems(sandboxEnv({ REVEAL_TICKET_SECONDS: "1" })))).toEqual(["REVEAL_TICKET_SECONDS"]);
  });

  it("parses once per bindings object", () => {
    const env = sandboxEnv();
    expect(settingsFrom(env)).toBe(settingsFrom(env));
  });

  it.each([
    ["http://127.0.0.1:8788/partner/v1", "http://127.0.0.1:8788/partner/v1"],
    ["https://api-dev.machines.cash", "https://api-dev.machines.cash/partner/v1"],
    ["https://dev-api.machines.cash/partner/v1/", "https://dev-api.machines.cash/partner/v1"],
    ["https://api.machines.cash/partner/v1/partner/v1", "https://api.machines.cash/partner/v1"],
  ])("normalises MACHINES_API_BASE %s to one /partner/v1", (input, expected) => {
    expect(settingsFrom(sandboxEnv({ MACHINES_API_BASE: input })).machines.apiBase).toBe(expected);
  });

  it.each([
    "ENVIRONMENT",
    "MACHINES_API_BASE",
    "MACHINES_PARTNER_KEY",
    "CROSSMINT_JWKS_URL",
    "CROSSMINT_ISSUER",
    "CROSSMINT_AUDIENCE",
    "CROSSMINT_API_BASE",
    "CROSSMINT_SERVER_KEY",
    "CHAIN_RPC_URL",
    "CHAIN_ID",
    "CHAIN_NAME",
    "DATA_ENCRYPTION_KEY",
  ] as const)("names %s when it is missing", (name) => {
    expect(problems(sandboxEnv({ [name]: undefined }))).toEqual({ [name]: `${name} is not set` });
  });

  it("runs a sandbox environment without SANDBOX_URL (staging against Machines' sandbox signs in with Crossmint)", () => {
    expect(settingsFrom(sandboxEnv({ SANDBOX_URL: undefined })).sandboxUrl).toBeNull();
  });

  it("names every malformed setting at once, without echoing the values", () => {
    const found = problems(
      sandboxEnv({
        ENVIRONMENT: "staging",
        MACHINES_API_BASE: "ftp://machines",
        CHAIN_ID: "base",
        SESSION_TTL_SECONDS: "30",
        KYC_SCOPES: "kyc.read,everything",
        DATA_ENCRYPTION_KEY: btoa("too short"),
        ALLOWED_ORIGINS: "*",
        UPSTREAM_TIMEOUT_MS: "0",
      }),
    );
    expect(Object.keys(found).sort()).toEqual(
      ["ALLOWED_ORIGINS", "CHAIN_ID", "DATA_ENCRYPTION_KEY", "ENVIRONMENT", "KYC_SCOPES", "MACHINES_API_BASE", "SESSION_TTL_SECONDS", "UPSTREAM_TIMEOUT_MS"].sort(),
    );
    expect(found.ALLOWED_ORIGINS).toMatch(/wildcard/);
    expect(found.KYC_SCOPES).toMatch(/unknown scope: everything/);
    expect(found.DATA_ENCRYPTION_KEY).toMatch(/32 bytes/);
    expect(JSON.stringify(found)).not.toContain(btoa("too short"));
  });

  it("refuses origins with a path, and values that are not origins", () => {
    expect(problems(sandboxEnv({ ALLOWED_ORIGINS: "https://shop.example/checkout" }))).toHaveProperty("ALLOWED_ORIGINS");
    expect(problems(sandboxEnv({ ALLOWED_ORIGINS: "shop.example" }))).toHaveProperty("ALLOWED_ORIGINS");
    expect([...settingsFrom(sandboxEnv({ ALLOWED_ORIGINS: "https://shop.example/" })).allowedOrigins]).toEqual(["https://shop.example"]);
    expect(settingsFrom(sandboxEnv({ ALLOWED_ORIGINS: "" })).allowedOrigins.size).toBe(0);
  });

  it("keeps URL credentials out of settings", () => {
    expect(problems(sandboxEnv({ CHAIN_RPC_URL: "https://user:pass@rpc.example" }))).toHaveProperty("CHAIN_RPC_URL");
  });

  it("requires https and the Crossmint client key in production, and ignores SANDBOX_URL there", () => {
    const s = settingsFrom(productionEnv());
    expect(s.environment).toBe("production");
    expect(s.sandboxUrl).toBeNull();
    expect(s.crossmint.clientApiKey).toBe("ck_production_key");
    expect(problems(productionEnv({ CROSSMINT_CLIENT_API_KEY: undefined }))).toEqual({ CROSSMINT_CLIENT_API_KEY: "CROSSMINT_CLIENT_API_KEY is not set" });
    expect(problems(productionEnv({ MACHINES_API_BASE: "http://127.0.0.1:8788/partner/v1" }))).toEqual({
      MACHINES_API_BASE: "MACHINES_API_BASE must use https in production",
    });
    expect(settingsFrom(productionEnv({ SANDBOX_URL: undefined })).sandboxUrl).toBeNull();
  });

  it("refuses the published sandbox secrets in production, naming each setting and never the value", () => {
    const found = problems(
      productionEnv({
        MACHINES_PARTNER_KEY: "sk_sandbox_machines_partner_key",
        CROSSMINT_SERVER_KEY: " sk_sandbox_crossmint_server_key",
        // The published data key, written url-safe and unpadded: the same key.
        DATA_ENCRYPTION_KEY: "c2FuZGJveC1kYXRhLWtleS0zMi1ieXRlcy1sb25nISE",
      }),
    );
    expect(Object.keys(found).sort()).toEqual(["CROSSMINT_SERVER_KEY", "DATA_ENCRYPTION_KEY", "MACHINES_PARTNER_KEY"]);
    expect(found.MACHINES_PARTNER_KEY).toBe("MACHINES_PARTNER_KEY is the published sandbox value; set your own secret in production");
    expect(JSON.stringify(found)).not.toContain("sk_sandbox_machines_partner_key");
    // The sandbox itself runs on them.
    expect(problems(sandboxEnv({ MACHINES_PARTNER_KEY: "sk_sandbox_machines_partner_key", DATA_ENCRYPTION_KEY: "c2FuZGJveC1kYXRhLWtleS0zMi1ieXRlcy1sb25nISE=" }))).toEqual({});
  });

  it("refuses loopback origins in ALLOWED_ORIGINS in production (and only there)", () => {
    for (const origin of ["http://localhost:5173", "http://127.0.0.1:8787", "https://127.0.0.2", "http://[::1]:8080"]) {
      const found = problems(productionEnv({ ALLOWED_ORIGINS: `https://shop.example,${origin}` }));
      expect(Object.keys(found)).toEqual(["ALLOWED_ORIGINS"]);
      expect(found.ALLOWED_ORIGINS).toMatch(/loopback/);
    }
    expect(problems(productionEnv({ ALLOWED_ORIGINS: "https://shop.example,https://localhost.shop.example" }))).toEqual({});
    expect([...settingsFrom(sandboxEnv({ ALLOWED_ORIGINS: "http://localhost:5173" })).allowedOrigins]).toEqual(["http://localhost:5173"]);
  });

  it("requests only scopes of the partner enum (and transactions.read): balances.read and crypto.* are refused by name", () => {
    expect(settingsFrom(sandboxEnv()).sessions.cardScopes).not.toContain("balances.read");
    expect(settingsFrom(sandboxEnv()).sessions.cardScopes).toContain("transactions.read");
    expect(problems(sandboxEnv({ CARD_SCOPES: "cards.read,balances.read" }))).toEqual({
      CARD_SCOPES: "CARD_SCOPES has a scope outside the partner enum: balances.read (balances need no scope; use encryption.* for crypto.*)",
    });
    expect(problems(sandboxEnv({ KYC_SCOPES: "kyc.read crypto.read" }))).toHaveProperty("KYC_SCOPES");
  });

  it("has the logger redact CHAIN_RPC_URL in every form it may appear in (provider keys live there)", () => {
    const s = settingsFrom(sandboxEnv({ CHAIN_RPC_URL: "https://base-mainnet.g.alchemy.com/v2/KEY_abcdef0123456789/?apikey=QUERYKEY99" }));
    expect(s.logRedactions).toEqual(
      expect.arrayContaining([
        "https://base-mainnet.g.alchemy.com/v2/KEY_abcdef0123456789/?apikey=QUERYKEY99",
        "base-mainnet.g.alchemy.com",
        "/v2/KEY_abcdef0123456789",
        "apikey=QUERYKEY99",
      ]),
    );
    expect(s.logRedactions).toEqual(expect.arrayContaining([...s.secrets]));
  });

  it("accepts scopes separated by commas or spaces, once each", () => {
    expect(settingsFrom(sandboxEnv({ CARD_SCOPES: "cards.read cards.write, cards.read" })).sessions.cardScopes).toEqual(["cards.read", "cards.write"]);
  });

  it("collects the secrets the logger must redact", () => {
    expect(settingsFrom(sandboxEnv()).secrets).toEqual(["sk_sandbox_key", "sk_crossmint", KEY]);
  });
});

describe("withdrawal binding settings", () => {
  it("defaults the collateral's token per chain (Base USDC, Base Sepolia rUSD), leaves the sandbox's to the sandbox, and reads an allowlist", () => {
    expect(settingsFrom(productionEnv()).withdrawals).toEqual({ collateralToken: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", callTargets: [] });
    expect(settingsFrom(sandboxEnv({ CHAIN_ID: "84532" })).withdrawals.collateralToken).toBe("0x10b5Be494C2962A7B318aFB63f0Ee30b959D000b");
    expect(settingsFrom(sandboxEnv()).withdrawals.collateralToken).toBeNull();
    const set = settingsFrom(
      sandboxEnv({
        COLLATERAL_TOKEN_ADDRESS: "0x10b5be494c2962a7b318afb63f0ee30b959d000b",
        WITHDRAWAL_CALL_TARGETS: "0x1111111111111111111111111111111111111111, 0x2222222222222222222222222222222222222222",
      }),
    ).withdrawals;
    expect(set).toEqual({
      collateralToken: "0x10b5Be494C2962A7B318aFB63f0Ee30b959D000b",
      callTargets: ["0x1111111111111111111111111111111111111111", "0x2222222222222222222222222222222222222222"],
    });
  });

  it("refuses a production chain without a known token, and malformed addresses", () => {
    expect(problems(productionEnv({ CHAIN_ID: "10" }))).toMatchObject({ COLLATERAL_TOKEN_ADDRESS: "COLLATERAL_TOKEN_ADDRESS is not set" });
    expect(problems(sandboxEnv({ COLLATERAL_TOKEN_ADDRESS: "usdc" }))).toMatchObject({ COLLATERAL_TOKEN_ADDRESS: expect.stringContaining("0x address") });
    expect(problems(sandboxEnv({ WITHDRAWAL_CALL_TARGETS: "0x12, 0x34" }))).toMatchObject({ WITHDRAWAL_CALL_TARGETS: expect.stringContaining("0x addresses") });
  });
});
