import { expect, fixture, html } from "@open-wc/testing";
import { MachinesCard } from "./machines-card";
customElements.define("machines-card", MachinesCard);
it("renders", async () => {
  const el = await fixture<MachinesCard>(html`<machines-card api-base="http://x"></machines-card>`);
  expect(el.shadowRoot!.textContent).to.contain("http://x");
  await expect(el).to.be.accessible();
});
