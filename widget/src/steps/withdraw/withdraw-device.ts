import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from "lit";
import type { Translate } from "../../i18n/translator";
import type { DeviceSignerControl } from "../../wallet/wallet-adapter";
import type { WithdrawMessages } from "./withdraw.messages";

/**
 * In the `device` signer mode, the device signer this browser holds, shown on the withdraw form: the
 * user sees that this device approves withdrawals without a code, and can remove it (the next
 * withdrawal then asks for the emailed code again).
 */
export class WithdrawDevice implements ReactiveController {
  private device: { id: string; name: string } | null = null;
  private control: DeviceSignerControl | null = null;
  private busy = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ui: { t: Translate<WithdrawMessages>; announce(text: string): void; control(): Promise<DeviceSignerControl | null> },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // After the first render: the step's context (config, wallet) is in place by then.
    void this.host.updateComplete.then(() => this.refresh());
  }

  /** Looks again (after a withdrawal may have registered this device). */
  async refresh(): Promise<void> {
    try {
      this.control = await this.ui.control();
      this.device = (await this.control?.current()) ?? null;
    } catch {
      this.device = null;
    }
    this.host.requestUpdate();
  }

  private async remove(): Promise<void> {
    if (!this.control || this.busy) return;
    this.busy = true;
    this.host.requestUpdate();
    try {
      await this.control.remove();
      this.device = null;
      this.ui.announce(this.ui.t("device.removed"));
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  render(): TemplateResult | typeof nothing {
    const t = this.ui.t;
    if (!this.device) return nothing;
    return html`<div class="notice info" part="device-signer" data-device-signer>
      <span>${t("device.active", { name: this.device.name })}</span>
      <div class="actions">
        <button type="button" class="button quiet" part="button" aria-busy=${this.busy ? "true" : "false"} ?disabled=${this.busy} @click=${() => void this.remove()}>
          ${t("device.remove")}
        </button>
      </div>
    </div>`;
  }
}
