import { LitElement, html } from "lit";
export class MachinesCard extends LitElement {
  static override properties = { apiBase: { type: String, attribute: "api-base", reflect: true } };
  declare apiBase: string;
  override render() { return html`<p part="base">machines card ${this.apiBase}</p>`; }
}
