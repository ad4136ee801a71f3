import { expect, waitUntil } from "@open-wc/testing";

// The element on a page with a strict Content-Security-Policy (no unsafe-inline, no unsafe-eval):
// it must register, render styled, and cause no violation. A deliberate inline style on the test page
// is the control that proves violations are being caught.

const POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'";

describe("<machines-card> under a strict CSP", () => {
  it("registers, renders with its styles, reports a wrong api-base, and triggers no violation", async () => {
    const frame = document.createElement("iframe");
    frame.srcdoc = `<!doctype html><html lang="en"><head>
      <meta http-equiv="Content-Security-Policy" content="${POLICY}">
      <script type="module" src="/widget/src/define.ts"></script></head>
      <body><p id="control" style="color: red">control</p>
      <machines-card api-base="https://card.example.invalid"></machines-card></body></html>`;
    const violations: SecurityPolicyViolationEvent[] = [];
    document.body.append(frame);
    // The srcdoc document reuses the frame's window, so a listener added now hears the page's violations.
    frame.contentWindow!.addEventListener("securitypolicyviolation", (e) => violations.push(e));
    try {
      await waitUntil(() => frame.contentDocument?.querySelector("machines-card")?.shadowRoot?.querySelector('[part="error"]'), "the element should render", {
        timeout: 8000,
      });
      const win = frame.contentWindow!;
      const el = frame.contentDocument!.querySelector("machines-card")!;
      expect(win.customElements.get("machines-card")).to.exist;
      const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
      expect(win.getComputedStyle(base).borderStyle).to.equal("solid"); // adopted style sheets applied
      // connect-src 'self' blocks the Worker, which the element reports as unreachable, in words.
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain("Could not reach the Worker at https://card.example.invalid");
      expect(el.shadowRoot!.querySelectorAll("[style]")).to.have.length(0);

      const fromWidget = violations.filter((v) => v.effectiveDirective !== "connect-src" && !(v.target as Element)?.id?.includes("control"));
      expect(violations.some((v) => (v.target as Element).id === "control")).to.equal(true, "the control violation was not seen");
      expect(fromWidget.map((v) => `${v.effectiveDirective} ${v.blockedURI} ${v.sample}`)).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
