import { LitElement, type PropertyValues } from "lit";
import type { StepName } from "@machines-card/contract/steps";
import { problemCode, type ConfigProblem } from "./config/config-problem";
import { readSettings, type AttributeValues, type Settings } from "./config/settings";
import { MachinesCardErrorEvent } from "./events/error";
import type { StepChangeDetail } from "./events/step-change";
import { AnnounceEvent } from "./flow/announce-event";
import { FlowController } from "./flow/flow-controller";
import { canEnter } from "./flow/guards";
import type { JourneyState } from "./flow/journey-state";
import { JourneyUpdateEvent } from "./flow/journey-update-event";
import { SessionController } from "./flow/session-controller";
import { frame } from "./frame/frame";
import { CoreStrings } from "./i18n/core-strings";
import { loadCatalog, type I18n, type Message } from "./i18n/translator";
import type { ProblemViews } from "./frame/frame";
import type { ProblemText } from "./frame/problems";
import { machinesCardStyles } from "./machines-card.styles";
import type { StepContext } from "./steps/step-context";
import type { StepElement } from "./steps/step-element";
import { BrandSheet } from "./styles/brand-sheet";
import type { Eip1193Provider } from "./wallet/eip1193-provider";

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
] as const satisfies readonly (keyof AttributeValues)[];

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
 * @attr {string} locale - Language and formats, as a BCP 47 tag (`en`, `es`, `es-MX`, `pt-BR`, `fr`, `de`). Default: the page's `lang`, then the browser's. Translated: English, Spanish, Portuguese (Brazil), French, German; a region falls back to its language (`pt-PT` → `pt-BR`, `de-AT` → `de`), anything else to English.
 * @attr {string} card-label - The label a new card starts with (1–50 characters).
 * @attr {string} card-limit - The spending limit a new card starts with, in US dollars (`500`).
 * @attr {string} card-limit-frequency - The period of `card-limit`: `perAuthorization`, `per24HourPeriod`, `per7DayPeriod`, `per30DayPeriod` (default), `perYearPeriod`, `allTime`.
 * @attr {string} deposit-asset - The currency preselected for deposits and withdrawals, e.g. `usdc`.
 * @attr {string} deposit-network - The network preselected, e.g. `base`.
 * @attr {string} messages - The URL of a JSON file of your own texts (`{ "sign-in.title": "Log in" }`), over the built-in ones; fetched without credentials (CORS and your CSP's `connect-src` must allow it). See also the `messages` property.
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
 * @fires {CardRevealedEvent} mc-card-revealed - A card's details are shown, in the Worker's reveal frame. `detail: { cardId, last4 }` (never the number, CVC or expiry).
 * @fires {CardHiddenEvent} mc-card-hidden - Shown card details were hidden again. `detail: { cardId, reason }` (`user`, `timeout`, `hidden`, `replaced`).
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
    // A URL from the attribute (kept as the string), a URL or an object from the property.
    messages: { attribute: "messages" },
    provider: { attribute: false },
    live: { state: true },
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
  /** A BCP 47 locale (`en`, `es`, `es-MX`, `pt-BR`, `fr`, `de`). */
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
   * Your own texts over the built-in ones: an object by `"<module>.<key>"` (`{ "sign-in.title": "Log in" }`),
   * each a string or plural forms (`{ one: "…", other: "…" }`), in the page's language; or the URL of a JSON
   * file of them (what the `messages` attribute sets). Keys left out keep the built-in text (English where
   * the language is not translated).
   */
  declare messages: string | Record<string, Message> | null | undefined;
  /**
   * An EIP-1193 provider (for example `window.ethereum`) to sign withdrawals with, instead of the
   * Worker's configured wallet. Property only.
   */
  declare provider: Eip1193Provider | undefined;

  declare private live: string;

  private readonly flow = new FlowController(this);
  private readonly session = new SessionController(this, {
    settings: () => this.settings,
    provider: () => this.provider,
    flow: this.flow,
    reportProblem: (p) => this.reportProblem(p, true),
    loadErrorStrings: () => this.strings.loadErrors(),
  });
  private settings!: Settings;
  private problems: ConfigProblem[] = [];
  /** Problems with the partner's messages (the attribute's URL or JSON, the property's entries). */
  private messageProblems: ConfigProblem[] = [];
  private overridesWanted = 0;
  private readonly reported = new Set<string>();
  private readonly strings = new CoreStrings();
  private readonly brand = new BrandSheet();
  private i18n!: I18n;
  private context: StepContext | null = null;
  /** Sentences for configuration problems, loaded with the first problem (never on a page set up right). */
  private problemStrings: Promise<typeof import("./config/problem-messages")> | null = null;
  private problemViews: ProblemViews | null = null;
  /** Work that `updateComplete` waits for besides rendering: brand colour, problem strings, events. */
  private readonly pending = new Set<Promise<unknown>>();

  constructor() {
    super();
    this.live = "";
  }

  /** The step shown now, or null while starting. */
  get currentStep(): StepName | null {
    return this.flow.current;
  }

  /** The configured steps, in order, as the element understood the `steps` attribute. */
  get configuredSteps(): readonly StepName[] {
    return this.settings.steps;
  }

  /** @internal The journey state the guards read. */
  get journey(): JourneyState {
    return this.session.journey;
  }

  /** Moves to a step, if the user may enter it (its prerequisites met) and no listener cancels. */
  goTo(step: StepName): Promise<boolean> {
    return this.flow.go(step, "user");
  }

  /** Signs the user out and returns to sign-in. */
  signOut(): Promise<void> {
    return this.session.signOut();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved within the page (a framework re-parenting it): keep going. Back after a removal: start again.
    if (this.settings && !this.session.started) this.restart();
  }

  protected override firstUpdated(): void {
    if (!this.session.started) this.restart();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot() as ShadowRoot;
    this.brand.adoptInto(root);
    // Steps' internal events stay inside the shadow root (not composed): listen there.
    root.addEventListener(JourneyUpdateEvent.eventName, (e) => {
      e.stopPropagation();
      void this.session.update((e as JourneyUpdateEvent).update);
    });
    root.addEventListener(AnnounceEvent.eventName, (e) => this.announce((e as AnnounceEvent).message));
    return root;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.settings || ATTRIBUTE_PROPERTIES.some((k) => changed.has(k))) this.applyAttributes(changed);
    if (changed.has("messages")) this.track(this.loadOverrides());
    this.i18n = this.strings.i18n(this.settings.locale);
    if (this.session.connection && this.flow.element) this.flow.element.context = this.stepContext();
  }

  /** Re-reads the attributes; a change takes effect at once (reconnect, re-route, re-translate, re-colour). */
  private applyAttributes(changed: PropertyValues<this>): void {
    const before = this.settings;
    // Every attribute property, as read now (null when absent).
    const values = Object.fromEntries(ATTRIBUTE_PROPERTIES.map((k) => [k, this[k] ?? null])) as Record<(typeof ATTRIBUTE_PROPERTIES)[number], string | null>;
    const { settings, problems } = readSettings(
      values,
      { protocol: location.protocol, fallbackLocale: this.closest("[lang]")?.getAttribute("lang") || navigator.language },
    );
    this.settings = settings;
    this.problems = problems;
    for (const p of problems) this.reportProblem(p);
    if (!before || before.brandColor !== settings.brandColor) this.track(this.brand.set(settings.brandColor));
    if (problems.length || before?.language !== settings.language) this.loadProblemStrings();
    if (!before || before.language !== settings.language) void this.strings.load(settings.language, () => this.requestUpdate());
    if (!before) return; // The first connection starts in firstUpdated.
    if (before.apiBase !== settings.apiBase || before.environment !== settings.environment) {
      if (this.isConnected) this.restart();
    } else if (changed.has("steps") && this.session.phase === "running") {
      const current = this.flow.current;
      if (!current || !settings.steps.includes(current) || !canEnter(current, this.journey)) void this.session.resume("config");
    }
  }

  /** Reads the partner's messages (in their own chunk), reports what is wrong with them, and shows them. */
  private async loadOverrides(): Promise<void> {
    const ticket = ++this.overridesWanted;
    const { resolveOverrides } = await import("./i18n/overrides");
    const { messages, problems } = await resolveOverrides(this.messages, document.baseURI);
    if (ticket !== this.overridesWanted) return;
    this.messageProblems = problems;
    for (const p of problems) this.reportProblem(p, true);
    this.strings.setOverrides(messages);
    this.requestUpdate();
  }

  private restart(): void {
    void this.session.start(this.problems.find((p) => p.fatal));
  }

  /** @internal Called by the flow with a new step element, before it renders. */
  prepareStep(element: StepElement): void {
    element.setAttribute("exportparts", "heading, button, field, label, field-error, notice");
    element.context = this.stepContext();
  }

  /** @internal Called by the flow after a step change. */
  stepShown(detail: StepChangeDetail, focus: boolean): void {
    const name = this.i18n.core(`step.${detail.to}`);
    this.announce(this.i18n.core("announce.step", { index: detail.index + 1, total: detail.total, name }));
    if (focus) this.flow.element?.focusHeading();
  }

  /** The context steps get; the same object until something in it changes, so steps re-render only then. */
  private stepContext(): StepContext {
    const c = this.session.connection!;
    const prev = this.context;
    const { defaults, steps } = this.settings;
    const state = this.session.journey;
    if (prev && prev.api === c.client && prev.state === state && prev.i18n === this.i18n && prev.defaults === defaults && prev.steps === steps) {
      return prev;
    }
    this.context = { api: c.client, state, config: c.config, defaults, i18n: this.i18n, steps, auth: c.auth, wallet: () => c.wallet() };
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
    this.track(
      this.loadProblemStrings(true)!.then(({ problemMessage }) => {
        const message = problemMessage(p);
        if (p.fatal) console.error(`<machines-card>: ${message}`);
        else console.warn(`<machines-card>: ${message}`);
        this.dispatchEvent(new MachinesCardErrorEvent({ code: problemCode(p), message, field: p.attribute, fatal: p.fatal }));
      }),
    );
  }

  /**
   * Loads the problems' sentences (once, when there is a problem or `needed`), and their translation
   * for the page's language.
   */
  private loadProblemStrings(needed = false): Promise<typeof import("./config/problem-messages")> | null {
    if (!this.problemStrings && !this.problems.length && !needed) return null;
    this.problemStrings ??= import("./config/problem-messages");
    const language = this.settings.language;
    this.track(
      Promise.all([this.problemStrings, import("./frame/problems")]).then(async ([{ problemMessages }, views]) => {
        await loadCatalog(problemMessages, language).catch(() => undefined);
        const text: ProblemText = (key, values) => this.i18n.t(problemMessages, key, values);
        this.problemViews = {
          blocked: (problem, retry) => views.blocked(this.i18n, text, problem, retry),
          warnings: (problems) => views.warnings(this.i18n, text, problems),
        };
        this.requestUpdate();
      }),
    );
    return this.problemStrings;
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Also waits for the brand colour, the problem strings and the events they fire. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.pending.size) {
      await Promise.allSettled([...this.pending]);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override render() {
    const s = this.session;
    return frame(
      {
        i18n: this.i18n,
        phase: s.phase,
        steps: this.settings.steps,
        current: this.flow.current,
        journey: s.journey,
        sandbox: (s.connection?.config.environment ?? this.settings.environment) === "sandbox",
        warnings: [...this.problems.filter((p) => !p.fatal), ...this.messageProblems, ...s.workerWarnings],
        problemViews: this.problemViews,
        fatal: s.workerProblem ?? this.problems.find((p) => p.fatal),
        fatalFromWorker: s.workerProblem !== null,
        startError: s.startError,
        pending: this.flow.pending,
        failed: this.flow.failed !== null,
        locked: s.locked,
        sessionEnded: s.sessionEnded,
        step: this.flow.element,
        live: this.live,
        progress: s.progressView,
      },
      {
        select: (step) => void this.goTo(step),
        signOut: () => void this.signOut(),
        restart: () => this.restart(),
        retryStep: () => void this.flow.retry(),
      },
    );
  }
}
