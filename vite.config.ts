import { defineConfig, type Plugin } from "vite";
import { minifyLitTemplatesPlugin } from "./scripts/lib/minify-lit-templates.mjs";
import { widgetContractPlugin } from "./scripts/lib/widget-contract.mjs";

/**
 * The widget build: `dist/machines-card.js` is the script-tag entry (a minified ES module that defines
 * `<machines-card>`); every step, locale, adapter and SDK is a chunk beside it in `dist/chunks/`,
 * loaded by dynamic import when first needed. The manifest (`dist/.vite/manifest.json`) maps chunks to
 * their sources for `npm run size`.
 */
/**
 * What connecting to the Worker and the first step share, as one chunk loaded with the connection right
 * after the element first renders: the config route, the Worker client, and the step base class with
 * what the sign-in step uses from it. The first view is this, the entry,
 * the connection, the sign-in step and its auth adapter; nothing a later step alone needs.
 */
const CONNECTION = [
  /[\\/]shared[\\/]api[\\/](define-route|config)\.ts$/,
  /[\\/]widget[\\/]src[\\/](base-error|api[\\/](client|api-error)|auth[\\/]auth-adapter)\.ts$/,
  /[\\/]widget[\\/]src[\\/](steps[\\/]step-element|styles[\\/](step-styles|fields)|components[\\/]field)\.ts$/,
  // Reaching the Worker, and the progress indicator: `flow/session-moves.ts` (its own chunk) loads them.
  /[\\/]widget[\\/]src[\\/](frame[\\/]progress|config[\\/](connect|public-config|compatibility)|auth[\\/]create-auth|wallet[\\/]create-wallet)\.ts$/,
  /[\\/]shared[\\/]api[\\/]me\.ts$/,
];
/**
 * What the steps after sign-in share, as one chunk instead of a dozen small ones: the rest of the
 * contract (`shared/api`, `shared/machines`), @lit/task and the step building blocks in `components/`.
 * The entry's own modules and the connection's are never in it.
 */
const STEP_KIT = [
  /node_modules[\\/]@lit[\\/]task[\\/]/,
  // Not `shared/api/me.ts` (the connection reads its route), nor the KYC rules (only the KYC step checks them).
  /[\\/]shared[\\/](api[\\/](?!me\.ts)|machines[\\/](?!kyc-(rules|check)\.ts))[a-z-]+\.ts$/,
  // Not notice/loading (the entry's frame uses those) nor field (the connection's step base does).
  /[\\/]widget[\\/]src[\\/]components[\\/](?!notice|loading|field)[a-z-]+\.ts$/,
  /[\\/]widget[\\/]src[\\/](i18n[\\/]parse-amount|wallet[\\/]wallet-adapter|api[\\/]idempotency-key)\.ts$/,
];

/**
 * Every module the entries import statically (not the entry modules themselves), found once the graph
 * is known. They go to one hashed `core` chunk that the entry imports, instead of living in the entry and
 * being exported from it: no chunk imports the entry back, so the entry file can be renamed or versioned
 * (a CDN path, a cache-busted name) without breaking the steps or loading twice.
 */
const entryGraph = new Set<string>();
const entryGraphPlugin = {
  name: "machines-card:entry-graph",
  buildEnd() {
    entryGraph.clear();
    const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
    const visit = (id: string) => {
      if (entryGraph.has(id)) return;
      entryGraph.add(id);
      for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
    };
    for (const id of entries) for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
    for (const id of entries) entryGraph.delete(id);
  },
} satisfies Plugin;

/** `dist/machines-card.d.ts` beside the entry, pointing at the declarations `tsc -p widget/tsconfig.types.json` writes. */
const entryTypes = {
  name: "machines-card:entry-types",
  generateBundle() {
    this.emitFile({
      type: "asset",
      fileName: "machines-card.d.ts",
      source: 'export * from "./types/widget/src/index";\nimport "./types/widget/src/define";\n',
    });
  },
} satisfies Plugin;

export default defineConfig({
  // `widgetContractPlugin`: the widget reads the contract's route table and constants, no schema, so
  // neither the schemas nor zod reach its chunks.
  plugins: [minifyLitTemplatesPlugin(), widgetContractPlugin(), entryGraphPlugin, entryTypes],
  build: {
    outDir: "dist",
    target: "es2022",
    minify: true,
    manifest: true,
    sourcemap: false,
    emptyOutDir: true,
    lib: { entry: "widget/src/define.ts", formats: ["es"], fileName: () => "machines-card.js" },
    rolldownOptions: {
      // What the entry shares with the steps is in `core` (below), so nothing is added to its exports
      // for the chunks; "allow-extension" is what the groups' `includeDependenciesRecursively: false` needs.
      preserveEntrySignatures: "allow-extension",
      // Vite leaves whitespace in ES library builds (to keep pure annotations for re-bundlers); this file
      // is served to browsers as is, so minify it fully.
      output: {
        chunkFileNames: "chunks/[name]-[hash].js",
        minify: true,
        // Pure annotations are hints for another bundler: browsers get no comments (as before, no licence ones either).
        comments: false,
        codeSplitting: {
          // Two shared chunks (above) rather than many small ones: fewer requests, better compression.
          // The connection's group wins where both would match (`shared/api/config.ts`).
          groups: [
            { name: "core", priority: 3, includeDependenciesRecursively: false, test: (id: string) => entryGraph.has(id) },
            { name: "connection", priority: 2, includeDependenciesRecursively: false, test: (id: string) => CONNECTION.some((re) => re.test(id)) },
            { name: "step-kit", priority: 1, includeDependenciesRecursively: false, test: (id: string) => STEP_KIT.some((re) => re.test(id)) },
          ],
        },
      },
    },
  },
});
