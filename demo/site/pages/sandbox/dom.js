// @ts-check
/**
 * Small DOM helpers for the sandbox tools: build elements without innerHTML (no markup from data ever
 * becomes HTML) and without inline styles (the page's CSP allows neither), and format what testers read.
 */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown>} [props] attributes; `on<event>` adds a listener; `class` sets the class
 * @param {...(Node | string | null | undefined | false | (Node | string | null | undefined | false)[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    else if (name === "class") element.className = String(value);
    else if (name === "value" || name === "checked") /** @type {any} */ (element)[name] = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

let nextId = 0;
/** A page-unique id for label/control pairs (the tools may appear twice on a page in tests). @param {string} name */
export const uid = (name) => `sbx-${name}-${++nextId}`;

/**
 * A labelled control: `<div class="sbx-field"><label for>…</label>control<small>hint</small></div>`.
 * @param {string} label
 * @param {HTMLInputElement | HTMLSelectElement} control
 * @param {string} [hint]
 */
export function field(label, control, hint) {
  if (!control.id) control.id = uid("field");
  const hintElement = hint ? h("small", { id: `${control.id}-hint` }, hint) : null;
  if (hintElement) control.setAttribute("aria-describedby", hintElement.id);
  return h("div", { class: "sbx-field" }, h("label", { for: control.id }, label), control, hintElement);
}

/** @param {string} text @param {() => void | Promise<void>} onclick @param {string} [variant] */
export const button = (text, onclick, variant = "") => h("button", { type: "button", class: `sbx-button ${variant}`.trim(), onclick }, text);

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
/** @param {number | null | undefined} cents */
export const money = (cents) => (typeof cents === "number" ? usd.format(cents / 100) : "–");

/** Dollars typed by a tester ("12.50", "1,000") to cents; undefined when blank, NaN when unreadable. @param {string} text */
export function centsFrom(text) {
  const clean = text.replace(/[,$\s]/g, "");
  if (clean === "") return undefined;
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return Number.NaN;
  return Math.round(Number(clean) * 100);
}

/** "in 4 min", "2 min ago" @param {string} iso @param {number} now */
export function relative(iso, now = Date.now()) {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(seconds);
  const text = abs < 60 ? `${abs} s` : abs < 3600 ? `${Math.round(abs / 60)} min` : `${Math.round(abs / 3600)} h`;
  return seconds >= 0 ? `in ${text}` : `${text} ago`;
}

/** "0x1234…cdef" @param {string | null | undefined} address */
export const shortAddress = (address) => (address ? `${address.slice(0, 6)}…${address.slice(-4)}` : "–");

/**
 * A live status line for a section's outcome: polite for success, assertive for failures.
 * @returns {{ element: HTMLParagraphElement, ok(text: string): void, fail(error: unknown): void, busy(text: string): void, clear(): void }}
 */
export function statusLine() {
  const element = h("p", { class: "sbx-status", role: "status" });
  const set = (/** @type {string} */ kind, /** @type {string} */ text) => {
    element.dataset.kind = kind;
    element.textContent = text;
  };
  return {
    element,
    ok: (text) => set("ok", text),
    busy: (text) => set("busy", text),
    fail: (error) => set("error", error instanceof Error ? error.message : String(error)),
    clear: () => set("", ""),
  };
}

/**
 * Runs a tester's action with its button disabled and its outcome in the status line.
 * @param {HTMLButtonElement | null} trigger
 * @param {ReturnType<typeof statusLine>} status
 * @param {string} busyText
 * @param {() => Promise<string>} action resolves to the success message
 */
export async function act(trigger, status, busyText, action) {
  if (trigger) trigger.disabled = true;
  status.busy(busyText);
  try {
    status.ok(await action());
  } catch (error) {
    status.fail(error);
  } finally {
    if (trigger) trigger.disabled = false;
  }
}
