// Writes the framework typings (dist/frameworks/{react,vue,svelte}.d.ts) from the custom-elements
// manifest, so an attribute or event added to the element's JSDoc reaches React, Vue and Svelte users
// without anyone editing these files.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The element's declaration in the manifest: tag, class, attributes, settable properties, events. */
export function elementApi(manifestFile) {
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === "machines-card");
  if (!element) throw new Error(`${manifestFile} declares no <machines-card>`);
  const attributes = (element.attributes ?? []).map((a) => ({ name: a.name, description: a.description ?? "" }));
  const fields = (element.members ?? []).filter((m) => m.kind === "field" && !m.static && !m.readonly && m.privacy !== "private");
  const events = (element.events ?? []).filter((e) => e.name && e.type?.text).map((e) => ({ name: e.name, type: e.type.text, description: e.description ?? "" }));
  return { className: element.name, attributes, fields, events };
}

const doc = (text, indent = "  ") => (text ? `${indent}/** ${text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ")} */\n` : "");
const q = (name) => JSON.stringify(name);

/**
 * `oneInterface`: Vue and Svelte declare attributes and properties in one interface, where a one-word
 * attribute (`theme`) and its property would be the same member twice (TS2300): the property's type wins.
 */
function shared({ className, attributes, fields, events }, { oneInterface = false } = {}) {
  const imports = [...new Set([className, ...events.map((e) => e.type)])].sort().join(", ");
  const declared = oneInterface ? attributes.filter((a) => !fields.some((f) => f.name === a.name)) : attributes;
  const attrs = declared.map((a) => `${doc(a.description)}  ${q(a.name)}?: string;\n`).join("");
  return { imports, attrs };
}

/** Whether a manifest field can be typed from the package's declarations (`MachinesCard["x"]`). */
const props = (fields) => fields.map((f) => `${doc(f.description)}  ${f.name}?: MachinesCard[${q(f.name)}];\n`).join("");

export function reactTypes(api) {
  const { imports, attrs } = shared(api);
  const handlers = api.events.map((e) => `${doc(e.description)}  ${q(`on${e.name}`)}?: (event: ${e.type}) => void;\n`).join("");
  return `// Generated from custom-elements.json by widget/scripts/framework-types.mjs. React 19 sets properties
// on custom elements and listens for \`on<event-name>\` props, so \`onmc-ready\` receives a typed ReadyEvent.
// Use: import type {} from "machines-card/react"; (once, anywhere in the app)
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { ${imports} } from "../element.js";

/** The attributes of <machines-card> (strings, as in HTML). */
export interface MachinesCardAttributes {
${attrs}}

/** Properties React 19 sets on the element (objects as well as strings). */
export interface MachinesCardProperties {
${props(api.fields)}}

/** \`onmc-*\` handlers: React 19 adds them as listeners for the element's events. */
export interface MachinesCardEventHandlers {
${handlers}}

export type MachinesCardProps = DetailedHTMLProps<HTMLAttributes<MachinesCard>, MachinesCard> &
  MachinesCardAttributes &
  MachinesCardProperties &
  MachinesCardEventHandlers;

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "machines-card": MachinesCardProps;
    }
  }
}
`;
}

export function vueTypes(api) {
  const { imports, attrs } = shared(api, { oneInterface: true });
  const handlers = api.events.map((e) => `${doc(e.description)}  ${q(`on${e.name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())}`)}?: (event: ${e.type}) => void;\n`).join("");
  return `// Generated from custom-elements.json by widget/scripts/framework-types.mjs. Types <machines-card> in
// Vue templates (vue-tsc / Volar): attributes, properties and \`@mc-*\` listeners with their event classes.
// Use: import type {} from "machines-card/vue"; and tell Vue the tag is a custom element
// (compilerOptions.isCustomElement: (tag) => tag === "machines-card").
import type { DefineComponent } from "vue";
import type { ${imports} } from "../element.js";

export interface MachinesCardProps {
${attrs}${props(api.fields)}}

/** Vue maps \`@mc-ready\` to the \`onMcReady\` prop. */
export interface MachinesCardListeners {
${handlers}}

declare module "vue" {
  interface GlobalComponents {
    "machines-card": DefineComponent<MachinesCardProps & MachinesCardListeners>;
  }
}
`;
}

export function svelteTypes(api) {
  const { imports, attrs } = shared(api, { oneInterface: true });
  const handlers = api.events.map((e) => `${doc(e.description)}  ${q(`on${e.name}`)}?: (event: ${e.type}) => void;\n`).join("");
  return `// Generated from custom-elements.json by widget/scripts/framework-types.mjs. Types <machines-card> in
// Svelte 5 templates (svelte-check): attributes, properties and \`onmc-*\` handlers with their event classes.
// Use: import type {} from "machines-card/svelte"; (once, for example in src/app.d.ts)
import type { ${imports} } from "../element.js";

export interface MachinesCardSvelteProps {
${attrs}${props(api.fields)}${handlers}  class?: string;
  style?: string;
  id?: string;
  slot?: string;
}

declare module "svelte/elements" {
  interface SvelteHTMLElements {
    "machines-card": MachinesCardSvelteProps;
  }
}
`;
}

export function writeFrameworkTypes(manifestFile, outDir) {
  const api = elementApi(manifestFile);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "react.d.ts"), reactTypes(api));
  writeFileSync(join(outDir, "vue.d.ts"), vueTypes(api));
  writeFileSync(join(outDir, "svelte.d.ts"), svelteTypes(api));
}
