import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BASE } from "../../test/helpers/api";
import { sandbox } from "../../test/helpers/sandbox";
import { workerWith } from "../../test/helpers/worker-with";
import type { Bindings } from "../env";
import { settingsFrom, type Settings } from "../settings/settings";
import { checkScopes } from "./check-machines";
import { checkOrigins } from "./check-origins";
import { checkWithdrawalBinding } from "./check-withdrawals";
import { EXPECTED_MIGRATIONS } from "./check-database";
import type { PreflightCheck } from "./preflight";

const TOKEN = "preflight-secret-for-tests";
/** ERC-4337's canonical v0.7 EntryPoint: deployed on the sandbox chain (its bundler needs it). */
const ENTRY_POINT_V07 = "0x0000000071727De22E5E9d8BAf0edAc6f37da032";
/** An address nothing is deployed at. */
const NO_CODE = "0x000000000000000000000000000000000000dEaD";
/** A port nothing listens on. */
const DEAD = "http://127.0.0.1:9";

type Overrides = Partial<Record<keyof Bindings, string | undefined>>;

async function preflight(overrides: Overrides = {}, init: { token?: string | null; sample?: string; query?: string } = {}) {
  const headers = new Headers();
  if (init.token !== null) headers.set("Authorization", `Bearer ${init.token ?? TOKEN}`);
  if (init.sample) headers.set("X-Sample-Token", init.sample);
  const res = await workerWith({ PREFLIGHT_TOKEN: TOKEN, ...overrides })(new Request(`${BASE}/v1/preflight${init.query ?? ""}`, { headers }));
  return { status: res.status, body: (await res.json()) as { data: { ok: boolean; checks: PreflightCheck[] } | null; errors: { code: string; field?: string }[] } };
}

/** The failed checks, as `check → setting`. */
const failures = (checks: PreflightCheck[]) => Object.fromEntries(checks.filter((c) => !c.ok).map((c) => [c.check, c.setting]));

describe("GET /v1/preflight", () => {
  it("is green against the local sandbox, with a real sample token and a deployed contract", async () => {
    const { status, body } = await preflight({ CHAIN_CONTRACTS: ENTRY_POINT_V07 }, { sample: sandbox().tokens.valid });
    expect(status).toBe(200);
    expect(failures(body.data!.checks)).toEqual({});
    expect(body.data!.ok).toBe(true);
    expect(body.data!.checks.map((c) => c.check)).toEqual(
      expect.arrayContaining(["machines_key", "machines_scopes", "crossmint_key", "jwks", "sample_token", "chain", "contracts", "database", "origins"]),
    );
  });

  it("is absent without PREFLIGHT_TOKEN and refuses a wrong or missing bearer", async () => {
    expect((await preflight({ PREFLIGHT_TOKEN: undefined })).status).toBe(404);
    const wrong = await preflight({}, { token: `${TOKEN}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors[0]).toMatchObject({ code: "unauthorized", field: "Authorization" });
    expect((await preflight({}, { token: null })).status).toBe(401);
  });

  it.each<[string, Overrides, string, string]>([
    ["a wrong partner key", { MACHINES_PARTNER_KEY: "sk_not_the_key" }, "machines_key", "MACHINES_PARTNER_KEY"],
    ["an unreachable Machines", { MACHINES_API_BASE: `${DEAD}/partner/v1` }, "machines_key", "MACHINES_API_BASE"],
    ["a wrong Crossmint server key", { CROSSMINT_SERVER_KEY: "sk_not_the_key" }, "crossmint_key", "CROSSMINT_SERVER_KEY"],
    ["an unreachable Crossmint", { CROSSMINT_API_BASE: DEAD }, "crossmint_key", "CROSSMINT_API_BASE"],
    ["a JWKS URL that is not a key set", { CROSSMINT_JWKS_URL: `${DEAD}/jwks.json` }, "jwks", "CROSSMINT_JWKS_URL"],
    ["a chain id the RPC does not serve", { CHAIN_ID: "84532" }, "chain", "CHAIN_ID"],
    ["an unreachable chain RPC", { CHAIN_RPC_URL: DEAD }, "chain", "CHAIN_RPC_URL"],
    ["a named contract without code", { CHAIN_CONTRACTS: `${ENTRY_POINT_V07},${NO_CODE}` }, "contracts", "CHAIN_CONTRACTS"],
    ["a named contract that is not an address", { CHAIN_CONTRACTS: "collateral" }, "contracts", "CHAIN_CONTRACTS"],
    ["no allowed origin", { ALLOWED_ORIGINS: "" }, "origins", "ALLOWED_ORIGINS"],
    ["a collateral token without code", { COLLATERAL_TOKEN_ADDRESS: NO_CODE }, "collateral_token", "COLLATERAL_TOKEN_ADDRESS"],
    ["a withdrawal call target without code", { WITHDRAWAL_CALL_TARGETS: `${ENTRY_POINT_V07},${NO_CODE}` }, "withdrawal_targets", "WITHDRAWAL_CALL_TARGETS"],
  ])("names the setting for %s", async (_, overrides, check, setting) => {
    const { status, body } = await preflight(overrides);
    expect(status).toBe(200);
    expect(body.data!.ok).toBe(false);
    expect(failures(body.data!.checks)).toMatchObject({ [check]: setting });
    const failed = body.data!.checks.find((c) => c.check === check && !c.ok)!;
    expect(failed.fix).toMatch(/\w/);
    // The other checks still run and pass: one broken setting is reported as one.
    expect(body.data!.checks.filter((c) => !c.ok && c.setting !== setting && c.check !== "machines_scopes")).toEqual([]);
  });

  it.each<[string, "wrongIssuer" | "wrongAudience" | "unknownKid", string]>([
    ["issuer", "wrongIssuer", "CROSSMINT_ISSUER"],
    ["audience", "wrongAudience", "CROSSMINT_AUDIENCE"],
    ["key id", "unknownKid", "CROSSMINT_JWKS_URL"],
  ])("names the setting when a sample token's %s does not match", async (_, kind, setting) => {
    const { body } = await preflight({}, { sample: sandbox().tokens[kind] });
    const found = body.data!.checks.filter((c) => c.check === "sample_token" && !c.ok).map((c) => c.setting);
    expect(found).toContain(setting);
  });

  it("creates no Machines user or session: Machines refuses the session request it sends", async () => {
    const { body } = await preflight();
    expect(body.data!.checks.find((c) => c.check === "machines_key")!.detail).toMatch(/refused with HTTP 4\d\d/);
  });

  it("names DB when a migration is missing, and reports the settings problem when a setting is malformed", async () => {
    const last = EXPECTED_MIGRATIONS.at(-1)!;
    await env.DB.prepare("DELETE FROM d1_migrations WHERE name = ?").bind(last).run();
    try {
      const { body } = await preflight();
      expect(failures(body.data!.checks)).toEqual({ database: "DB" });
      expect(body.data!.checks.find((c) => c.check === "database")!.detail).toContain(last);
    } finally {
      await env.DB.prepare("INSERT INTO d1_migrations (name) VALUES (?)").bind(last).run();
    }
    const malformed = await preflight({ CHAIN_ID: "base" });
    expect(malformed.status).toBe(500);
    expect(malformed.body.errors[0]).toMatchObject({ code: "configuration_error", field: "CHAIN_ID" });
  });
});

describe("preflight checks with settings the parser would refuse", () => {
  const base = (): Settings => settingsFrom(env);

  it("names KYC_SCOPES when Machines refuses a scope", async () => {
    const s = base();
    const checks = await checkScopes({ ...s, sessions: { ...s.sessions, kycScopes: ["kyc.everything" as never] } });
    expect(failures(checks)).toEqual({ machines_scopes: "KYC_SCOPES" });
  });

  it("names ALLOWED_ORIGINS when production allows a plain-http origin", () => {
    const s = base();
    const checks = checkOrigins({ ...s, environment: "production", allowedOrigins: new Set(["https://shop.example", "http://shop.example"]) });
    expect(failures(checks)).toEqual({ origins: "ALLOWED_ORIGINS" });
  });

  it("names WITHDRAWAL_CALL_TARGETS when production has none, with the fix; outside production it passes", async () => {
    const s = base();
    const production: Settings = { ...s, environment: "production", withdrawals: { ...s.withdrawals, callTargets: [] } };
    const checks = await checkWithdrawalBinding(production);
    expect(failures(checks)).toEqual({ withdrawal_targets: "WITHDRAWAL_CALL_TARGETS" });
    expect(checks.find((c) => !c.ok)!.fix).toMatch(/Set WITHDRAWAL_CALL_TARGETS to Rain's controller.*Machines gives them/);
    expect(failures(await checkWithdrawalBinding({ ...production, withdrawals: { ...s.withdrawals, callTargets: [ENTRY_POINT_V07] } }))).toEqual({});
    expect(failures(await checkWithdrawalBinding({ ...s, withdrawals: { ...s.withdrawals, callTargets: [] } }))).toEqual({});
  });

  it("knows every migration in worker/migrations", () => {
    expect([...EXPECTED_MIGRATIONS]).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
  });
});
