import { html } from "lit";
import { defineMessages } from "../../i18n/translator";
import { StepElement } from "../step-element";

// Placeholder until the step is built: shows its heading and lets the journey go on.
const messages = defineMessages({
  en: { title: "Agreements", soon: "This step is on its way.", continue: "Continue" },
  es: { title: "Agreements", soon: "Este paso está en camino.", continue: "Continuar" },
});

export class AgreementsStep extends StepElement<typeof messages.en> {
  readonly step = "agreements" as const;
  protected readonly messages = messages;

  override render() {
    return html`<div class="stack">
      ${this.heading(this.context.i18n.core("step.agreements"))}
      <p class="muted">${this.t("soon")}</p>
      <div class="actions"><button type="button" class="button" part="button" @click=${() => this.next()}>${this.t("continue")}</button></div>
    </div>`;
  }
}
