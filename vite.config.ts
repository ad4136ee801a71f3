import { defineConfig, type Plugin } from "vite";
import { minifyLitTemplatesPlugin } from "./scripts/lib/minify-lit-templates.mjs";
import { stripRouteDocsPlugin } from "./scripts/lib/strip-route-docs.mjs";

/**
 * The widget build: `dist/machines-card.js` is the script-tag entry (a minified ES module that defines
 * `<machines-card>`); every step, locale, adapter and SDK is a chunk beside it in `dist/chunks/`,
 * loaded by dynamic import when first needed. The manifest (`dist/.vite/manifest.json`) maps chunks to
 * their sources for `npm run size`.
 */
const STEP_KIT = [
  /node_modules[\\/]zod[\\/]v4[\\/](core|mini)[\\/]/,
  /node_modules[\\/]@lit[\\/]task[\\/]/,
  /[\\/]shared[\\/](api|machines)[\\/][a-z-]+\.ts$/,
  /[\\/]shared[\\/](envelope|validation|errors)\.ts$/,
  // Not notice/loading: the entry's frame uses those.
  /[\\/]widget[\\/]src[\\/]components[\\/](?!notice|loading)[a-z-]+\.ts$/,
  /[\\/]widget[\\/]src[\\/](steps[\\/]step-element|styles[\\/]step-styles|i18n[\\/]parse-amount|auth[\\/]auth-adapter|wallet[\\/]wallet-adapter|base-error)\.ts$/,
  /[\\/]widget[\\/]src[\\/]api[\\/](api-error|idempotency-key|get-balances)\.ts$/,
];

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
  plugins: [minifyLitTemplatesPlugin(), stripRouteDocsPlugin(), entryTypes],
  build: {
    outDir: "dist",
    target: "es2022",
    minify: true,
    manifest: true,
    sourcemap: false,
    emptyOutDir: true,
    lib: { entry: "widget/src/define.ts", formats: ["es"], fileName: () => "machines-card.js" },
    rolldownOptions: {
      // Lets the bundler fold code shared by the entry and the steps (Lit, styles) into the entry file
      // itself, which then exports it to the chunks: one request before the first render, not two.
      preserveEntrySignatures: "allow-extension",
      // zod/mini schemas are built by plain calls (`z.object(…)`), which a bundler must assume have side
      // effects; they have none, so a schema no chunk uses (the contract declares every route) can go.
      treeshake: { manualPureFunctions: ["z"] },
      // Vite leaves whitespace in ES library builds (to keep pure annotations for re-bundlers); this file
      // is served to browsers as is, so minify it fully.
      output: {
        chunkFileNames: "chunks/[name]-[hash].js",
        minify: true,
        codeSplitting: {
          // One chunk for what every step shares and the connection needs (zod/mini, the contract's
          // schemas, the step base class and building blocks, @lit/task), instead of a dozen tiny ones:
          // fewer requests, better compression. The entry's own modules are never in it.
          groups: [{ name: "step-kit", includeDependenciesRecursively: false, test: (id: string) => STEP_KIT.some((re) => re.test(id)) }],
        },
      },
    },
  },
});
