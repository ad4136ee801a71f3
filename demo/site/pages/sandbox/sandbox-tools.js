// @ts-check
/**
 * <sandbox-tools sandbox-url="http://127.0.0.1:8788" [mode="page"]>: the tester's controls for the
 * local sandbox. Docked (default) it is a collapsible panel in a corner of a demo page, apart from the
 * partner's design; `mode="page"` lays the same controls out as a full page (`/sandbox/`).
 *
 * It polls the sandbox for sign-in codes, users, settings and faults, and listens to the `mc-*` events
 * of any <machines-card> on the page for the ids the controls need (new cards, new deposits, who signed in).
 */
import { sandboxApi } from "./api.js";
import { codesSection } from "./codes.js";
import { h } from "./dom.js";
import { moneySection } from "./money.js";
import { settingsSection } from "./settings.js";
import { chooseUser, createToolsState, rememberCard, setDetail } from "./state.js";
import { usersSection } from "./users.js";

const POLL_MS = 2000;
const OPEN_KEY = "sandbox-tools:open";

class SandboxTools extends HTMLElement {
  /** @type {(() => void)[]} */
  #cleanup = [];
  /** @type {number | undefined} */
  #timer;
  /** @type {Promise<void> | null} */
  #running = null;

  connectedCallback() {
    const base = this.getAttribute("sandbox-url");
    if (!base || base.startsWith("%")) {
      this.replaceChildren(h("p", { class: "sbx-missing" }, "Sandbox tools: no sandbox-url attribute (the demo server fills it in)."));
      return;
    }
    const page = this.getAttribute("mode") === "page";
    const api = sandboxApi(base);
    const state = createToolsState();
    const refresh = () => this.#poll(true, true);
    const codes = codesSection(page ? 10 : 3);
    const users = usersSection({ api, state, refresh });
    const money = moneySection({ api, state, refresh });
    const settings = settingsSection({ api, refresh, selectedUserId: () => state.user?.userId ?? null });
    const offline = h("p", { class: "sbx-offline", role: "alert", hidden: true });
    const sections = h("div", { class: "sbx-sections" }, codes.element, users.element, money.element, settings.element);

    /** @type {HTMLDetailsElement | null} */
    let details = null;
    const badge = h("span", { class: "sbx-toggle__code", hidden: true });
    if (page) {
      this.replaceChildren(h("div", { class: "sbx sbx--page" }, offline, sections));
    } else {
      details = h(
        "details",
        { class: "sbx sbx--dock" },
        h("summary", { class: "sbx-toggle" }, h("span", { class: "sbx-toggle__flag", "aria-hidden": "true" }), h("span", { class: "sbx-toggle__title" }, "Sandbox tools"), badge),
        h(
          "div",
          { class: "sbx-panel" },
          h("p", { class: "sbx-intro" }, "For testers: these act on the local sandbox, not on the partner's page. ", h("a", { href: "/sandbox/", target: "_blank" }, "Open as a page")),
          offline,
          sections,
        ),
      );
      details.open = localStorage.getItem(OPEN_KEY) === "1";
      details.addEventListener("toggle", () => {
        localStorage.setItem(OPEN_KEY, details?.open ? "1" : "0");
        if (details?.open) void this.#poll(true);
      });
      this.replaceChildren(details);
    }

    // Ids the controls need, announced by the card on this page (never secrets: the events carry none).
    const listen = (/** @type {string} */ type, /** @type {(detail: any) => void} */ handler) => {
      const listener = (/** @type {Event} */ event) => {
        handler(/** @type {CustomEvent} */ (event).detail ?? {});
        void this.#poll(true, true);
      };
      document.addEventListener(type, listener);
      this.#cleanup.push(() => document.removeEventListener(type, listener));
    };
    listen("mc-signed-in", (detail) => (state.signedInEmail = detail.email ?? null));
    listen("mc-signed-out", () => (state.signedInEmail = null));
    listen("mc-card-created", (detail) => rememberCard(state, { cardId: detail.cardId, last4: detail.last4, label: detail.label }));
    listen("mc-deposit-created", (detail) => state.announcedDeposits.unshift(detail.depositId));

    this.#tick = async (/** @type {boolean} */ everything) => {
      const open = page || details?.open;
      try {
        const signInCodes = await api.signInCodes();
        codes.update(signInCodes);
        // The badge shows the newest code while it is still usable (not an older one for another email).
        const newest = [...signInCodes].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
        const latest = newest?.status === "pending" ? newest : undefined;
        badge.hidden = !latest;
        badge.textContent = latest ? `code ${latest.code}` : "";
        if (!open && !everything) return;
        state.users = await api.users();
        state.user = chooseUser(state);
        setDetail(state, state.user ? await api.user(state.user.userId) : null);
        const [currentSettings, faults] = await Promise.all([api.settings(), api.faults()]);
        users.update();
        money.update();
        settings.update(currentSettings, faults);
        offline.hidden = true;
      } catch (error) {
        offline.hidden = false;
        offline.textContent = error instanceof Error ? error.message : String(error);
      }
    };
    const onVisibility = () => document.visibilityState === "visible" && void this.#poll(false);
    document.addEventListener("visibilitychange", onVisibility);
    this.#cleanup.push(() => document.removeEventListener("visibilitychange", onVisibility));
    this.#timer = window.setInterval(() => document.visibilityState === "visible" && void this.#poll(false), POLL_MS);
    void this.#poll(true);
  }

  disconnectedCallback() {
    window.clearInterval(this.#timer);
    for (const undo of this.#cleanup.splice(0)) undo();
  }

  /** @type {(everything: boolean) => Promise<void>} */
  #tick = async () => {};

  /**
   * One poll at a time. The timer skips a beat while one runs; an explicit refresh (after an action,
   * or an event from the card) waits for it and polls again, so it shows what the action changed.
   * @param {boolean} everything poll users, settings and faults even while the dock is closed
   * @param {boolean} [explicit]
   */
  async #poll(everything, explicit = false) {
    if (this.#running && !explicit) return;
    while (this.#running) await this.#running;
    this.#running = this.#tick(everything).finally(() => (this.#running = null));
    await this.#running;
  }
}

if (!customElements.get("sandbox-tools")) customElements.define("sandbox-tools", SandboxTools);
