import { describe, expect, it } from "vitest";
import type { RouteContract } from "@machines-card/contract/api/define-route";
import { routes } from "@machines-card/contract/api/routes";
import { BASE } from "../../test/helpers/api";
import { workerWith } from "../../test/helpers/worker-with";

const all = Object.values(routes) as RouteContract[];
const unescape = (html: string) => html.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

async function docs() {
  const res = await workerWith({})(new Request(`${BASE}/docs`));
  return { res, html: await res.text() };
}

describe("GET /docs", () => {
  it("is an HTML page whose own CSP allows only its one style, by hash, and no script", async () => {
    const { res, html } = await docs();
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    const policy = res.headers.get("Content-Security-Policy")!;
    expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; frame-ancestors 'none'/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(style));
    expect(policy).toContain(`'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
    expect(html).not.toMatch(/<script|\son\w+=/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it("documents every route of the contract with a curl line, and examples that are JSON", async () => {
    const { html } = await docs();
    for (const route of all) {
      const section = new RegExp(`<section id="${route.operationId}">([\\s\\S]*?)</section>`).exec(html);
      expect(section, route.operationId).not.toBeNull();
      const body = section![1]!;
      expect(body).toContain(`curl -X ${route.method.toUpperCase()}`);
      if (route.auth) expect(body).toContain("Authorization: Bearer $JWT");
      if (route.idempotency) expect(body).toContain("Idempotency-Key");
      for (const [, example] of body.matchAll(/<h3>(?:Request body|Reply \(\d+\))<\/h3><pre>([\s\S]*?)<\/pre>/g)) {
        expect(() => JSON.parse(unescape(example!))).not.toThrow();
      }
    }
  });

  it("lists the error codes with their statuses", async () => {
    const { html } = await docs();
    expect(html).toContain("<tr><td><code>origin_not_allowed</code></td><td>403</td></tr>");
    expect(html).toContain("<tr><td><code>configuration_error</code></td><td>500</td></tr>");
  });
});
