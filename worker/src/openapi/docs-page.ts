import { ERROR_STATUS } from "@machines-card/contract/errors";
import { exampleOf } from "./example-of";
import type { JsonSchema } from "./json-schema";

const escape = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

/** The page's only style, allowed by its hash in the page's CSP (no inline script, no other source). */
export const DOCS_STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}
h2{margin-top:2.5rem;border-top:1px solid #ddd;padding-top:1rem;font-size:1.1rem}code,pre{font:13px ui-monospace,monospace}
pre{background:#f5f5f7;padding:.75rem;overflow-x:auto;border-radius:6px}table{border-collapse:collapse}
td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}.method{font-weight:700;text-transform:uppercase}
nav li{list-style:none}@media (prefers-color-scheme:dark){body{background:#111;color:#eee}pre{background:#222}td,th,h2{border-color:#444}}`;

interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: JsonSchema[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: JsonSchema } } }>;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

function curlOf(method: string, path: string, op: Operation): string {
  const lines = [`curl -X ${method.toUpperCase()} "$WORKER${path}"`];
  if (op.security?.length) lines.push(`  -H "Authorization: Bearer $JWT"`);
  if (op.parameters?.some((p) => p.name === "Idempotency-Key" || (p.$ref as string | undefined)?.includes("IdempotencyKey"))) {
    lines.push(`  -H "Idempotency-Key: $(uuidgen)"`);
  }
  if (op.requestBody) {
    lines.push(`  -H "Content-Type: application/json"`);
    lines.push(`  -d '${JSON.stringify(exampleOf(op.requestBody.content["application/json"].schema)).replaceAll("'", "'\\''")}'`);
  }
  return lines.join(" \\\n");
}

function operationHtml(method: string, path: string, op: Operation): string {
  const params = (op.parameters ?? []).filter((p) => typeof p.name === "string");
  const success = Object.entries(op.responses).find(([status]) => status.startsWith("2"));
  const errors = Object.entries(op.responses).filter(([status]) => !status.startsWith("2"));
  return `<section id="${escape(op.operationId)}">
<h2><span class="method">${escape(method)}</span> <code>${escape(path)}</code> · ${escape(op.summary ?? op.operationId)}</h2>
${op.description ? `<p>${escape(op.description)}</p>` : ""}
<p>${op.security?.length ? "Needs <code>Authorization: Bearer &lt;JWT&gt;</code>." : "Public."} Operation <code>${escape(op.operationId)}</code>.</p>
${params.length ? `<table><tr><th>Parameter</th><th>In</th><th>Required</th><th>Description</th></tr>${params.map((p) => `<tr><td><code>${escape(String(p.name))}</code></td><td>${escape(String(p.in))}</td><td>${p.required ? "yes" : "no"}</td><td>${escape(String(p.description ?? ""))}</td></tr>`).join("")}</table>` : ""}
<h3>Example</h3><pre>${escape(curlOf(method, path, op))}</pre>
${op.requestBody ? `<h3>Request body</h3><pre>${escape(json(exampleOf(op.requestBody.content["application/json"].schema)))}</pre>` : ""}
${success?.[1].content ? `<h3>Reply (${escape(success[0])})</h3><pre>${escape(json(exampleOf(success[1].content["application/json"].schema)))}</pre>` : ""}
${errors.length ? `<h3>Errors</h3><ul>${errors.map(([status, r]) => `<li><b>${escape(status)}</b>: ${escape(r.description)}</li>`).join("")}</ul>` : ""}
</section>`;
}

/**
 * The API reference as one static HTML page, built from the OpenAPI document (itself built from the
 * route contracts): each operation with its parameters, a curl line and example request and reply, and
 * the error codes. No script; one inline style allowed by hash.
 */
export function renderDocs(doc: JsonSchema): string {
  const info = doc.info as { title: string; version: string; description: string };
  const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method, path, op })),
  );
  const codes = Object.entries(ERROR_STATUS).sort(([, a], [, b]) => a - b);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(info.title)} ${escape(info.version)}</title><style>${DOCS_STYLE}</style></head>
<body><h1>${escape(info.title)} <small>${escape(info.version)}</small></h1>
<p>${escape(info.description)}</p>
<p>Machine-readable: <a href="openapi.json">/openapi.json</a> (OpenAPI 3.1). In the examples, <code>$WORKER</code> is this Worker's URL and <code>$JWT</code> the user's Crossmint JWT.</p>
<nav><ul>${operations.map(({ method, path, op }) => `<li><a href="#${escape(op.operationId)}"><span class="method">${escape(method)}</span> ${escape(path)}</a></li>`).join("")}</ul></nav>
<h2 id="errors">Error codes</h2>
<p>Every error reply is <code>{ok:false, data:null, summary, errors:[{code, message, field?}], requestId}</code>; switch on <code>errors[].code</code>, never on the message.</p>
<table><tr><th>Code</th><th>HTTP status</th></tr>${codes.map(([code, status]) => `<tr><td><code>${escape(code)}</code></td><td>${status}</td></tr>`).join("")}</table>
${operations.map(({ method, path, op }) => operationHtml(method, path, op)).join("\n")}
</body></html>`;
}
