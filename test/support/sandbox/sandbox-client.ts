/**
 * The sandbox seen from outside, over HTTP, the way a person and a tester reach it: the identity issuer
 * (email one-time code, read from the sandbox page instead of an inbox), the tester's controls (faucet,
 * purchases, users, KYC decisions, fault rules; `demo/upstream/README.md`, "Controls") and the user's
 * sandbox wallet (signs typed data, sends transactions). Every suite's one way to the sandbox: fetch only,
 * so it runs in Node, in the browser (widget tests) and inside workerd (Worker tests).
 */
export interface SandboxUrls {
  /** The sandbox server's origin (`RunningStack.sandboxUrl`). */
  sandboxUrl: string;
}

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${what}: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`);
  }
  // A control's refusal is an `ok: false` envelope (whatever the status).
  if (!res.ok || (body as { ok?: unknown } | null)?.ok === false) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return body as T;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });

let counter = 0;

/** A fresh address per person, so tests and journeys never share a user (the sandbox is shared). */
export function uniqueEmail(label = "user"): string {
  return `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

/** A rule of the Machines simulator's fault injection (`POST /sandbox/faults`). */
export interface FaultRule {
  method?: string;
  path?: string;
  kind: "latency" | "error" | "malformed" | "rate_limit" | "rewrite";
  status?: number;
  latencyMs?: number;
  retryAfterSeconds?: number;
  times?: number;
  /** The share of matching requests it hits (0–1; default all). */
  probability?: number;
  phase?: "before" | "after";
  /** Only this partner user's requests (`data.user.id` of `getMe`). */
  userId?: string;
  /** For `rewrite`: values to set and members to remove in the real reply, by dotted path (`data.cards.*.status`). */
  rewrite?: { set?: Record<string, unknown>; remove?: string[] };
}

export function createSandboxClient({ sandboxUrl }: SandboxUrls) {
  const identity = `${sandboxUrl}/identity`;
  const controls = `${sandboxUrl}/sandbox`;
  const control = async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${controls}${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await json<{ data: T }>(res, `sandbox control ${method} ${path}`)).data;
  };

  /** The Machines user who submitted KYC with this email (the simulator records it from the application). */
  const userByEmail = async (email: string): Promise<SandboxUserSummary | undefined> => {
    const { users } = await control<{ users: SandboxUserSummary[] }>("GET", `/users?q=${encodeURIComponent(email)}`);
    return users.find((u) => u.email?.toLowerCase() === email.toLowerCase());
  };

  return {
    /** Signs a person in with an emailed one-time code (read from the sandbox's code page) and returns the JWT. */
    async signIn(email: string): Promise<string> {
      await json(await post(`${identity}/otp/start`, { email }), "otp/start");
      const { codes } = await json<{ codes: { code: string }[] }>(await fetch(`${identity}/otp/codes?email=${encodeURIComponent(email)}`), "otp/codes");
      const reply = await json<{ jwt: string }>(await post(`${identity}/otp/verify`, { email, code: codes[0]!.code }), "otp/verify");
      return reply.jwt;
    },
    /** The latest one-time code the issuer "emailed" to this address (what the sandbox page shows). */
    async latestCode(email: string): Promise<string> {
      const { codes } = await json<{ codes: { email: string; code: string }[] }>(await fetch(`${identity}/otp/codes?email=${encodeURIComponent(email)}`), "otp/codes");
      const code = codes.find((c) => c.email === email.toLowerCase())?.code;
      if (!code) throw new Error(`no code was sent to ${email}`);
      return code;
    },
    /** Calls any sandbox control (`/sandbox/*`) and returns its `data`; throws on a refusal. */
    control,
    /** The Machines user id of the person who signed in with this email (their KYC email). */
    async machinesUserId(email: string): Promise<string> {
      const user = await userByEmail(email);
      if (!user) throw new Error(`no sandbox user with email ${email}`);
      return user.userId;
    },
    userByEmail,
    /** A KYC decision, as a reviewer (or the hosted page) would make it. */
    setKyc: (userId: string, status: string, reason?: string) =>
      control("POST", `/users/${encodeURIComponent(userId)}/kyc`, reason === undefined ? { status } : { status, reason }),
    completeDeposit: (depositId: string, amountCents?: number) =>
      control("POST", `/deposits/${encodeURIComponent(depositId)}/complete`, amountCents === undefined ? {} : { amountCents }),
    /** The collateral version (1 controller, 2 coordinator) a wallet gets when it is first seen. */
    setCollateralVersion: (walletAddress: string, version: 1 | 2) => control("PUT", `/collateral-versions/${walletAddress}`, { version }),
    /** The sandbox chain's facts (RPC URL, test dollar token). */
    chain: () => control<{ chainId: number; rpcUrl: string; tokenAddress: string; tokenDecimals: number }>("GET", "/chain"),
    /** Mints test dollars into the user's collateral on chain (the watcher then credits them and moves an awaiting deposit). */
    faucet: (userId: string, amountCents: number) => control<{ txHash: string | null }>("POST", "/faucet", { userId, amountCents }),
    /** Records a card purchase (posted at once unless `posted` is false). */
    purchase: (cardId: string, amountCents: number, merchantName = "Test Merchant", posted = true) =>
      control<{ transaction: { transactionId: string } }>("POST", "/purchases", { cardId, amountCents, merchantName, posted }),
    /** What the simulator holds for a user (cards, deposits, withdrawals), whatever the Worker says. */
    user: (userId: string) => control<SandboxUserView>("GET", `/users/${encodeURIComponent(userId)}`),
    addFault: (rule: FaultRule) => control<{ faults: { id: string }[] }>("POST", "/faults", rule).then((d) => d.faults[0]!),
    faults: () => control<{ faults: { id: string; hits: number; kind: string; path?: string }[] }>("GET", "/faults").then((d) => d.faults),
    /** How many requests a rule has affected so far (rules with `times` disappear once used up). */
    faultHits: (id: string) => control<{ faults: { id: string; hits: number }[] }>("GET", "/faults").then((d) => d.faults.find((f) => f.id === id)?.hits ?? null),
    removeFault: (id: string) => control("DELETE", `/faults/${encodeURIComponent(id)}`),
    clearFaults: () => control("DELETE", "/faults"),
    settings: (patch: Record<string, unknown>) => control("PATCH", "/settings", patch),
    /**
     * The user's sandbox wallet, authenticated with their identity token (no key leaves the sandbox). Like
     * the person in the widget, it approves first with the code emailed to the user (read from the sandbox
     * mailbox, `email` or the token's own); one approval covers a withdrawal's signature and its transaction.
     */
    wallet(token: string, email: string = emailOf(token)) {
      const base = `${sandboxUrl}/sandbox/wallet`;
      const call = async <T>(path: string, body: unknown) => json<T>(await post(`${base}${path}`, body, { Authorization: `Bearer ${token}` }), `wallet ${path}`);
      let grant: { approval: Promise<string>; used: Set<"sign" | "send"> } | null = null;
      const approve = (use: "sign" | "send"): Promise<string> => {
        if (grant && !grant.used.has(use)) {
          grant.used.add(use);
          return grant.approval;
        }
        const approval = (async () => {
          await call("/approvals/email", {});
          const { codes } = await json<{ codes: { code: string; status: string }[] }>(
            await fetch(`${base}/approvals/codes?email=${encodeURIComponent(email.toLowerCase())}`),
            "wallet approval codes",
          );
          const code = codes.find((c) => c.status === "pending")?.code;
          return (await call<{ approval: string }>("/approvals/email/verify", { code })).approval;
        })();
        grant = { approval, used: new Set([use]) };
        return approval;
      };
      return {
        /** The wallet's address (made at first use, like an embedded wallet at login). */
        address: async () => json<{ address: string }>(await fetch(base, { headers: { Authorization: `Bearer ${token}` } }), "wallet"),
        signTypedData: async (typedData: unknown) => (await call<{ signature: string }>("/sign-typed-data", { typedData, approval: await approve("sign") })).signature,
        /** Sends calls (as a user operation through the sandbox bundler, gas sponsored); resolves with the hash to follow. */
        sendTransaction: async (tx: { to: string; data: string }) => (await call<{ hash: string }>("/send-transaction", { ...tx, approval: await approve("send") })).hash,
        /** The same send, with all the wallet answers: the bundle transaction (once included) and the user operation. */
        send: async (tx: { to: string; data: string }) =>
          call<{ hash: string; userOperationHash: string; transactionHash: string | null }>("/send-transaction", { ...tx, approval: await approve("send") }),
      };
    },
  };
}

/** The email an identity token was issued to (its payload's `email` claim; the token is not checked here). */
function emailOf(token: string): string {
  const payload = token.split(".")[1] ?? "";
  return String((JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { email?: unknown }).email ?? "");
}

export interface SandboxUserSummary {
  userId: string;
  email: string | null;
  kycStatus: string;
  agreementsAccepted?: boolean;
  wallets?: unknown[];
  collateral: { address: string; version: 1 | 2; contractId: string; chainId: number } | null;
  balances: { creditLimit: number; spendingPower: number; pendingCharges?: number; postedCharges?: number };
}

export interface SandboxUserView {
  user: SandboxUserSummary;
  cards: { cardId: string; status: string }[];
  deposits: { id: string; status: string; amount?: number | null }[];
  withdrawals: { id: string; amountCents: number; signed: boolean; executedTxHash: string | null; superseded: boolean }[];
}

export type SandboxClient = ReturnType<typeof createSandboxClient>;
