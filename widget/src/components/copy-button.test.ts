import { expect, fixture, html, waitUntil } from "@open-wc/testing";
import { sendKeys } from "@web/test-runner-commands";
import { defineOnce } from "../define-once";
import { CopyButton } from "./copy-button";

defineOnce("mc-copy-button", CopyButton);

describe("<mc-copy-button>", () => {
  it("copies its value, says so for a moment, and keeps the value out of the DOM", async () => {
    const el = await fixture<CopyButton>(html`<mc-copy-button .value=${"0xabc123"} label="Copy address" copied-label="Copied"></mc-copy-button>`);
    await expect(el).to.be.accessible();
    const button = el.shadowRoot!.querySelector("button")!;
    expect(button.textContent!.trim()).to.equal("Copy address");
    expect(el.outerHTML).not.to.contain("0xabc123");

    button.focus();
    await sendKeys({ press: "Enter" });
    await waitUntil(() => button.textContent!.includes("Copied"), "the button should confirm the copy", { timeout: 5000 });
    expect(await navigator.clipboard.readText()).to.equal("0xabc123");
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal("Copied");
  });
});
