import { mergeConfig } from "vite";
import base from "../vite.config";

/**
 * The npm build (`widget/dist/`): the same chunks as the script-tag build, with two entries and Lit left to
 * the app's bundler (a peer dependency, so an app that uses Lit itself loads it once):
 *   machines-card.js  registers <machines-card> and exports the element and its events (`import "machines-card"`)
 *   element.js        the same exports without registering (`import { MachinesCard } from "machines-card/element"`)
 * Everything else (zod, @lit/task, uqr, the contract) is bundled: the package has no runtime dependencies.
 */
export default mergeConfig(base, {
  resolve: {
    // @lit/task imports `notEqual` from Lit's base package; `lit` re-exports it, and is the one peer.
    alias: [{ find: /^@lit\/reactive-element$/, replacement: "lit" }],
  },
  build: {
    outDir: "widget/dist",
    manifest: false,
    lib: {
      entry: { "machines-card": "widget/src/register.ts", element: "widget/src/index.ts" },
      formats: ["es"],
      fileName: (_format: string, name: string) => `${name}.js`,
    },
    rolldownOptions: { external: [/^lit(\/.*)?$/] },
  },
});
