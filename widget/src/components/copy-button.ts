import { LitElement, css, html } from "lit";
import { base } from "../styles/base";
import { controls } from "../styles/controls";

/**
 * A button that copies a value to the clipboard and says so ("Copied") for two seconds.
 * `value` is a property only, never an attribute, so a card number given to it stays out of the DOM.
 * Steps pass `label` and `copiedLabel` in the page's language.
 *
 * @example
 * html`<mc-copy-button .value=${address} label=${t("copyAddress")} copied-label=${t("copied")}></mc-copy-button>`
 */
export class CopyButton extends LitElement {
  static override styles = [
    base,
    controls,
    css`
      :host {
        display: inline-block;
      }
    `,
  ];
  static override properties = {
    value: { attribute: false },
    label: { type: String },
    copiedLabel: { type: String, attribute: "copied-label" },
    copied: { state: true },
  };
  declare value: string;
  declare label: string;
  declare copiedLabel: string;
  declare copied: boolean;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.value = "";
    this.label = "Copy";
    this.copiedLabel = "Copied";
    this.copied = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.value);
    } catch {
      return; // Clipboard refused (permissions, insecure page): the value stays visible to select by hand.
    }
    this.copied = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.copied = false), 2000);
  }

  override render() {
    return html`<button type="button" class="button secondary" part="button" @click=${this.copy}>
        ${this.copied ? this.copiedLabel : this.label}
      </button>
      <span class="visually-hidden" role="status">${this.copied ? this.copiedLabel : ""}</span>`;
  }
}
