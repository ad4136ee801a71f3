import { LitElement, html, nothing, type PropertyValues } from "lit";
import type { StepName } from "../../shared/steps";
import { notice } from "./components/notice";
import { skeleton } from "./components/loading";
import { problemCode, problemMessage, type ConfigProblem } from "./config/config-problem";
import type { Connection } from "./config/connect";
import { readSettings, type Settings } from "./config/settings";
import { MachinesCardErrorEvent } from "./events/error";
import { ReadyEvent } from "./events/ready";
import { SignedInEvent } from "./events/signed-in";
import { SignedOutEvent } from "./events/signed-out";
import type { StepChangeReason } from "./events/before-step-change";
import type { StepChangeDetail } from "./events/step-change";
import { AnnounceEvent } from "./flow/announce-event";
import { FlowController } from "./flow/flow-controller";
import { canEnter, prerequisiteOf, resumeStep, stepAfter, type Prerequisite } from "./flow/guards";
import { SIGNED_OUT, stateFromBootstrap, type JourneyState } from "./flow/journey-state";
import { JourneyUpdateEvent } from "./flow/journey-update-event";
import { blocked, warnings } from "./frame/problems";
import { progress } from "./frame/progress";
import { coreMessages, type CoreMessages } from "./i18n/core-messages";
import { createI18n, type I18n } from "./i18n/translator";
import { machinesCardStyles } from "./machines-card.styles";
import type { StepContext } from "./steps/step-context";
import type { StepElement } from "./steps/step-element";
import { brandPalette, brandStyleText } from "./styles/brand-palette";
import type { Eip1193Provider } from "./wallet/eip1193-wallet";

type Phase = "connecting" | "blocked" | "running";

/** The properties behind attributes: a change to any of them re-reads the settings. */
const ATTRIBUTE_PROPERTIES = [
  "apiBase",
  "environment",
  "steps",
  "theme",
  "brandColor",
  "locale",
  "cardLabel",
  "cardLimit",
  "cardLimitFrequency",
  "depositAsset",
  "depositNetwork",
] as const;

/**
 * A card account on any page: sign-in, identity verification, agreements, deposits, cards and
 * withdrawals, through the partner's machines-card Worker. One script tag, one element.
 *
 * @summary The Machines card journey as one element.
 * @tag machines-card
 *
 * @attr {string} api-base - Required. The URL of your machines-card Worker, e.g. `https://card.example.workers.dev`.
 * @attr {"sandbox" | "production"} environment - The environment this page expects. When set, the element refuses a Worker running in the other one. Unset: follow the Worker. Sandbox shows a visible badge.
 * @attr {string} steps - Which steps to show and in what order, separated by spaces or commas: `sign-in kyc agreements deposit card withdraw activity` (default: all). Sign-in always comes first.
 * @attr {"light" | "dark" | "auto"} theme - Colour scheme; `auto` follows the visitor's system setting. Default `light`.
 * @attr {string} brand-color - Your brand colour as hex (`#4f46e5`). Button text and brand-coloured text are derived from it with readable contrast.
 * @attr {string} locale - Language and formats, as a BCP 47 tag (`en`, `es`, `es-MX`). Default: the page's `lang`, then the browser's. Translated: English, Spanish.
 * @attr {string} card-label - The label a new card starts with (1–50 characters).
 * @attr {string} card-limit - The spending limit a new card starts with, in US dollars (`500`).
 * @attr {string} card-limit-frequency - The period of `card-limit`: `perAuthorization`, `per24HourPeriod`, `per7DayPeriod`, `per30DayPeriod` (default), `perYearPeriod`, `allTime`.
 * @attr {string} deposit-asset - The currency preselected for deposits and withdrawals, e.g. `usdc`.
 * @attr {string} deposit-network - The network preselected, e.g. `base`.
 *
 * @fires {ReadyEvent} mc-ready - The element reached the Worker and shows its first step. `detail: { environment, step, signedIn }`.
 * @fires {BeforeStepChangeEvent} mc-before-step-change - Before moving to another step; cancelable. `detail: { from, to, reason }`.
 * @fires {StepChangeEvent} mc-step-change - After moving to another step. `detail: { from, to, reason, index, total }`.
 * @fires {SignedInEvent} mc-signed-in - The user signed in, or an earlier session was restored. `detail: { userId, email, restored }`.
 * @fires {SignedOutEvent} mc-signed-out - The user signed out or the session ended. `detail: { reason }`.
 * @fires {KycStatusEvent} mc-kyc-status - The identity verification status is known or changed. `detail: { status, reason }`.
 * @fires {AgreementsAcceptedEvent} mc-agreements-accepted - The user accepted the agreements. `detail: { agreementIds, acceptedAt }`.
 * @fires {DepositCreatedEvent} mc-deposit-created - A deposit address was created. `detail: { depositId, currency, network, depositAddress, memo }`.
 * @fires {DepositCompletedEvent} mc-deposit-completed - A deposit arrived and was credited. `detail: { depositId, creditLimitCents }`.
 * @fires {CardCreatedEvent} mc-card-created - A card was created. `detail: { cardId, last4, label }` (never the number or CVC).
 * @fires {WithdrawalSubmittedEvent} mc-withdrawal-submitted - The wallet sent the withdrawal transaction. `detail: { withdrawalId, txHash, amountCents }`.
 * @fires {WithdrawalConfirmedEvent} mc-withdrawal-confirmed - The withdrawal is confirmed on chain. `detail: { withdrawalId, txHash, amountCents }`.
 * @fires {MachinesCardErrorEvent} mc-error - A configuration mistake or a failed request. `detail: { code, message, field?, step?, requestId?, fatal }`.
 *
 * @csspart base - The card surface around everything.
 * @csspart header - The top row: progress, sandbox badge, signed-in user, sign-out.
 * @csspart progress - The list of steps.
 * @csspart progress-step - One step in the progress list.
 * @csspart badge - The "Sandbox" badge.
 * @csspart sign-out - The sign-out button.
 * @csspart body - The area the current step shows in.
 * @csspart heading - Each step's heading.
 * @csspart button - Every button inside the steps.
 * @csspart field - A label, its input and messages.
 * @csspart label - A field's label.
 * @csspart field-error - A field's error message.
 * @csspart notice - Status and error messages.
 * @csspart error - The panel shown instead of the journey when the configuration is wrong.
 * @csspart warnings - Setup warnings for the page's developers.
 *
 * @cssprop --mc-color-brand - Buttons, progress and accents. Prefer the `brand-color` attribute, which also derives readable companions.
 * @cssprop --mc-color-on-brand - Text on brand-coloured buttons.
 * @cssprop --mc-color-brand-text - Links and brand-coloured text on the background; focus rings.
 * @cssprop --mc-color-background - The card's background.
 * @cssprop --mc-color-surface - Panels and notices.
 * @cssprop --mc-color-text - Body text.
 * @cssprop --mc-color-text-muted - Secondary text.
 * @cssprop --mc-color-border - Separators and the card's border.
 * @cssprop --mc-color-border-strong - Input and secondary button borders.
 * @cssprop --mc-color-danger - Errors.
 * @cssprop --mc-color-success - Success states.
 * @cssprop --mc-color-warning - Warnings and the sandbox badge.
 * @cssprop --mc-color-focus - The keyboard focus ring.
 * @cssprop --mc-font-family - The typeface.
 * @cssprop --mc-font-size - The base font size.
 * @cssprop --mc-radius - Corner radius of buttons, inputs and panels.
 * @cssprop --mc-spacing - The base spacing unit.
 * @cssprop --mc-shadow - The card's shadow.
 */
export class MachinesCard extends LitElement {
  static override styles = machinesCardStyles;
  static override properties = {
    apiBase: { type: String, attribute: "api-base", reflect: true },
    environment: { type: String, reflect: true },
    steps: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    brandColor: { type: String, attribute: "brand-color", reflect: true },
    locale: { type: String, reflect: true },
    cardLabel: { type: String, attribute: "card-label", reflect: true },
    cardLimit: { type: String, attribute: "card-limit", reflect: true },
    cardLimitFrequency: { type: String, attribute: "card-limit-frequency", reflect: true },
    depositAsset: { type: String, attribute: "deposit-asset", reflect: true },
    depositNetwork: { type: String, attribute: "deposit-network", reflect: true },
    provider: { attribute: false },
    phase: { state: true },
    journey: { state: true },
    live: { state: true },
    sessionNotice: { state: true },
    startError: { state: true },
    locked: { state: true },
  };

  /** The URL of your machines-card Worker. */
  declare apiBase: string | null;
  /** `sandbox` or `production`: the environment this page expects (unset: follow the Worker). */
  declare environment: string | null;
  /** The steps to show, in order, separated by spaces or commas. */
  declare steps: string | null;
  /** `light` (default), `dark` or `auto`. */
  declare theme: string | null;
  /** The brand colour, as hex. */
  declare brandColor: string | null;
  /** A BCP 47 locale (`en`, `es`, `es-MX`). */
  declare locale: string | null;
  /** The label a new card starts with. */
  declare cardLabel: string | null;
  /** The spending limit a new card starts with, in US dollars. */
  declare cardLimit: string | null;
  /** The period of `card-limit`. */
  declare cardLimitFrequency: string | null;
  /** The currency preselected for deposits and withdrawals. */
  declare depositAsset: string | null;
  /** The network preselected for deposits and withdrawals. */
  declare depositNetwork: string | null;
  /**
   * An EIP-1193 provider (for example `window.ethereum`) to sign withdrawals with, instead of the
   * Worker's configured wallet. Property only.
   */
  declare provider: Eip1193Provider | undefined;

  declare private phase: Phase;
  /** @internal The journey state the guards read (the flow controller reads it). */
  declare journey: JourneyState;
  declare private live: string;
  declare private sessionNotice: boolean;
  declare private startError: unknown;
  /** A step that must come first but which the page's `steps` leave out: the user cannot go on here. */
  declare private locked: Prerequisite | null;

  private readonly flow = new FlowController(this);
  private settings!: Settings;
  private problems: ConfigProblem[] = [];
  private reported = new Set<string>();
  private connection: Connection | null = null;
  private connecting: AbortController | null = null;
  private coreCatalog: CoreMessages | Record<keyof CoreMessages, string> = coreMessages;
  /** The language `coreCatalog` is in: English until another language's strings have loaded. */
  private coreLanguage: Settings["language"] = "en";
  private i18n!: I18n;
  private i18nCatalog: unknown;
  /** A problem only the Worker could reveal (unreachable, origin, environment); cleared on retry. */
  private workerProblem: ConfigProblem | null = null;
  private context: StepContext | null = null;
  private brandSheet: CSSStyleSheet | null = null;

  constructor() {
    super();
    this.phase = "connecting";
    this.journey = SIGNED_OUT;
    this.live = "";
    this.sessionNotice = false;
    this.startError = null;
    this.locked = null;
  }

  /** The step shown now, or null while starting. */
  get currentStep(): StepName | null {
    return this.flow.current;
  }

  /** The configured steps, in order, as the element understood the `steps` attribute. */
  get configuredSteps(): readonly StepName[] {
    return this.settings.steps;
  }

  /** Moves to a step, if the user may enter it (its prerequisites met) and no listener cancels. */
  goTo(step: StepName): Promise<boolean> {
    return this.flow.go(step, "user");
  }

  /** Signs the user out and returns to sign-in. */
  async signOut(): Promise<void> {
    await this.connection?.auth.signOut().catch(() => undefined);
    await this.endSession("user");
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.settings || ATTRIBUTE_PROPERTIES.some((k) => changed.has(k))) this.applyAttributes(changed);
    // Until a language's strings have loaded, everything (steps included) shows in English, marked as such.
    const { locale } = this.settings;
    const language = this.coreLanguage;
    if (!this.i18n || this.i18n.locale !== locale || this.i18n.language !== language || this.i18nCatalog !== this.coreCatalog) {
      this.i18n = createI18n(locale, language, this.coreCatalog);
      this.i18nCatalog = this.coreCatalog;
    }
    if (this.connection && this.flow.element) this.flow.element.context = this.stepContext();
  }

  private applyAttributes(changed: PropertyValues<this>): void {
    const before = this.settings;
    const { settings, problems } = readSettings(
      {
        apiBase: this.apiBase ?? null,
        environment: this.environment ?? null,
        steps: this.steps ?? null,
        theme: this.theme ?? null,
        brandColor: this.brandColor ?? null,
        locale: this.locale ?? null,
        cardLabel: this.cardLabel ?? null,
        cardLimit: this.cardLimit ?? null,
        cardLimitFrequency: this.cardLimitFrequency ?? null,
        depositAsset: this.depositAsset ?? null,
        depositNetwork: this.depositNetwork ?? null,
      },
      { protocol: location.protocol, fallbackLocale: this.closest("[lang]")?.getAttribute("lang") || navigator.language },
    );
    this.settings = settings;
    this.problems = problems;
    for (const p of problems) this.reportProblem(p);
    if (!before || before.brandColor !== settings.brandColor) this.applyBrand(settings.brandColor);
    if (!before || before.language !== settings.language) void this.loadLanguage(settings.language);
    if (!before || before.apiBase !== settings.apiBase || before.environment !== settings.environment) {
      if (this.isConnected) void this.start();
    } else if (changed.has("steps") && this.phase === "running") {
      const current = this.flow.current;
      if (!current || !settings.steps.includes(current) || !canEnter(current, this.journey)) void this.resume("config");
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved within the page (a framework re-parenting it): keep going. First connection: start.
    if (this.settings && !this.connection && !this.connecting) void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.connecting?.abort();
    this.connecting = null;
  }

  protected override firstUpdated(): void {
    if (!this.connection && !this.connecting) void this.start();
  }

  /** Connects to the Worker, restores a session, and opens at the right step. */
  private async start(): Promise<void> {
    this.connecting?.abort();
    const abort = new AbortController();
    this.connecting = abort;
    this.connection = null;
    this.context = null;
    this.journey = SIGNED_OUT;
    this.startError = null;
    this.locked = null;
    this.workerProblem = null;
    this.flow.reset();
    const fatal = this.problems.find((p) => p.fatal);
    const apiBase = this.settings.apiBase;
    if (fatal || !apiBase) {
      this.phase = "blocked";
      this.connecting = null;
      return;
    }
    this.phase = "connecting";
    try {
      const { connect } = await import("./config/connect");
      const result = await connect(
        { ...this.settings, apiBase },
        { provider: () => this.provider, onSessionEnded: () => void this.endSession("expired"), signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      if (!result.ok) {
        this.workerProblem = result.problem;
        this.reportProblem(result.problem, true);
        this.phase = "blocked";
        return;
      }
      this.connection = result.connection;
      const user = await result.connection.restore();
      if (abort.signal.aborted) return;
      if (user) await this.loadJourney(user, true);
      if (abort.signal.aborted) return;
      this.phase = "running";
      await this.resume(user ? "resume" : "start");
      if (abort.signal.aborted) return;
      const step = this.flow.current ?? this.settings.steps[0]!;
      this.dispatchEvent(new ReadyEvent({ environment: result.connection.config.environment, step, signedIn: !!user }));
    } catch (error) {
      if (abort.signal.aborted) return;
      this.startError = error;
      this.phase = "running";
      this.dispatchEvent(new MachinesCardErrorEvent({ code: codeOf(error), message: String((error as Error).message ?? error), fatal: false }));
    } finally {
      if (this.connecting === abort) this.connecting = null;
    }
  }

  /** After sign-in or restore: who the user is and where they are, from the Worker's bootstrap route. */
  private async loadJourney(user: { id: string; email: string | null }, restored: boolean): Promise<void> {
    const me = await this.connection!.bootstrap();
    this.journey = stateFromBootstrap(me, user);
    this.sessionNotice = false;
    this.dispatchEvent(new SignedInEvent({ userId: user.id, email: user.email, restored }));
  }

  private async onJourneyUpdate(e: JourneyUpdateEvent): Promise<void> {
    e.stopPropagation();
    const { patch, go } = e.update;
    if (patch?.user && !this.journey.user) {
      // A new sign-in: load who the user is and where they are, then resume there.
      try {
        await this.loadJourney(patch.user, false);
      } catch (error) {
        this.startError = error;
        return;
      }
      await this.resume("next");
      return;
    }
    if (patch && "user" in patch && !patch.user) {
      await this.endSession("user");
      return;
    }
    if (patch) this.journey = { ...this.journey, ...patch };
    if (go) {
      const current = this.flow.current;
      if (go === "resume") await this.resume("next");
      else {
        const to = go === "next" ? (current ? stepAfter(this.settings.steps, current) : null) : go;
        if (to) await this.flow.go(to, "next");
      }
    }
  }

  /**
   * Goes where the user should be now (`resumeStep`). When what must come first is a step the page
   * does not offer, the user cannot go on here: say so instead of showing a step they may not use.
   */
  private async resume(reason: StepChangeReason): Promise<boolean> {
    const target = resumeStep(this.settings.steps, this.journey);
    const missing = prerequisiteOf(target, this.journey);
    if (missing && !this.settings.steps.includes(missing)) {
      this.locked = missing;
      this.flow.reset();
      return false;
    }
    this.locked = null;
    return this.flow.go(missing ?? target, reason);
  }

  private async endSession(reason: "user" | "expired"): Promise<void> {
    if (!this.journey.user) return;
    this.journey = SIGNED_OUT;
    this.sessionNotice = reason === "expired";
    this.locked = null;
    this.dispatchEvent(new SignedOutEvent({ reason }));
    await this.flow.go("sign-in", "signed-out");
  }

  /** @internal Called by the flow with a new step element, before it renders. */
  prepareStep(element: StepElement): void {
    element.setAttribute("exportparts", "heading, button, field, label, field-error, notice");
    element.context = this.stepContext();
  }

  /** @internal Called by the flow after a step change. */
  stepShown(detail: StepChangeDetail, focus: boolean): void {
    this.announce(this.i18n.core("announce.step", { index: detail.index + 1, total: detail.total, name: this.i18n.core(`step.${detail.to}`) }));
    if (focus) this.flow.element?.focusHeading();
  }

  private stepContext(): StepContext {
    const c = this.connection!;
    const prev = this.context;
    const defaults = this.settings.defaults;
    if (prev && prev.api === c.client && prev.state === this.journey && prev.i18n.locale === this.i18n.locale && prev.i18n.core === this.i18n.core
      && prev.defaults === defaults && prev.steps === this.settings.steps) {
      return prev;
    }
    this.context = { api: c.client, state: this.journey, config: c.config, defaults, i18n: this.i18n, steps: this.settings.steps, auth: c.auth, wallet: () => c.wallet() };
    return this.context;
  }

  private announce(message: string): void {
    // Clearing first makes screen readers read a repeated sentence again.
    this.live = "";
    requestAnimationFrame(() => (this.live = message));
  }

  /** Logs and fires a problem; an attribute problem only once per value (settings are re-read on every change). */
  private reportProblem(p: ConfigProblem, everyTime = false): void {
    const key = `${p.key}|${p.attribute}|${JSON.stringify(p.vars)}`;
    if (!everyTime && this.reported.has(key)) return;
    this.reported.add(key);
    const message = problemMessage(p);
    if (p.fatal) console.error(`<machines-card>: ${message}`);
    else console.warn(`<machines-card>: ${message}`);
    this.dispatchEvent(new MachinesCardErrorEvent({ code: problemCode(p), message, field: p.attribute, fatal: p.fatal }));
  }

  private applyBrand(color: string | null): void {
    const root = this.renderRoot as ShadowRoot | undefined;
    if (!this.brandSheet) this.brandSheet = new CSSStyleSheet();
    this.brandSheet.replaceSync(color ? brandStyleText(brandPalette(color)) : "");
    // The sheet is adopted once the shadow root exists (createRenderRoot); until then it only holds the rules.
    if (root && !root.adoptedStyleSheets.includes(this.brandSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.brandSheet];
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot() as ShadowRoot;
    if (this.brandSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.brandSheet];
    // Steps' internal events stay inside the shadow root (not composed): listen there.
    root.addEventListener(JourneyUpdateEvent.eventName, (e) => void this.onJourneyUpdate(e as JourneyUpdateEvent));
    root.addEventListener(AnnounceEvent.eventName, (e) => this.announce((e as AnnounceEvent).message));
    return root;
  }

  private async loadLanguage(language: Settings["language"]): Promise<void> {
    let catalog: typeof this.coreCatalog = coreMessages;
    if (language === "es") catalog = (await import("./i18n/core-messages.es")).coreMessagesEs;
    if (this.settings.language !== language) return;
    this.coreCatalog = catalog;
    this.coreLanguage = language;
    this.requestUpdate();
  }

  protected override render() {
    const i18n = this.i18n;
    const signedIn = this.journey.user;
    const sandbox = (this.connection?.config.environment ?? this.settings.environment) === "sandbox";
    const fatal = this.workerProblem ?? this.problems.find((p) => p.fatal);
    return html`<section part="base" class="frame" aria-label=${i18n.core("widget.label")} lang=${i18n.language}>
      <header part="header">
        ${this.phase === "running" && this.settings.steps.length > 1
          ? progress({ steps: this.settings.steps, current: this.flow.current, state: this.journey, i18n, onSelect: (s) => void this.goTo(s) })
          : nothing}
        ${sandbox || signedIn
          ? html`<div class="meta">
              ${signedIn?.email ? html`<span class="who">${i18n.core("signedInAs", { email: signedIn.email })}</span>` : nothing}
              <span class="end">
                ${sandbox ? html`<span part="badge" class="badge warning" title=${i18n.core("badge.sandboxHint")}>${i18n.core("badge.sandbox")}</span>` : nothing}
                ${signedIn ? html`<button type="button" part="sign-out" class="button quiet" @click=${() => void this.signOut()}>${i18n.core("signOut")}</button>` : nothing}
              </span>
            </div>`
          : nothing}
      </header>
      ${warnings(i18n, this.problems.filter((p) => !p.fatal))}
      <div part="body" class="body">${this.renderBody(fatal)}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.live}</div>
    </section>`;
  }

  private renderBody(fatal: ConfigProblem | undefined) {
    const i18n = this.i18n;
    if (this.phase === "blocked" && fatal) return blocked(i18n, fatal, () => void this.start());
    const retry = (run: () => void) =>
      html`<button type="button" class="button secondary" part="button" @click=${run}>${i18n.core("retry")}</button>`;
    if (this.startError) {
      return notice("error", i18n.error(this.startError), {
        actions: retry(() => void this.start()),
        detail: requestIdOf(this.startError) ? i18n.core("reference", { requestId: requestIdOf(this.startError)! }) : undefined,
      });
    }
    if (this.flow.failed) return notice("error", i18n.core("stepLoadFailed"), { actions: retry(() => void this.flow.retry()) });
    if (this.locked) return notice("warning", i18n.core("locked.missingStep", { name: i18n.core(`step.${this.locked}`) }));
    const loading = this.phase === "connecting" || (this.flow.pending && !this.flow.element);
    return html`${this.sessionNotice ? notice("info", i18n.core("sessionExpired")) : nothing}
      ${loading ? skeleton(this.flow.pending ? i18n.core("loadingStep", { name: i18n.core(`step.${this.flow.pending}`) }) : i18n.core("loading")) : nothing}
      ${this.flow.element ?? nothing}`;
  }
}


function codeOf(error: unknown): string {
  return typeof error === "object" && error && "code" in error ? String(error.code) : "internal_error";
}

function requestIdOf(error: unknown): string | undefined {
  return typeof error === "object" && error && "requestId" in error && typeof error.requestId === "string" ? error.requestId : undefined;
}
