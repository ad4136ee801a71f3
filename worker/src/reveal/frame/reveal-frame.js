// @ts-check
// The reveal frame's script, served by the Worker from its own origin (worker/src/reveal/frame-page.ts)
// inside one function, after reveal-frame.messages.js. It reads the one-time ticket from the URL
// fragment, forgets the fragment, redeems the ticket with the Worker, and shows the card number, expiry
// and CVC with copy buttons until the countdown ends, the page is hidden or the element removes the frame.
// The embedding page only ever hears how tall the frame is and whether the details are shown or hidden:
// never a digit of the card.

/** @typedef {{ scheme: "light" | "dark", colors: Partial<Record<keyof typeof COLOR_PROPERTIES, string>>, font?: string, radius?: number }} Theme */
/** @typedef {{ pan: string, cvc: string, expiry: string, last4: string, theme: Theme, locale: "en" | "es", origin: string, hideAfterSeconds: number }} RevealedCard */
/** @typedef {{ type: "mc-reveal:size", height: number } | { type: "mc-reveal:shown" } | { type: "mc-reveal:hidden", reason: "timeout" | "hidden" } | { type: "mc-reveal:refused", code: string }} FrameMessage */

/** The theme's colours, as the widget's custom properties (reveal-frame.css uses the same names). */
const COLOR_PROPERTIES = {
  brand: "--mc-color-brand",
  onBrand: "--mc-color-on-brand",
  brandText: "--mc-color-brand-text",
  background: "--mc-color-background",
  surface: "--mc-color-surface",
  text: "--mc-color-text",
  textMuted: "--mc-color-text-muted",
  border: "--mc-color-border",
  borderStrong: "--mc-color-border-strong",
  focus: "--mc-color-focus",
  danger: "--mc-color-danger",
};

const root = document.documentElement;
const panel = /** @type {HTMLElement} */ (document.getElementById("frame"));

/** @param {string | null} tag @returns {"en" | "es"} */
const languageOf = (tag) => (tag && /^es\b/i.test(tag) ? "es" : "en");

// The Worker puts the element's language and scheme in the query, so even a refusal reads right before
// the ticket is redeemed; the redeemed ticket's own values win after that.
const hints = new URLSearchParams(location.search);
let messages = REVEAL_FRAME_MESSAGES.en;
speak(languageOf(hints.get("locale") ?? navigator.language));
if (hints.get("scheme") === "dark") root.dataset.scheme = "dark";

/** Switches the frame's language: its strings, `lang`, title and heading. @param {"en" | "es"} locale */
function speak(locale) {
  messages = REVEAL_FRAME_MESSAGES[locale];
  root.lang = locale;
  document.title = t("title");
  const heading = document.getElementById("title");
  if (heading) heading.textContent = t("title");
}

/** @param {keyof RevealFrameMessages} key @param {Record<string, string | number>} [values] */
function t(key, values = {}) {
  return messages[key].replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

/**
 * The page embedding this frame, as the browser reports it (`ancestorOrigins`; else the referrer, which
 * the widget asks to be the page's origin): the Worker redeems the ticket only for the page it was issued to.
 * @returns {string | null}
 */
function ancestorOrigin() {
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0] ?? null;
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

/** Where messages go: the embedding page, then exactly the origin the ticket was issued to. */
let target = ancestorOrigin();

/** @param {FrameMessage} message */
function post(message) {
  if (target && window.parent !== window) window.parent.postMessage(message, target);
}

/**
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {(Node | string)[]} [children]
 */
function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// Sized to the content: the element sets the iframe's height from this, so nothing scrolls.
let lastHeight = -1;
new ResizeObserver(() => {
  const height = Math.ceil(panel.getBoundingClientRect().height);
  if (height === lastHeight) return;
  lastHeight = height;
  post({ type: "mc-reveal:size", height });
}).observe(panel);

/** @param {Theme} theme */
function applyTheme(theme) {
  // CSSOM custom properties: allowed under the frame's CSP, unlike a style attribute in markup.
  root.dataset.scheme = theme.scheme;
  for (const [name, property] of Object.entries(COLOR_PROPERTIES)) {
    const value = theme.colors[/** @type {keyof typeof COLOR_PROPERTIES} */ (name)];
    if (value) root.style.setProperty(property, value);
  }
  if (theme.font) root.style.setProperty("--mc-font-family", theme.font);
  if (theme.radius !== undefined) root.style.setProperty("--mc-radius", `${theme.radius}px`);
}

/** The details on screen, in this closure only while shown; null once wiped. */
/** @type {{ number: string, expiry: string, cvc: string } | null} */
let secrets = null;
/** @type {ReturnType<typeof setInterval> | undefined} */
let countdown;

/** Digits one by one, groups apart, so a screen reader reads "4 2 4 2, 4 2 4 2" and not a huge number. */
const spoken = (/** @type {string} */ digits) => (digits.match(/\d{1,4}/g) ?? []).map((group) => [...group].join(" ")).join(", ");

/** @param {RevealedCard} card */
function show(card) {
  speak(card.locale);
  target = card.origin;
  applyTheme(card.theme);
  secrets = { number: card.pan, expiry: card.expiry, cvc: card.cvc };

  const status = el("p", { class: "visually-hidden", role: "status" });
  /**
   * @param {"number" | "expiry" | "cvc"} key
   * @param {string} text what is shown
   * @param {string | null} speech what a screen reader says instead, when it differs
   * @param {"copyNumber" | "copyExpiry" | "copyCvc"} copyLabel
   */
  const row = (key, text, speech, copyLabel) => {
    const label = `label-${key}`;
    const button = el("button", { type: "button", "aria-describedby": label }, [t(copyLabel)]);
    button.addEventListener("click", () => void copy(key, button, copyLabel, status));
    const value = speech
      ? [el("span", { class: `value ${key === "number" ? "pan" : ""}`, "aria-hidden": "true" }, [text]), el("span", { class: "visually-hidden" }, [speech])]
      : [el("span", { class: "value" }, [text])];
    return el("div", {}, [el("dt", { id: label }, [t(key)]), el("dd", { "data-value": key }, value), el("dd", { class: "copy" }, [button])]);
  };
  const seconds = card.hideAfterSeconds;
  const timer = el("p", { class: "small muted", role: "timer" }, [t("hidesIn", { seconds })]);
  panel.replaceChildren(
    el("p", { class: "small muted" }, [t("privacy")]),
    el("dl", { class: "details" }, [
      row("number", card.pan.replace(/(\d{4})(?=\d)/g, "$1 "), spoken(card.pan), "copyNumber"),
      row("expiry", card.expiry, null, "copyExpiry"),
      row("cvc", card.cvc, spoken(card.cvc), "copyCvc"),
    ]),
    timer,
    status,
  );
  panel.removeAttribute("aria-busy");

  const deadline = Date.now() + seconds * 1000;
  let left = seconds;
  countdown = setInterval(() => {
    const now = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    if (now === 0) return wipe("timeout");
    if (now !== left) timer.textContent = t("hidesIn", { seconds: (left = now) });
  }, 250);
  post({ type: "mc-reveal:shown" });
}

/**
 * @param {"number" | "expiry" | "cvc"} key
 * @param {HTMLElement} button
 * @param {"copyNumber" | "copyExpiry" | "copyCvc"} label
 * @param {HTMLElement} status
 */
async function copy(key, button, label, status) {
  if (!secrets) return;
  try {
    await navigator.clipboard.writeText(secrets[key]);
  } catch {
    // Clipboard refused (the page did not delegate clipboard-write, or the browser asked and was told no).
    status.textContent = t("copyFailed");
    return;
  }
  button.textContent = t("copied");
  status.textContent = t("copied");
  setTimeout(() => {
    if (!secrets) return;
    button.textContent = t(label);
    status.textContent = "";
  }, 2000);
}

/** Takes the details off the screen and out of this script, then tells the element. @param {"timeout" | "hidden"} reason */
function wipe(reason) {
  if (!secrets) return;
  clearInterval(countdown);
  secrets = null;
  panel.replaceChildren(el("p", { class: "small muted", role: "status" }, [t("hidden")]));
  post({ type: "mc-reveal:hidden", reason });
}

/** A refusal in plain words, in the element's language. @param {string} code */
function refuse(code) {
  const key = /** @type {keyof RevealFrameMessages} */ (`error.${code}` in messages ? `error.${code}` : "error.other");
  panel.replaceChildren(el("p", { class: "error", role: "alert" }, [t(key)]));
  panel.removeAttribute("aria-busy");
  post({ type: "mc-reveal:refused", code: key === "error.other" ? "other" : code });
}

document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") wipe("hidden");
});
window.addEventListener("pagehide", () => wipe("hidden"));

async function start() {
  const ticket = location.hash.slice(1);
  // Out of the address bar, history and any later look at location before anything else happens.
  history.replaceState(null, "", location.pathname + location.search);
  if (!ticket) return refuse("reveal_ticket_unknown");
  try {
    const response = await fetch("/reveal/redeem", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ticket, ancestorOrigin: ancestorOrigin() }),
      cache: "no-store",
      credentials: "omit",
    });
    const reply = await response.json().catch(() => null);
    if (response.ok && reply && reply.ok) return show(/** @type {RevealedCard} */ (reply.data));
    refuse(String(reply?.errors?.[0]?.code ?? "other"));
  } catch {
    refuse("other");
  }
}

void start();
