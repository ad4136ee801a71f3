// `npm run manifest` → custom-elements.json (referenced by package.json's `customElements`), from the
// JSDoc on the public element: attributes, properties, events, parts, CSS custom properties.
// Only the public element is analysed; steps and internal building blocks are not part of the API.

/**
 * The analyser lists Lit's internal reactive state (`state: true`) as attributes, and adds an unnamed
 * event for every `dispatchEvent(new XxxEvent())`; the documented `@fires` tags already name them all.
 */
function publicApiOnly() {
  return {
    name: "machines-card:public-api-only",
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (d.events) d.events = d.events.filter((e) => e.name);
          // Reactive state is private (`declare private x`) or undocumented; public attributes are neither.
          const hidden = new Set((d.members ?? []).filter((m) => m.privacy === "private" || m.privacy === "protected").map((m) => m.name));
          if (d.attributes) d.attributes = d.attributes.filter((a) => a.description && !hidden.has(a.fieldName));
          const attributes = new Set((d.attributes ?? []).map((a) => a.name));
          if (d.members) {
            d.members = d.members.filter(
              (m) => m.privacy !== "private" && m.privacy !== "protected" && (!m.attribute || attributes.has(m.attribute)) && !m.description?.startsWith("@internal"),
            );
          }
        }
      }
    },
  };
}

export default {
  globs: ["widget/src/machines-card.ts"],
  outdir: ".",
  litelement: true,
  dependencies: false,
  packagejson: false, // package.json already points at custom-elements.json
  plugins: [publicApiOnly()],
};
