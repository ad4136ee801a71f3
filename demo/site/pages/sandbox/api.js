// @ts-check
/**
 * The sandbox server's JSON controls, as the tester's tools call them: sign-in codes from the identity
 * issuer (`/identity/otp/codes`) and the simulator's controls (`/sandbox/*`, CORS open, sandbox only).
 * Every failure becomes a `SandboxError` whose message is the envelope's first error, ready to show.
 */

/**
 * @typedef {{ email: string, code: string, createdAt: string, expiresAt: string, attemptsLeft: number, status: string }} SignInCode
 * @typedef {{ creditLimit: number, spendingPower: number, pendingCharges: number, balanceDue: number }} Balances
 * @typedef {{ address: string, version: 1 | 2, contractId: string, chainId: number }} Collateral
 * @typedef {{ userId: string, createdAt: string, kycStatus: string, email: string | null, firstName: string | null,
 *   lastName: string | null, walletAddress: string | null, agreementsAccepted: boolean, collateral: Collateral | null,
 *   balances: Balances }} SandboxUser
 * @typedef {{ id: string, status: string, fromCurrency: string, fromNetwork: string, createdAt: string }} SandboxDeposit
 * @typedef {{ cardId: string, last4?: string, label?: string | null, status?: string }} SandboxCard
 * @typedef {{ user: SandboxUser, deposits: SandboxDeposit[], withdrawals: unknown[], cards?: SandboxCard[] }} SandboxUserDetail
 * @typedef {{ collateralVersion: 1 | 2, [name: string]: unknown }} SandboxSettings
 * @typedef {{ kind: string, method?: string, path?: string, status?: number, latencyMs?: number, times?: number, userId?: string }} FaultRuleInput
 * @typedef {FaultRuleInput & { id: string, remaining: number | null, hits: number }} FaultRule
 */

export class SandboxError extends Error {
  /** @param {string} message @param {string} code @param {number} status */
  constructor(message, code, status) {
    super(message);
    this.name = "SandboxError";
    this.code = code;
    this.status = status;
  }
}

/** @param {string} base the sandbox server's origin, e.g. http://127.0.0.1:8788 */
export function sandboxApi(base) {
  const origin = base.replace(/\/+$/, "");

  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   * @returns {Promise<any>}
   */
  async function call(method, path, body) {
    let response;
    try {
      response = await fetch(`${origin}${path}`, {
        method,
        headers: body === undefined ? undefined : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new SandboxError(`The sandbox at ${origin} did not answer. Is \`npm run dev\` still running?`, "unreachable", 0);
    }
    /** @type {any} */
    let json = null;
    try {
      json = await response.json();
    } catch {
      throw new SandboxError(`${method} ${path} answered HTTP ${response.status} without JSON.`, "not_json", response.status);
    }
    if (!response.ok || json?.ok === false) {
      const first = json?.errors?.[0];
      const message = first ? `${first.message}${first.field ? ` (${first.field})` : ""}` : json?.summary ?? `HTTP ${response.status}`;
      throw new SandboxError(message, first?.code ?? "error", response.status);
    }
    return json && "data" in json ? json.data : json;
  }

  const id = encodeURIComponent;
  return {
    /** @returns {Promise<SignInCode[]>} */
    signInCodes: async () => (await call("GET", "/identity/otp/codes")).codes ?? [],
    /** @returns {Promise<SandboxUser[]>} */
    users: async () => (await call("GET", "/sandbox/users")).users ?? [],
    /** @param {string} userId @returns {Promise<SandboxUserDetail>} */
    user: (userId) => call("GET", `/sandbox/users/${id(userId)}`),
    /** @param {string} userId @param {string} status @param {string | null} reason */
    decideKyc: (userId, status, reason) => call("POST", `/sandbox/users/${id(userId)}/kyc`, reason ? { status, reason } : { status }),
    /** @param {string} depositId @param {number | undefined} amountCents */
    completeDeposit: (depositId, amountCents) => call("POST", `/sandbox/deposits/${id(depositId)}/complete`, amountCents ? { amountCents } : {}),
    /** @param {string} userId @param {number | undefined} amountCents */
    fundCollateral: (userId, amountCents) => call("POST", "/sandbox/faucet", amountCents ? { userId, amountCents } : { userId }),
    /** @param {{ cardId: string, amountCents: number, merchantName?: string, posted?: boolean }} purchase */
    recordPurchase: (purchase) => call("POST", "/sandbox/purchases", purchase),
    /** @returns {Promise<SandboxSettings>} */
    settings: async () => (await call("GET", "/sandbox/settings")).settings,
    /** @param {Partial<SandboxSettings>} patch @returns {Promise<SandboxSettings>} */
    updateSettings: async (patch) => (await call("PATCH", "/sandbox/settings", patch)).settings,
    /** @returns {Promise<FaultRule[]>} */
    faults: async () => (await call("GET", "/sandbox/faults")).faults ?? [],
    /** @param {FaultRuleInput} rule */
    addFault: (rule) => call("POST", "/sandbox/faults", rule),
    /** @param {string} faultId */
    removeFault: (faultId) => call("DELETE", `/sandbox/faults/${id(faultId)}`),
    clearFaults: () => call("DELETE", "/sandbox/faults"),
    /** The ERC-4337 bundler: `auto` bundles operations as they come, `manual` holds them until flushed. */
    /** @param {"auto" | "manual"} mode @returns {Promise<{ mode: string }>} */
    setBundling: (mode) => call("PUT", "/sandbox/bundler", { mode }),
    /** @returns {Promise<{ mode: string, bundles: number }>} */
    flushBundles: () => call("POST", "/sandbox/bundler/flush"),
  };
}

/** @typedef {ReturnType<typeof sandboxApi>} SandboxApi */
