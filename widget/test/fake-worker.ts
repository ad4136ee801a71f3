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
