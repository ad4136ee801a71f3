/**
 * The sandbox seen from outside, over HTTP, the way a person and a tester reach it: the identity issuer
 * (email one-time code, read from the sandbox page instead of an inbox), the tester's controls (faucet,
 * purchases, users, fault rules) and the user's sandbox wallet (signs typed data, sends transactions).
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
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return body as T;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });

let counter = 0;

/** A fresh address per person, so journeys never share a user. */
export function uniqueEmail(label = "bench"): string {
  return `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
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

  return {
    /** Signs a person in with an emailed one-time code (read from the sandbox's code page) and returns the JWT. */
    async signIn(email: string): Promise<string> {
      await json(await post(`${identity}/otp/start`, { email }), "otp/start");
      const { codes } = await json<{ codes: { code: string }[] }>(await fetch(`${identity}/otp/codes?email=${encodeURIComponent(email)}`), "otp/codes");
      const reply = await json<{ jwt: string }>(await post(`${identity}/otp/verify`, { email, code: codes[0]!.code }), "otp/verify");
      return reply.jwt;
    },
    /** The Machines user id of the person who signed in with this email (their KYC email). */
    async machinesUserId(email: string): Promise<string> {
      const { users } = await control<{ users: { userId: string; email: string | null }[] }>("GET", `/users?q=${encodeURIComponent(email)}`);
      const user = users.find((u) => u.email === email);
      if (!user) throw new Error(`no sandbox user with email ${email}`);
      return user.userId;
    },
    /** Mints test dollars into the user's collateral on chain (the watcher then credits them and moves an awaiting deposit). */
    faucet: (userId: string, amountCents: number) => control<{ txHash: string | null }>("POST", "/faucet", { userId, amountCents }),
    purchase: (cardId: string, amountCents: number, merchantName = "Bench Coffee") =>
      control("POST", "/purchases", { cardId, amountCents, merchantName, posted: true }),
    /** What the simulator holds for a user (cards, deposits, withdrawals), whatever the Worker says. */
    user: (userId: string) => control<SandboxUserView>("GET", `/users/${encodeURIComponent(userId)}`),
    addFault: (rule: Record<string, unknown>) => control<{ faults: { id: string }[] }>("POST", "/faults", rule).then((d) => d.faults[0]!),
    faults: () => control<{ faults: { id: string; hits: number; kind: string; path?: string }[] }>("GET", "/faults").then((d) => d.faults),
    clearFaults: () => control("DELETE", "/faults"),
    settings: (patch: Record<string, unknown>) => control("PATCH", "/settings", patch),
    /**
     * The user's sandbox wallet, authenticated with their identity token (no key leaves the sandbox). Like
     * the person in the widget, it approves first with the code emailed to `email` (read from the sandbox
     * mailbox); one approval covers a withdrawal's signature and its transaction.
     */
    wallet(token: string, email: string) {
      const base = `${sandboxUrl}/sandbox/wallet`;
      const call = async <T>(path: string, body: unknown) => json<T>(await post(`${base}${path}`, body, { Authorization: `Bearer ${token}` }), `wallet ${path}`);
      let approval: Promise<string> | null = null;
      const approve = () =>
        (approval ??= (async () => {
          await call("/approvals/email", {});
          const { codes } = await json<{ codes: { code: string; status: string }[] }>(
            await fetch(`${base}/approvals/codes?email=${encodeURIComponent(email.toLowerCase())}`),
            "wallet approval codes",
          );
          const code = codes.find((c) => c.status === "pending")?.code;
          return (await call<{ approval: string }>("/approvals/email/verify", { code })).approval;
        })());
      return {
        signTypedData: async (typedData: unknown) => (await call<{ signature: string }>("/sign-typed-data", { typedData, approval: await approve() })).signature,
        sendTransaction: async (tx: { to: string; data: string }) => (await call<{ hash: string }>("/send-transaction", { ...tx, approval: await approve() })).hash,
      };
    },
  };
}

export interface SandboxUserView {
  user: { userId: string; email: string | null };
  cards: { cardId: string; status: string }[];
  deposits: { id: string; status: string }[];
  withdrawals: { id: string; amountCents: number; signed: boolean; executedTxHash: string | null; superseded: boolean }[];
}

export type SandboxClient = ReturnType<typeof createSandboxClient>;
