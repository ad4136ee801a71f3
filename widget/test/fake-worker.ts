/**
 * A Worker reply the real stack cannot produce, at the one edge the widget has: `fetch`. For what a
 * Worker in front of a changed or misbehaving Machines could send (a status nobody has seen yet, a link
 * that is not https), which the sandbox never does. Answers each `"METHOD /path"` with the Worker's
 * success envelope around `data`, anything else with its `not_found` error envelope.
 *
 * @example
 * renderStep("agreements", { fetch: fakeWorker({ "GET /v1/agreements": { agreements: [], accepted: false, acceptedAt: null } }) });
 */
export function fakeWorker(replies: Record<string, unknown>): typeof fetch & { calls: string[] } {
  const calls: string[] = [];
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const key = `${init?.method ?? "GET"} ${url.pathname}`;
    calls.push(key);
    const headers = { "Content-Type": "application/json", "X-Request-Id": "req_fake" };
    if (!(key in replies)) {
      const error = { code: "not_found", message: `${key} is not faked` };
      return new Response(JSON.stringify({ ok: false, data: null, summary: error.message, errors: [error] }), { status: 404, headers });
    }
    return new Response(JSON.stringify({ ok: true, data: replies[key], summary: "faked", errors: [] }), { status: 200, headers });
  };
  return Object.assign(fake, { calls });
}

/**
 * The page's `fetch` with a stand-in Worker at `https://card.worker.test` answering `GET /v1/config`
 * (sandbox sign-in through the test runner's identity issuer; `config` changes fields, e.g. `version`),
 * and `extra` URLs answered as given; everything else goes to the real network. For tests of the whole
 * element that need only its first view. Returns the Worker's URL and a function that restores `fetch`.
 */
export function pageWithFakeWorker(
  identityUrl: string,
  config: Record<string, unknown> = {},
  extra: Record<string, () => Response> = {},
): { apiBase: string; restore: () => void } {
  const apiBase = "https://card.worker.test";
  const original = window.fetch;
  const worker = fakeWorker({
    "GET /v1/config": {
      environment: "sandbox",
      originAllowed: true,
      origin: location.origin,
      auth: { provider: "sandbox", issuerUrl: identityUrl },
      wallet: { provider: "sandbox", signerUrl: "http://127.0.0.1:9" },
      chain: { id: 31337, name: "Anvil", explorerUrl: null },
      version: "0.1.0",
      ...config,
    },
  });
  window.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.startsWith(apiBase)) return worker(input, init);
    if (url in extra) return Promise.resolve(extra[url]!());
    return original(input, init);
  };
  return { apiBase, restore: () => (window.fetch = original) };
}
