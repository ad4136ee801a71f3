// @ts-check
/**
 * Sandbox settings a tester changes while the product runs: which collateral contract new users get
 * (v1 controller or v2 coordinator, for the two withdrawal paths), faults injected into the Machines
 * simulator, to watch the card fail well and recover, and the bundler's hold-and-flush, to put several
 * users' withdrawals into one bundle transaction.
 */
import { act, button, field, h, statusLine, uid } from "./dom.js";

/** @typedef {import("./api.js").SandboxApi} SandboxApi @typedef {import("./api.js").FaultRule} FaultRule @typedef {import("./api.js").FaultRuleInput} FaultRuleInput */

/** @type {{ name: string, rule: FaultRuleInput }[]} */
const FAULT_PRESETS = [
  { name: "Next call fails once (503)", rule: { kind: "error", method: "*", path: "*", times: 1 } },
  { name: "Machines is down (every call 503)", rule: { kind: "error", method: "*", path: "*" } },
  { name: "Next withdrawal request fails", rule: { kind: "error", method: "POST", path: "/withdrawals*", times: 1 } },
  { name: "Next deposit request fails", rule: { kind: "error", method: "POST", path: "/deposits*", times: 1 } },
  { name: "Next card creation: unreadable reply (card still created)", rule: { kind: "malformed", method: "POST", path: "/cards", times: 1 } },
  { name: "Slow Machines (3 s per call)", rule: { kind: "latency", method: "*", path: "*", latencyMs: 3000 } },
  { name: "Rate limited (next 3 calls)", rule: { kind: "rate_limit", method: "*", path: "*", times: 3 } },
];
const KINDS = ["error", "malformed", "latency", "rate_limit"];
const METHODS = ["*", "GET", "POST", "PATCH", "DELETE"];

/** @param {FaultRuleInput | FaultRule} rule */
function describe(rule) {
  const what = rule.kind === "latency" ? `latency ${rule.latencyMs ?? 1000} ms` : rule.kind === "error" ? `error ${rule.status ?? 503}` : rule.kind.replace("_", " ");
  return `${what} on ${rule.method ?? "*"} ${rule.path ?? "*"}${rule.userId ? ` for ${rule.userId}` : ""}`;
}

/** @param {{ api: SandboxApi, refresh: () => Promise<void>, selectedUserId: () => string | null }} ctx */
export function settingsSection({ api, refresh, selectedUserId }) {
  // ── collateral version for new users
  const versionStatus = statusLine();
  const versionName = uid("version");
  /** @param {1 | 2} version @param {string} text */
  const radio = (version, text) => {
    const input = h("input", {
      type: "radio",
      name: versionName,
      value: String(version),
      id: uid("version"),
      onchange: () =>
        act(null, versionStatus, "Saving…", async () => {
          await api.updateSettings({ collateralVersion: version });
          return `Users seen from now on get a v${version} collateral (${text}). Existing users keep theirs.`;
        }),
    });
    return { input, element: h("div", { class: "sbx-check" }, input, h("label", { for: input.id }, `v${version} · ${text}`)) };
  };
  const v1 = radio(1, "controller, 7-argument withdrawAsset");
  const v2 = radio(2, "coordinator, admin signs EIP-712");

  // ── faults
  const preset = h("select", {}, h("option", { value: "" }, "Choose a preset…"), FAULT_PRESETS.map((p, i) => h("option", { value: String(i) }, p.name)));
  const kind = h("select", {}, KINDS.map((k) => h("option", { value: k }, k.replace("_", " "))));
  const method = h("select", {}, METHODS.map((m) => h("option", { value: m }, m === "*" ? "any" : m)));
  const path = h("input", { type: "text", value: "*", autocomplete: "off", spellcheck: "false" });
  const times = h("input", { type: "number", min: "1", step: "1", inputmode: "numeric", placeholder: "until removed" });
  // Only the user picked above: the rest of the sandbox (other testers, other tabs) keeps working.
  const onlyUser = h("input", { type: "checkbox", id: uid("only-user") });
  preset.addEventListener("change", () => {
    const chosen = FAULT_PRESETS[Number(preset.value)];
    if (!chosen) return;
    kind.value = chosen.rule.kind;
    method.value = chosen.rule.method ?? "*";
    path.value = chosen.rule.path ?? "*";
    times.value = chosen.rule.times ? String(chosen.rule.times) : "";
  });
  const faultStatus = statusLine();
  const active = h("ul", { class: "sbx-faults" });
  const noFaults = h("p", { class: "sbx-empty" }, "No fault active: the simulator answers normally.");
  const inject = button("Inject fault", () =>
    act(inject, faultStatus, "Injecting…", async () => {
      const chosen = FAULT_PRESETS[Number(preset.value)];
      /** @type {FaultRuleInput} */
      const rule = { kind: kind.value, method: method.value, path: path.value.trim() || "*" };
      if (times.value) rule.times = Number(times.value);
      if (onlyUser.checked) {
        const userId = selectedUserId();
        if (!userId) throw new Error("Pick a user above first, or untick “Only the selected user”.");
        rule.userId = userId;
      }
      if (rule.kind === "latency") rule.latencyMs = chosen?.rule.latencyMs ?? 3000;
      await api.addFault(rule);
      await refresh();
      return `Injected: ${describe(rule)}${rule.times ? `, next ${rule.times} call${rule.times > 1 ? "s" : ""}` : ", until cleared"}.`;
    }),
  "sbx-button--primary");
  const clear = button("Clear all faults", () =>
    act(clear, faultStatus, "Clearing…", async () => {
      await api.clearFaults();
      await refresh();
      return "All faults cleared.";
    }),
  "sbx-button--danger");

  // ── bundling: hold user operations, then send them in one handleOps transaction
  const bundleStatus = statusLine();
  const hold = button("Hold operations", () =>
    act(hold, bundleStatus, "Holding…", async () => {
      await api.setBundling("manual");
      return "Held: wallets' operations wait in the bundler (a wallet waits up to 30 s). Send them when several are in.";
    }));
  const flush = button("Send held operations in one bundle", () =>
    act(flush, bundleStatus, "Bundling…", async () => {
      const { bundles } = await api.flushBundles();
      await api.setBundling("auto");
      return bundles ? `Sent in ${bundles === 1 ? "one bundle" : `${bundles} bundles`}; bundling as they come again.` : "Nothing was held; bundling as they come again.";
    }),
  "sbx-button--primary");

  const versionTitle = uid("title");
  const faultTitle = uid("title");
  const bundleTitle = uid("title");
  const element = h(
    "div",
    { class: "sbx-group" },
    h("section", { class: "sbx-section", "aria-labelledby": versionTitle },
      h("h2", { id: versionTitle }, "Collateral for new users"),
      h("fieldset", { class: "sbx-fieldset" }, h("legend", {}, "Contract version"), v1.element, v2.element),
      versionStatus.element),
    h("section", { class: "sbx-section", "aria-labelledby": faultTitle },
      h("h2", { id: faultTitle }, "Faults"),
      h("p", { class: "sbx-help" }, "Make the Machines simulator fail, slow down or garble replies, then watch the card recover."),
      field("Preset", preset),
      h("div", { class: "sbx-row" }, field("Kind", kind), field("Method", method)),
      h("div", { class: "sbx-row" }, field("Path under /partner/v1", path), field("Times", times)),
      h("div", { class: "sbx-check" }, onlyUser, h("label", { for: onlyUser.id }, "Only the selected user")),
      h("div", { class: "sbx-actions" }, inject, clear),
      faultStatus.element,
      h("h3", {}, "Active"),
      noFaults,
      active),
    h("section", { class: "sbx-section", "aria-labelledby": bundleTitle },
      h("h2", { id: bundleTitle }, "Bundler"),
      h("p", { class: "sbx-help" }, "Wallets are smart accounts: their withdrawals reach the chain as user operations in a bundler's transaction. Hold them, withdraw from two cards, then send them together: one transaction pays both."),
      h("div", { class: "sbx-actions" }, hold, flush),
      bundleStatus.element),
  );

  let faultSignature = "";
  return {
    element,
    /** @param {{ collateralVersion: 1 | 2 } | null} settings @param {FaultRule[]} faults */
    update(settings, faults) {
      if (settings && document.activeElement !== v1.input && document.activeElement !== v2.input) {
        v1.input.checked = settings.collateralVersion === 1;
        v2.input.checked = settings.collateralVersion === 2;
      }
      const next = JSON.stringify(faults.map((f) => [f.id, f.remaining, f.hits]));
      if (next === faultSignature) return;
      faultSignature = next;
      noFaults.hidden = faults.length > 0;
      active.replaceChildren(
        ...faults.map((fault) => {
          const remove = button("Remove", () =>
            act(remove, faultStatus, "Removing…", async () => {
              await api.removeFault(fault.id);
              await refresh();
              return `Removed: ${describe(fault)}.`;
            }),
          "sbx-button--small");
          remove.setAttribute("aria-label", `Remove fault: ${describe(fault)}`);
          const left = fault.remaining === null ? "until removed" : `${fault.remaining} left`;
          return h("li", {}, h("span", {}, describe(fault), h("small", {}, ` · ${left} · hit ${fault.hits}×`)), remove);
        }),
      );
    },
  };
}
