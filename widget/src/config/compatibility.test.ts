import { expect, fixture, html, waitUntil } from "@open-wc/testing";
import "../define";
import type { MachinesCardErrorEvent } from "../events/error";
import type { MachinesCard } from "../machines-card";
import { pageWithFakeWorker } from "#test/fake-worker";
import { testServices } from "#test/services";
import { majorOf, versionProblem, WIDGET_VERSION } from "./compatibility";
import widgetPackage from "../../package.json";

describe("the Worker's version against the widget's", () => {
  it("is the widget package's own version", () => {
    expect(WIDGET_VERSION).to.equal(widgetPackage.version);
  });

  it("reads the major of semver versions, and nothing from anything else", () => {
    expect(majorOf("2.1.0")).to.equal(2);
    expect(majorOf("v10.0.3-rc.1+build.5")).to.equal(10);
    expect(majorOf("0.1.0")).to.equal(0);
    for (const v of [undefined, null, "", "2", "2.1", "latest", "dev-2.0.0", 2]) expect(majorOf(v), String(v)).to.equal(null);
  });

  it("warns only when both majors are known and differ", () => {
    expect(versionProblem("2.0.0", "https://w", "1.4.2")).to.deep.include({ key: "version_mismatch", attribute: "api-base", fatal: false });
    expect(versionProblem("1.9.0", "https://w", "1.0.0")).to.equal(null);
    expect(versionProblem(undefined, "https://w", "1.0.0")).to.equal(null);
    expect(versionProblem("nightly", "https://w", "1.0.0")).to.equal(null);
  });
});

describe("<machines-card> with a Worker of another major version", () => {
  let restore = () => {};
  afterEach(() => restore());

  /** The page's fetch, with the Worker's `/v1/config` answered by a stand-in reporting `version`. */
  async function workerReporting(version: string | undefined): Promise<string> {
    restore();
    const { identityUrl } = await testServices();
    const page = pageWithFakeWorker(identityUrl, { version });
    restore = page.restore;
    return page.apiBase;
  }

  async function mount(apiBase: string) {
    const el = document.createElement("machines-card") as MachinesCard;
    const errors: MachinesCardErrorEvent[] = [];
    let ready = false;
    el.addEventListener("mc-error", (e) => errors.push(e));
    el.addEventListener("mc-ready", () => (ready = true));
    el.setAttribute("api-base", apiBase);
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await waitUntil(() => ready, "the element should still start", { timeout: 10_000 });
    await el.updateComplete;
    return { el, errors };
  }

  it("shows a setup warning and fires a non-fatal mc-error version_mismatch, and still works", async () => {
    const other = `${(majorOf(WIDGET_VERSION) ?? 0) + 1}.0.0`;
    const { el, errors } = await mount(await workerReporting(other));
    const mismatch = errors.filter((e) => e.detail.code === "version_mismatch");
    expect(mismatch).to.have.length(1);
    expect(mismatch[0]!.detail).to.deep.include({ field: "api-base", fatal: false });
    expect(mismatch[0]!.detail.message).to.contain(`version ${other}`).and.contain(`version ${WIDGET_VERSION}`);
    const warnings = el.shadowRoot!.querySelector('[part="warnings"]');
    expect(warnings?.textContent).to.contain(`is version ${other} but this widget is version ${WIDGET_VERSION}`);
    // A warning, not a blocker: the journey is there, at sign-in.
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    expect(el.currentStep).to.equal("sign-in");
    await expect(el).to.be.accessible();
  });

  it("says nothing for the same major, or an older Worker that reports no version", async () => {
    for (const version of [`${majorOf(WIDGET_VERSION)}.99.0`, undefined, "not-semver"]) {
      const { el, errors } = await mount(await workerReporting(version));
      expect(errors.map((e) => e.detail.code), String(version)).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('[part="warnings"]'), String(version)).to.equal(null);
      el.remove();
    }
  });
});
