import { createMachinesSandboxApp, createMachinesSimulator, type MachinesSimulator, type MachinesSimulatorOptions } from "../index";
import { PARTNER_SCOPES } from "@machines-card/contract/machines/sessions";
import type { SimulatorLogger } from "../options";

export const PARTNER_KEY = "sk_test_partner_key_for_simulator_tests";
export const WALLET = "0x462B1eD1B62F4c282c0EA342BCefcF8f9919226E";

/** Logs kept for assertions instead of the console. */
export function memoryLogger(): SimulatorLogger & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (message, fields) => lines.push({ level: "info", message, fields }),
    warn: (message, fields) => lines.push({ level: "warn", message, fields }),
    error: (message, fields) => lines.push({ level: "error", message, fields }),
  };
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (with `contentType`), for malformed-input tests. */
  rawBody?: string;
  contentType?: string;
  token?: string;
  partnerKey?: string | null;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

/**
 * A simulator on a test clock, called in-process through the same app the sandbox server mounts
 * (`/partner/v1` and `/sandbox`).
 */
export function createHarness(options: MachinesSimulatorOptions = {}) {
  let nowMs = Date.parse("2026-01-16T14:17:51.298Z");
  const logger = memoryLogger();
  const simulator: MachinesSimulator = createMachinesSimulator({
    partnerKey: PARTNER_KEY,
    now: () => nowMs,
    logger,
    ...options,
  });
  const app = createMachinesSandboxApp(simulator);

  async function call<T = any>(method: string, path: string, o: CallOptions = {}): Promise<CallResult<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.Authorization = `Bearer ${o.token}`;
    if (o.partnerKey !== undefined && o.partnerKey !== null) headers["X-Partner-Key"] = o.partnerKey;
    if (o.idempotencyKey) headers["Idempotency-Key"] = o.idempotencyKey;
    let body: string | undefined;
    if (o.rawBody !== undefined) {
      body = o.rawBody;
      if (o.contentType) headers["Content-Type"] = o.contentType;
    } else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers["Content-Type"] = o.contentType ?? "application/json";
    }
    const url = path.startsWith("/sandbox") ? path : `/partner/v1${path}`;
    const response = await app.request(url, { method, headers, body });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  const partner = (method: string, path: string, body: unknown, key: string | null = PARTNER_KEY) =>
    call(method, path, { body, partnerKey: key });

  async function session(userId: string, scopes: string[], wallet = WALLET, ttlSeconds?: number): Promise<string> {
    const reply = await partner("POST", "/sessions", { userId, scopes, walletAddress: wallet, ...(ttlSeconds ? { ttlSeconds } : {}) });
    if (reply.status !== 200) throw new Error(`session failed: ${reply.text}`);
    return reply.json.data.sessionToken as string;
  }

  /** Resolves, approves KYC and (unless told otherwise) accepts the agreements; returns a token with every scope. */
  async function onboard(userId: string, o: { wallet?: string; agreements?: boolean; kyc?: "approved" | "pending" } = {}) {
    const wallet = o.wallet ?? WALLET;
    await partner("POST", "/users/resolve", { userId, walletAddress: wallet });
    const kycToken = await session(userId, ["kyc.read", "kyc.write"], wallet);
    await call("POST", "/kyc/applications", { token: kycToken, body: application(o.kyc === "pending" ? "smith" : "Approved") });
    if (o.kyc === "pending") return { kycToken, token: "" };
    if (o.agreements !== false) await call("POST", "/agreements", { token: kycToken, body: { accepted: true } });
    const token = await session(userId, ALL_SCOPES, wallet);
    return { kycToken, token };
  }

  return {
    simulator,
    app,
    logger,
    call,
    partner,
    session,
    onboard,
    clock: {
      now: () => nowMs,
      advance: (seconds: number) => {
        nowMs += seconds * 1000;
      },
      set: (ms: number) => {
        nowMs = ms;
      },
    },
  };
}

export type Harness = ReturnType<typeof createHarness>;

/** Every scope of the docs' enum plus the two the example's defaults add (not the quickstart's crypto.* aliases). */
export const ALL_SCOPES = [...PARTNER_SCOPES, "transactions.read", "balances.read"];

export function application(lastName: string) {
  return {
    firstName: "John",
    lastName,
    birthDate: "1990-01-01",
    nationalId: "123456789",
    countryOfIssue: "US",
    email: "john@example.com",
    address: { line1: "123 Main St", city: "New York", region: "NY", postalCode: "10001", countryCode: "US", line2: "Unit 4" },
    occupation: "49-3023",
    annualSalary: "<40k",
    accountPurpose: "everyday spend",
    expectedMonthlyVolume: "under $1k",
    phoneCountryCode: "1",
    phoneNumber: "4155551234",
  };
}
