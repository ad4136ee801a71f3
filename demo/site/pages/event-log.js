// @ts-check
/**
 * <event-log for="machines-card">: every `mc-*` event the matching element fires, newest first, with
 * its detail. What a partner's developer would wire to analytics; here it shows what the card tells the
 * page (and that no detail ever holds a token or card number).
 *
 * Load this module before the widget's script: listeners go on the document when the module runs, so
 * even an event fired while the element upgrades (a configuration mistake) is caught.
 */

/** Every event the widget documents (widget/README.md, "Events"). */
export const CARD_EVENTS = [
  "mc-ready",
  "mc-before-step-change",
  "mc-step-change",
  "mc-signed-in",
  "mc-signed-out",
  "mc-kyc-status",
  "mc-agreements-accepted",
  "mc-deposit-created",
  "mc-deposit-completed",
  "mc-card-created",
  "mc-card-revealed",
  "mc-card-hidden",
  "mc-withdrawal-submitted",
  "mc-withdrawal-confirmed",
  "mc-error",
];

const KEEP = 200;
const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3 });

/** @typedef {{ type: string, at: Date, detail: unknown, target: EventTarget | null }} LoggedEvent */

/** Events seen before any <event-log> connected (the widget may fire while it upgrades). @type {LoggedEvent[]} */
const early = [];
/** @type {Set<EventLog>} */
const logs = new Set();

for (const type of CARD_EVENTS) {
  document.addEventListener(type, (event) => {
    const entry = { type, at: new Date(), detail: /** @type {CustomEvent} */ (event).detail, target: event.target };
    if (logs.size === 0) early.push(entry);
    for (const log of logs) log.add(entry);
  });
}

/** @param {string} tag @param {string} [className] @param {string} [text] */
function el(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

class EventLog extends HTMLElement {
  #list = el("ol", "event-log__list");
  #scroller = el("div", "event-log__scroller");
  #count = el("span", "event-log__count");
  #empty = el("p", "event-log__empty", "No event yet. They appear here as the card fires them.");
  #total = 0;

  connectedCallback() {
    if (!this.#scroller.isConnected) {
      const titleId = `event-log-title-${Math.random().toString(36).slice(2, 8)}`;
      const head = el("div", "event-log__head");
      const title = el("h3", "event-log__title", "Event log");
      title.id = titleId;
      const clear = el("button", "event-log__clear", "Clear");
      clear.setAttribute("type", "button");
      clear.addEventListener("click", () => this.clear());
      head.append(title, this.#count, clear);
      // A log, but not read aloud: the card announces its own steps; this is for reading at leisure.
      // The role sits on a wrapper so the list keeps its list semantics.
      this.#scroller.setAttribute("role", "log");
      this.#scroller.setAttribute("aria-live", "off");
      this.#scroller.setAttribute("aria-labelledby", titleId);
      this.#scroller.setAttribute("tabindex", "0");
      this.#scroller.append(this.#list);
      this.replaceChildren(head, this.#empty, this.#scroller);
      this.#render();
    }
    logs.add(this);
    for (const entry of early.splice(0)) this.add(entry);
  }

  disconnectedCallback() {
    logs.delete(this);
  }

  /** @param {LoggedEvent} entry */
  add(entry) {
    const selector = this.getAttribute("for");
    if (selector && entry.target instanceof Element && !entry.target.matches(selector)) return;
    const item = el("li", "event-log__entry");
    item.dataset.event = entry.type;
    const meta = el("div", "event-log__meta");
    const name = el("code", "event-log__name", entry.type);
    const time = el("time", "event-log__time", clock.format(entry.at));
    time.setAttribute("datetime", entry.at.toISOString());
    meta.append(name, time);
    const detail = el("pre", "event-log__detail", JSON.stringify(entry.detail, null, 2) ?? "undefined");
    item.append(meta, detail);
    this.#list.prepend(item);
    while (this.#list.children.length > KEEP) this.#list.lastElementChild?.remove();
    this.#total += 1;
    this.#render();
  }

  clear() {
    this.#list.replaceChildren();
    this.#total = 0;
    this.#render();
  }

  #render() {
    this.#empty.hidden = this.#total > 0;
    this.#scroller.hidden = this.#total === 0;
    this.#count.textContent = `${this.#total} ${this.#total === 1 ? "event" : "events"}`;
  }
}

if (!customElements.get("event-log")) customElements.define("event-log", EventLog);
