import type { MiddlewareHandler } from "hono";
import { ids } from "../crypto/encoding";

/**
 * Open Responses mode [docs]: with `X-Open-Responses: 1|true`, the envelope is replaced by a
 * `response` object whose `output` holds an assistant message (the summary) and a
 * `function_call_output` carrying the normal envelope as a JSON string. The HTTP status is unchanged.
 */
export function openResponses(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const mode = (c.req.header("x-open-responses") ?? "").toLowerCase();
    if (mode !== "1" && mode !== "true") return;
    if (!(c.res.headers.get("content-type") ?? "").includes("application/json")) return;
    const envelopeText = await c.res.clone().text();
    let summary = "";
    try {
      const envelope = JSON.parse(envelopeText) as { summary?: unknown };
      summary = typeof envelope.summary === "string" ? envelope.summary : "";
    } catch {
      return; // not an envelope (an injected malformed reply stays malformed)
    }
    const callId = c.req.header("x-open-responses-call-id") ?? ids.prefixed("call");
    const body = {
      id: ids.prefixed("resp"),
      object: "response",
      status: "completed",
      model: "machinescash.partner",
      output: [
        {
          type: "message",
          id: ids.prefixed("msg"),
          status: "completed",
          role: "assistant",
          content: [{ type: "output_text", text: summary, annotations: [], logprobs: [] }],
        },
        { type: "function_call_output", id: ids.prefixed("fco"), call_id: callId, output: envelopeText },
      ],
    };
    const headers = new Headers(c.res.headers);
    headers.delete("content-length");
    c.res = new Response(JSON.stringify(body), { status: c.res.status, headers });
  };
}
