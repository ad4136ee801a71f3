import type { Settings } from "../settings/settings";
import { failed, passed, reach, type PreflightCheck } from "./preflight";

/**
 * A session request Machines must refuse: no user id, no wallet. The partner key is checked before the
 * body (401/403 for a wrong key), so the reply tells whether the key is accepted and nothing is created.
 */
async function incompleteSessionRequest(s: Settings, scopes: string[]): Promise<Response | null> {
  return reach(
    `${s.machines.apiBase}/sessions`,
    {
      method: "POST",
      headers: { "X-Partner-Key": s.machines.partnerKey, "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ userId: "", walletAddress: "0x", scopes }),
    },
    s.machines.timeoutMs,
  );
}

export async function checkMachinesKey(s: Settings): Promise<PreflightCheck[]> {
  const res = await incompleteSessionRequest(s, s.sessions.kycScopes);
  if (!res) {
    return [failed("machines_key", "MACHINES_API_BASE", "Machines did not answer", "Set MACHINES_API_BASE to https://dev-api.machines.cash/partner/v1 (sandbox) or https://api.machines.cash/partner/v1 (production)")];
  }
  if (res.status === 401 || res.status === 403) {
    return [failed("machines_key", "MACHINES_PARTNER_KEY", `Machines refused the partner key (HTTP ${res.status})`, "Set the partner key Machines issued for this environment: wrangler secret put MACHINES_PARTNER_KEY --env <env>")];
  }
  if (res.status === 404) {
    return [failed("machines_key", "MACHINES_API_BASE", "Machines has no /sessions route at this base (HTTP 404)", "MACHINES_API_BASE must end in /partner/v1")];
  }
  if (res.status >= 500) {
    return [failed("machines_key", "MACHINES_API_BASE", `Machines answered HTTP ${res.status}`, "Check MACHINES_API_BASE and Machines' status, then run the preflight again")];
  }
  return [passed("machines_key", "MACHINES_PARTNER_KEY", `Machines accepted the partner key (an incomplete session request was refused with HTTP ${res.status}, as it must be)`)];
}

/** Fields a Machines error names, from `errors[].field` of its envelope (parsed tolerantly: display only). */
function fieldsNamed(body: unknown): string[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e) => (e as { field?: unknown })?.field).filter((f): f is string => typeof f === "string");
}

/**
 * The scopes sent with an incomplete session request: a refusal that names `scopes` means Machines does
 * not know one of them. It cannot prove a scope is granted to this partner (only a real session can),
 * which the README says.
 */
export async function checkScopes(s: Settings): Promise<PreflightCheck[]> {
  const results: PreflightCheck[] = [];
  for (const [setting, scopes] of [
    ["KYC_SCOPES", s.sessions.kycScopes],
    ["CARD_SCOPES", s.sessions.cardScopes],
  ] as const) {
    const res = await incompleteSessionRequest(s, scopes);
    if (!res || res.status === 401 || res.status === 403 || res.status >= 500) {
      results.push(failed("machines_scopes", setting, "not checked: Machines did not accept the partner key", "Fix machines_key first"));
      continue;
    }
    const fields = fieldsNamed(await res.json().catch(() => null));
    if (fields.some((f) => f === "scopes" || f.startsWith("scopes."))) {
      results.push(failed("machines_scopes", setting, `Machines refused the scopes (${scopes.join(", ")})`, `Remove the scopes Machines does not grant your program from ${setting}, or leave ${setting} unset for the default`));
    } else {
      results.push(passed("machines_scopes", setting, `Machines did not refuse ${scopes.join(", ")}`));
    }
  }
  return results;
}
