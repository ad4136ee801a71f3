import { type Context, Hono } from "hono";
import type { KnownKycStatus } from "@machines-card/contract/machines";
import { KYC_FINAL_STATUSES } from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { kycSignature, setKycStatus } from "../domain/kyc";

/**
 * The hosted-verification stand-in that `completionLink` opens: a plain HTML page where the applicant
 * approves, is denied, or is asked for more information. No script at all and a stylesheet from the
 * same origin, so it works under a strict Content-Security-Policy.
 */

const DECISIONS: Record<string, { status: KnownKycStatus; label: string }> = {
  approve: { status: "approved", label: "Approve verification" },
  "more-information": { status: "needs_information", label: "Ask for more information" },
  deny: { status: "denied", label: "Deny verification" },
};

const CSP = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Machines sandbox</title>
<link rel="stylesheet" href="verify.css">
</head>
<body>
<main>
<p class="badge">Sandbox · no real identity check</p>
<h1>${escape(title)}</h1>
${body}
</main>
</body>
</html>`;
}

const STYLES = `:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}
body{margin:0;display:grid;place-items:center;min-height:100vh;background:Canvas;color:CanvasText}
main{max-width:28rem;padding:2rem}
.badge{display:inline-block;padding:.1rem .6rem;border-radius:1rem;background:#b45309;color:#fff;font-size:.8rem}
form{display:grid;gap:.75rem;margin-top:1.5rem}
button{font:inherit;padding:.7rem 1rem;border-radius:.5rem;border:1px solid #888;background:ButtonFace;color:ButtonText;cursor:pointer}
button[value=approve]{background:#047857;color:#fff;border-color:#047857}
button:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}`;

export function kycPageRoutes(ctx: SimulatorContext) {
  const html = (c: Context, status: 200 | 403, title: string, body: string) => {
    c.header("Content-Security-Policy", CSP);
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    return c.html(page(title, body), status);
  };

  const checkLink = async (userId: string | undefined, signature: string | undefined) => {
    if (!userId || !signature) return null;
    const user = ctx.store.user(userId);
    if (!user || !(await ctx.secrets.equals(signature, await kycSignature(ctx, userId)))) return null;
    return user;
  };

  const statusView = (userId: string, signature: string, status: KnownKycStatus, name: string) => {
    const final = (KYC_FINAL_STATUSES as readonly string[]).includes(status);
    const buttons = Object.entries(DECISIONS)
      .map(([value, { label }]) => `<button type="submit" name="decision" value="${value}">${escape(label)}</button>`)
      .join("\n");
    return `<dl><dt>Applicant</dt><dd>${escape(name)}</dd><dt>Status</dt><dd id="status">${escape(status)}</dd></dl>
${
  final
    ? `<p>This application is ${escape(status)}. You can close this window.</p>`
    : `<p>Choose what the identity check decides. The partner's page sees the result on its next status check.</p>
<form method="post" action="">
<input type="hidden" name="userId" value="${escape(userId)}">
<input type="hidden" name="signature" value="${escape(signature)}">
${buttons}
</form>`
}`;
  };

  return new Hono()
    .get("/kyc/verify.css", (c) => c.body(STYLES, 200, { "Content-Type": "text/css; charset=utf-8" }))
    .get("/kyc/verify", async (c) => {
      const { userId, signature } = c.req.query();
      const user = await checkLink(userId, signature);
      if (!user) return html(c, 403, "Link not valid", "<p>This verification link is not valid. Start again from the card.</p>");
      const name = [user.kyc.firstName, user.kyc.lastName].filter(Boolean).join(" ") || user.userId;
      return html(c, 200, "Identity verification", statusView(user.userId, signature!, user.kyc.status, name));
    })
    .post("/kyc/verify", async (c) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : undefined);
      const user = await checkLink(field("userId") ?? c.req.query("userId"), field("signature") ?? c.req.query("signature"));
      if (!user) return html(c, 403, "Link not valid", "<p>This verification link is not valid. Start again from the card.</p>");
      const decision = DECISIONS[field("decision") ?? ""];
      const name = [user.kyc.firstName, user.kyc.lastName].filter(Boolean).join(" ") || user.userId;
      const signature = await kycSignature(ctx, user.userId);
      if (decision && !(KYC_FINAL_STATUSES as readonly string[]).includes(user.kyc.status)) {
        setKycStatus(ctx, user, decision.status, decision.status === "needs_information" ? "sandbox: more information requested" : "");
      }
      const title = user.kyc.status === "approved" ? "Verification complete" : "Verification updated";
      return html(c, 200, title, statusView(user.userId, signature, user.kyc.status, name));
    });
}
