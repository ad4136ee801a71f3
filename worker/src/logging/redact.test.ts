import { afterEach, describe, expect, it, vi } from "vitest";
import { chainClient } from "../chain/chain-client";
import type { Bindings } from "../env";
import { settingsFrom } from "../settings/settings";
import { log } from "./log";
import { redact } from "./redact";

describe("redact", () => {
  it("removes configured secrets, JWTs, bearer tokens, card numbers and emails", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    const line = `key sk_live_SECRET used by ada@example.com with ${jwt}; Authorization: Bearer abc.def-ghi; pan 4242 4242 4242 4242 and 4000056655665556`;
    const out = redact(line, ["sk_live_SECRET"]);
    expect(out).toBe("key [secret] used by [email] with [token]; Authorization: Bearer [token]; pan [number] and [number]");
  });

  it("keeps ordinary ids and short numbers", () => {
    expect(redact("card 9f970d1a-aaaa status 404 after 1500 ms")).toBe("card 9f970d1a-aaaa status 404 after 1500 ms");
  });
});

describe("CHAIN_RPC_URL in log lines", () => {
  const RPC = "http://127.0.0.1:9/v2/PROVIDERKEY_7c1e0b5a9d3f4e26";
  afterEach(() => vi.restoreAllMocks());

  it("keeps only the origin of any URL, even one cut short", () => {
    expect(redact("URL: https://base-mainnet.g.alchemy.com/v2/abcdef123456 failed")).toBe("URL: https://base-mainnet.g.alchemy.com/[path] failed");
    expect(redact("called https://rpc.example/key?apikey=SECRET&x=1.")).toBe("called https://rpc.example/[path]");
    expect(redact("https://user:pass@rpc.example/x")).toBe("https://[secret]@rpc.example/[path]");
    expect(redact("cut: https://base-mainnet.g.alchemy.com/v2/abc")).not.toContain("abc");
  });

  it("never reaches a log line, even inside a viem error's message", async () => {
    const env = {
      DB: {} as D1Database,
      ENVIRONMENT: "sandbox",
      MACHINES_API_BASE: "http://127.0.0.1:8788/partner/v1",
      MACHINES_PARTNER_KEY: "sk_test_redact",
      CROSSMINT_JWKS_URL: "http://127.0.0.1:8788/identity/.well-known/jwks.json",
      CROSSMINT_ISSUER: "http://127.0.0.1:8788/identity",
      CROSSMINT_AUDIENCE: "aud",
      CROSSMINT_API_BASE: "http://127.0.0.1:8788/crossmint",
      CROSSMINT_SERVER_KEY: "sk_test_crossmint",
      CHAIN_RPC_URL: RPC,
      CHAIN_ID: "31337",
      CHAIN_NAME: "anvil",
      DATA_ENCRYPTION_KEY: btoa("r".repeat(32)),
      SANDBOX_URL: "http://127.0.0.1:8788",
    } as Bindings;
    const settings = settingsFrom(env);
    const error = await chainClient({ rpcUrl: settings.chain.rpcUrl, id: 31337 })
      .getBlockNumber()
      .then(() => new Error("the RPC answered"), (e: unknown) => e as Error);
    expect(error.message).toContain("PROVIDERKEY"); // viem quotes the URL it called
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    // As the error handler logs an unexpected error: its name and the start of its message.
    log.error("internal_error", { error: error.name, message: error.message.slice(0, 200), cut: error.message.slice(0, 60) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("PROVIDERKEY");
    expect(lines[0]).not.toContain("/v2/");
  });
});
