import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import ts from "typescript";
import { build as esbuild } from "esbuild";
import { build, type Plugin } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The TypeScript files directly in these folders. */
const tsFilesIn = (...dirs: string[]) => dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => join(dir, f)));

/**
 * What the widget's build ships holds product code only: no test support (`widget/test`, `*.test.ts`,
 * the test libraries), no sandbox server code (`demo/`, `test/`), and the sandbox's own sign-in and wallet
 * adapters only as chunks the production path never loads. Built the way `npm run build:widget` builds
 * (vite.config.ts), into a folder of its own; the module list comes from the bundler itself.
 */
const root = process.cwd();
let dist: string;
/** Each chunk's file and the source modules in it (paths relative to the repository). */
const chunks: { file: string; modules: string[]; code: string }[] = [];

const recordModules: Plugin = {
  name: "bundle-purity:record-modules",
  generateBundle(_, bundle) {
    for (const [file, output] of Object.entries(bundle)) {
      if (output.type !== "chunk") continue;
      const modules = Object.keys(output.modules).map((id) => relative(root, id.replace(/^\0/, "").split("?")[0]!));
      chunks.push({ file, modules, code: output.code });
    }
  },
};

/** The longer string literals of a test-support file: text that only that file would bring into a chunk. */
function markersOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const text = node.text.trim();
      if (text.length >= 20 && /\s/.test(text)) found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "machines-card-purity-dist-"));
  await build({ logLevel: "silent", plugins: [recordModules], build: { outDir: dist, emptyOutDir: true } });
}, 240_000);

afterAll(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe("the built widget's chunks", () => {
  it("were all recorded, the entry among them", () => {
    expect(chunks.map((c) => c.file)).toContain("machines-card.js");
    expect(chunks.flatMap((c) => c.modules)).toContain("widget/src/define.ts");
  });

  it("hold no test support, test library or sandbox server code", () => {
    const forbidden = /^(widget\/test|test|demo|bench)\/|\.test\.ts$|node_modules\/(@open-wc|chai|mocha|@web\/test-runner|@web\/test-runner-commands|axe-core|sinon|@playwright|playwright|vitest|fast-check)\//;
    for (const chunk of chunks) {
      expect(chunk.modules.filter((m) => forbidden.test(m)), chunk.file).toEqual([]);
    }
  });

  it("carry none of the test helpers' own sentences, nor chai's or mocha's", () => {
    // The widget tests' helpers and the sandbox driver's files that carry sentences of their own (its raw
    // Worker client has none to recognise it by; its module path is refused above).
    const helpers = [...tsFilesIn("widget/test"), "test/support/sandbox/new-user.ts", "test/support/sandbox/sandbox-client.ts"];
    const markers = helpers.flatMap(markersOf);
    // Enough text to recognise every helper by (a leak of any one of them would show).
    expect(markers.length).toBeGreaterThan(helpers.length);
    expect(markers).toContain("the faucet's mint was not credited in time");
    for (const chunk of chunks) {
      for (const marker of markers) expect(chunk.code.includes(marker), `"${marker}" in ${chunk.file}`).toBe(false);
      expect(chunk.code, chunk.file).not.toMatch(/expected #\{this\}|AssertionError|\bmocha\b|@open-wc\/testing/);
    }
  });

  it("carry no schema and no schema library: the widget reads the contract's route tables and constants only", () => {
    // Crossmint's SDKs bundle their own zod (under their own node_modules); ours must not ship at all.
    for (const chunk of chunks) {
      expect(chunk.modules.filter((m) => m.startsWith("node_modules/zod/")), chunk.file).toEqual([]);
      // A schema's English sentences would be the sign of one: the contract's "must be …" messages.
      expect(chunk.code, chunk.file).not.toContain("must be a 0x-prefixed 20-byte hex address");
    }
  });

  it("load the sandbox adapters only on demand: the entry and the production path never import them", () => {
    const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")) as Record<
      string,
      { file: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; dynamicImports?: string[] }
    >;
    const sandboxAdapters = ["widget/src/auth/sandbox-auth.ts", "widget/src/wallet/sandbox-wallet.ts"];
    // The sandbox wallet's own helpers (its approvals, its passkey prompts and the device key it keeps), imported by nothing else.
    const sandboxOnly = [
      ...sandboxAdapters,
      "widget/src/wallet/sandbox-approvals.ts",
      "widget/src/wallet/passkey-approvals.ts",
      "widget/src/wallet/sandbox-device.ts",
      "widget/src/wallet/device-key-store.ts",
    ];
    for (const src of sandboxAdapters) {
      expect(manifest[src]?.isDynamicEntry, src).toBe(true);
      // Its own chunk: nothing but sandbox code is in it.
      const chunk = chunks.find((c) => c.file === manifest[src]!.file)!;
      const own = chunk.modules.filter((m) => m.startsWith("widget/src/"));
      expect(own, src).toContain(src);
      expect(own.filter((m) => !sandboxOnly.includes(m)), src).toEqual([]);
    }
    // What a page loads by static import from the entry, and from the connection and the Crossmint adapters.
    const closure = (key: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(key)) return seen;
      seen.add(key);
      for (const k of manifest[key]?.imports ?? []) closure(k, seen);
      return seen;
    };
    const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
    const production = ["widget/src/auth/crossmint-auth.ts", "widget/src/wallet/crossmint-wallet.ts"].filter((k) => manifest[k]);
    expect(production.length).toBe(2);
    for (const start of [entry, ...production]) {
      const reached = [...closure(start)];
      for (const src of sandboxOnly) expect(reached, `${start} reaches ${src}`).not.toContain(src);
      const modules = reached.flatMap((k) => chunks.find((c) => c.file === manifest[k]!.file)?.modules ?? []);
      for (const src of sandboxOnly) expect(modules, `${start} holds ${src}`).not.toContain(src);
    }
  });
});

/**
 * The Worker's bundle, likewise: bundled from `wrangler.toml`'s `main` the way wrangler does (esbuild, the
 * reveal frame's files as text, workerd's own modules external), with the bundler's own list of inputs.
 */
describe("the Worker's bundle", () => {
  let inputs: string[] = [];
  let code = "";
  beforeAll(async () => {
    const main = /^main\s*=\s*"([^"]+)"/m.exec(readFileSync("wrangler.toml", "utf8"))![1]!;
    const result = await esbuild({
      entryPoints: [main],
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      conditions: ["workerd", "worker", "browser"],
      mainFields: ["module", "main"],
      external: ["cloudflare:*", "node:*"],
      loader: { ".html": "text", ".css": "text" },
      metafile: true,
      logLevel: "silent",
      plugins: [
        {
          name: "reveal-frame-as-text",
          setup(b) {
            b.onLoad({ filter: /reveal-frame(\.messages)?\.js$/ }, (a) => ({ contents: readFileSync(a.path, "utf8"), loader: "text" }));
          },
        },
      ],
    });
    inputs = Object.keys(result.metafile.inputs);
    code = result.outputFiles[0]!.text;
  }, 120_000);

  it("was built from the Worker's sources", () => {
    expect(inputs).toContain("worker/src/index.ts");
    expect(inputs.filter((i) => i.startsWith("worker/src/")).length).toBeGreaterThan(100);
  });

  it("holds no test support, test library, sandbox or widget code", () => {
    const forbidden = /^(worker\/test|widget|test|demo|bench|scripts)\/|\.test\.ts$|node_modules\/(vitest|@vitest|@cloudflare\/vitest-pool-workers|fast-check|@playwright|playwright|chai|mocha|miniflare|wrangler|prool)\//;
    expect(inputs.filter((i) => forbidden.test(i))).toEqual([]);
  });

  it("carries none of the test helpers' or the sandbox driver's own sentences", () => {
    const helpers = tsFilesIn("worker/test", "worker/test/helpers", "test/support/sandbox");
    const markers = helpers.flatMap(markersOf);
    expect(markers).toContain("the faucet's mint was not credited in time");
    for (const marker of markers) expect(code.includes(marker), `"${marker}" in the Worker's bundle`).toBe(false);
  });

  it("carries its version, not a package manifest (scripts, dependency lists, workspace layout)", () => {
    // A default import of package.json would put the whole file into every deployed Worker.
    expect(code).not.toMatch(/devDependencies|workspaces|"?scripts"?\s*:\s*\{/);
    expect(code).toContain(JSON.parse(readFileSync("worker/package.json", "utf8")).version);
  });
});
