// @ts-check
/**
 * Sign-in codes: the sandbox identity issuer "emails" each one-time code here (and to its console),
 * so a tester can type it into the card's sign-in step.
 */
import { button, h, statusLine } from "./dom.js";

/** @typedef {import("./api.js").SignInCode} SignInCode */

const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const STATUS_TEXT = /** @type {Record<string, string>} */ ({ pending: "waiting to be used", used: "used", expired: "expired" });

/** @param {number} shown how many of the newest codes to list (one per email) */
export function codesSection(shown) {
  const list = h("ul", { class: "sbx-codes" });
  const more = h("p", { class: "sbx-help", hidden: true });
  const empty = h("p", { class: "sbx-empty" }, "No code yet. Enter an email in the card's sign-in step; its code appears here within a few seconds.");
  const status = statusLine();
  let signature = "";

  const element = h(
    "section",
    { class: "sbx-section", "aria-labelledby": "sbx-codes-title" },
    h("h2", { id: "sbx-codes-title" }, "Sign-in codes"),
    empty,
    list,
    more,
    status.element,
  );

  /** @param {SignInCode} entry */
  function row(entry) {
    const copy = button("Copy", async () => {
      try {
        await navigator.clipboard.writeText(entry.code);
        status.ok(`Copied the code for ${entry.email}.`);
      } catch {
        status.fail(`Could not copy; the code for ${entry.email} is ${entry.code}.`);
      }
    }, "sbx-button--small");
    copy.setAttribute("aria-label", `Copy the code for ${entry.email}`);
    const live = entry.status === "pending";
    return h(
      "li",
      { class: live ? "sbx-code" : "sbx-code sbx-code--spent" },
      h("span", { class: "sbx-code__email" }, entry.email),
      h("span", { class: "sbx-code__value", "aria-label": `code ${entry.code.split("").join(" ")}` }, entry.code),
      h("span", { class: "sbx-code__meta" }, `${STATUS_TEXT[entry.status] ?? entry.status} · expires ${time.format(new Date(entry.expiresAt))}`),
      live ? copy : null,
    );
  }

  return {
    element,
    /** @param {SignInCode[]} codes newest first */
    update(codes) {
      const sorted = [...codes].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
      const next = JSON.stringify(sorted.map((c) => [c.email, c.code, c.status]));
      if (next === signature) return;
      signature = next;
      empty.hidden = sorted.length > 0;
      list.replaceChildren(...sorted.slice(0, shown).map(row));
      const older = sorted.length - shown;
      more.hidden = older <= 0;
      more.textContent = older > 0 ? `And ${older} older (one per email); the sandbox page lists more.` : "";
    },
  };
}
