import { expect } from "@open-wc/testing";
import * as pkg from "./index";

describe("the package entry (index.ts)", () => {
  it("exports the element and every event class without defining anything", () => {
    expect(customElements.get("machines-card")).to.equal(undefined);
    expect(pkg.MachinesCard.prototype).to.be.instanceOf(HTMLElement);
    const events = Object.entries(pkg).filter(([name]) => name.endsWith("Event"));
    expect(events.map(([, E]) => (E as unknown as { eventName: string }).eventName).sort()).to.deep.equal([
      "mc-agreements-accepted",
      "mc-before-step-change",
      "mc-card-created",
      "mc-card-hidden",
      "mc-card-revealed",
      "mc-deposit-completed",
      "mc-deposit-created",
      "mc-error",
      "mc-kyc-status",
      "mc-ready",
      "mc-signed-in",
      "mc-signed-out",
      "mc-step-change",
      "mc-withdrawal-confirmed",
      "mc-withdrawal-submitted",
    ]);
  });

  it("defines the element once, when define.ts is imported (twice is harmless)", async () => {
    await import("./define");
    await import(`./define.ts?second=${Date.now()}`);
    expect(customElements.get("machines-card")).to.equal(pkg.MachinesCard);
  });
});
