// Bundles the Worker (worker/src/index.ts and everything it imports from shared/, hono, jose, viem, zod)
// into dist/index.js, so the published package has no runtime dependencies and no TypeScript sources.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The reveal frame's page, script and style are imported as text (wrangler.toml's `[[rules]] type = "Text"`). */
const revealFrameText = {
  name: "reveal-frame-text",
  setup(b) {
    b.onLoad({ filter: /[\\/]reveal[\\/]frame[\\/][^\\/]+\.(?:html|js|css)$/ }, async (args) => ({
      contents: await readFile(args.path, "utf8"),
      loader: "text",
    }));
  },
};

await build({
  entryPoints: [`${root}src/index.ts`],
  outfile: `${root}dist/index.js`,
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  conditions: ["workerd", "worker", "browser", "import"],
  mainFields: ["module", "main"],
  external: ["cloudflare:*", "node:*"],
  minifySyntax: true,
  legalComments: "external",
  sourcemap: false,
  logLevel: "warning",
  plugins: [revealFrameText],
});
console.error("worker/dist/index.js built");
