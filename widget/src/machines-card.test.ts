import { expect, fixture, html, oneEvent } from "@open-wc/testing";
import "./define";
import type { MachinesCard } from "./machines-card";

describe("<machines-card> configuration", () => {
  it("is accessible while reporting a missing api-base", async () => {
    const el = await fixture<MachinesCard>(html`<machines-card></machines-card>`);
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector("[part=error]")!.textContent).to.contain("api-base attribute is missing");
  });

  it("says the Worker is unreachable, naming the URL and how to fix it", async () => {
    const el = document.createElement("machines-card");
    el.setAttribute("api-base", "http://127.0.0.1:9");
    const error = oneEvent(el, "mc-error");
    document.body.append(el);
    const { detail } = await error;
    expect(detail.code).to.equal("worker_unreachable");
    expect(detail.fatal).to.equal(true);
    expect(detail.message).to.contain("http://127.0.0.1:9");
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector("[part=error]")!.textContent).to.contain("ALLOWED_ORIGINS");
    el.remove();
  });
});
