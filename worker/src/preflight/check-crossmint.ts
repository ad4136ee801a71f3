import { decodeJwt, decodeProtectedHeader } from "jose";
import type { Settings } from "../settings/settings";
import { WALLETS_API_VERSION } from "../upstream/crossmint/wallets-request";
import { failed, passed, reach, type PreflightCheck } from "./preflight";

/** A user no one has: reading their wallet needs the server key's read scope and finds nothing (404). */
const NOBODY = "userId:machines-card-preflight:evm:smart";

export async function checkCrossmintKey(s: Settings): Promise<PreflightCheck[]> {
  const res = await reach(
    `${s.crossmint.apiBase}/api/${WALLETS_API_VERSION}/wallets/${encodeURIComponent(NOBODY)}`,
    { headers: { "X-API-KEY": s.crossmint.serverKey, Accept: "application/json" } },
    s.machines.timeoutMs,
  );
  if (!res) {
    return [failed("crossmint_key", "CROSSMINT_API_BASE", "Crossmint did not answer", "Set CROSSMINT_API_BASE to https://staging.crossmint.com (staging) or https://www.crossmint.com (production)")];
  }
  if (res.status === 401 || res.status === 403) {
    return [failed("crossmint_key", "CROSSMINT_SERVER_KEY", `Crossmint refused the server key (HTTP ${res.status})`, "Create a server key with the wallets.read and wallets.create scopes in the Crossmint console of this environment's project: wrangler secret put CROSSMINT_SERVER_KEY --env <env>")];
  }
  if (res.status === 200 || res.status === 404) {
    return [passed("crossmint_key", "CROSSMINT_SERVER_KEY", "Crossmint accepted the server key for reading wallets")];
  }
  return [failed("crossmint_key", "CROSSMINT_API_BASE", `Crossmint's wallets API answered HTTP ${res.status}`, "CROSSMINT_API_BASE is the origin only (no /api path)")];
}

/** The JWKS loads and holds keys; a sample token (if given) names the configured issuer and audience and a published key. */
export async function checkJwks(s: Settings, sampleToken: string | null): Promise<PreflightCheck[]> {
  const res = await reach(s.crossmint.jwksUrl, { headers: { Accept: "application/json" } }, s.machines.timeoutMs);
  const body = res?.ok ? await res.json().catch(() => null) : null;
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    const why = !res ? "did not answer" : res.ok ? "is not a JWKS (no keys)" : `answered HTTP ${res.status}`;
    return [failed("jwks", "CROSSMINT_JWKS_URL", `The JWKS ${why}`, "Set CROSSMINT_JWKS_URL to https://staging.crossmint.com/.well-known/jwks.json (staging) or https://www.crossmint.com/.well-known/jwks.json (production)")];
  }
  const results = [passed("jwks", "CROSSMINT_JWKS_URL", `The JWKS loads (${keys.length} key${keys.length === 1 ? "" : "s"})`)];
  if (sampleToken) results.push(...checkSampleToken(s, sampleToken, keys));
  return results;
}

function checkSampleToken(s: Settings, token: string, keys: unknown[]): PreflightCheck[] {
  let iss: unknown;
  let aud: unknown;
  let kid: unknown;
  try {
    ({ iss, aud } = decodeJwt(token));
    ({ kid } = decodeProtectedHeader(token));
  } catch {
    return [failed("sample_token", "sample token", "The sample token is not a JWT", "Copy the token from a signed-in page (Crossmint's jwt), whole")];
  }
  const results: PreflightCheck[] = [];
  if (iss !== s.crossmint.issuer) {
    results.push(failed("sample_token", "CROSSMINT_ISSUER", `The token's issuer is ${JSON.stringify(iss)}, not CROSSMINT_ISSUER`, `Set CROSSMINT_ISSUER to ${JSON.stringify(iss)} if this token comes from your Crossmint project`));
  }
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(s.crossmint.audience)) {
    results.push(failed("sample_token", "CROSSMINT_AUDIENCE", `The token's audience is ${JSON.stringify(aud)}, not CROSSMINT_AUDIENCE`, "Set CROSSMINT_AUDIENCE to your Crossmint project id as the token's aud names it"));
  }
  if (!keys.some((k) => (k as { kid?: unknown })?.kid === kid)) {
    results.push(failed("sample_token", "CROSSMINT_JWKS_URL", `No key in the JWKS has the token's kid ${JSON.stringify(kid)}`, "Point CROSSMINT_JWKS_URL at the JWKS of the environment that issued the token (staging or production)"));
  }
  return results.length ? results : [passed("sample_token", "CROSSMINT_ISSUER", "The sample token's issuer, audience and key match the settings")];
}
