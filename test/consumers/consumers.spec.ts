import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";
import { fixtureDir } from "./support/static-server";

/**
 * The packed widget as partners consume it (issue 14 §6): the tarball from `npm pack` (global-setup.ts),
 * installed from the file, offline, into each fixture under test/consumers/<name>/; each fixture
 * type-checks with its own tsconfig, builds with Vite and renders <machines-card> in Chromium against
 * the sandbox Worker, and the page shows the `mc-ready` detail its typed handler received.
 */
const root = resolve(import.meta.dirname, "..", "..");
const tool = (path: string) => join(root, "node_modules", path);
const tarball = () => process.env.CONSUMERS_TARBALL!;
const workerUrl = () => process.env.CONSUMERS_WORKER_URL!;
const pageUrl = (name: string, page = "") => `${process.env.CONSUMERS_PAGE_URL}/${name}/${page}`;
const FIRST_VISIT = { environment: "sandbox", step: "sign-in", signedIn: false };

async function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    return await promisify(execFile)(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`${[command, ...args].join(" ")} failed in ${cwd}:\n${stdout}${stderr}`);
  }
}
const node = (script: string, args: string[], cwd: string, env?: Record<string, string>) => run(process.execPath, [tool(script), ...args], cwd, env);

/**
 * The tarball alone into the fixture: --legacy-peer-deps leaves the peer (Lit) and the app's own
 * packages (React, Vue, Vite) to the repository's node_modules, which `npm ci` installed; no registry.
 */
async function installTarball(dir: string) {
  rmSync(join(dir, "node_modules"), { recursive: true, force: true });
  await run("npm", ["install", tarball(), "--no-save", "--no-package-lock", "--offline", "--legacy-peer-deps", "--no-audit", "--no-fund", "--ignore-scripts"], dir);
  expect(readdirSync(join(dir, "node_modules")).filter((n) => !n.startsWith("."))).toEqual(["machines-card"]);
  // The fixture resolves the installed package, never the repository's workspace link to widget/.
  expect(createRequire(join(dir, "package.json")).resolve("machines-card/package.json")).toBe(join(dir, "node_modules", "machines-card", "package.json"));
}

const viteBuild = (dir: string) => node("vite/bin/vite.js", ["build", "--logLevel", "error"], dir, { VITE_MACHINES_CARD_API_BASE: workerUrl() });

/** The page's typed handler wrote the `mc-ready` detail into #ready: the element reached the Worker. */
async function expectReady(page: Page, url: string) {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  await expect(page.locator("#ready")).not.toBeEmpty();
  expect(JSON.parse((await page.locator("#ready").textContent())!)).toEqual(FIRST_VISIT);
  expect(await page.evaluate(() => customElements.get("machines-card")?.name)).toBeTruthy();
  expect(errors).toEqual([]);
}

test.describe("the packed tarball", () => {
  const listing = async () => (await run("tar", ["-tzf", tarball()], root)).stdout.split("\n").filter(Boolean);
  const packed = async () => JSON.parse((await run("tar", ["-xzOf", tarball(), "package/package.json"], root)).stdout);

  test("ships the JavaScript, types, manifest, framework typings, the CDN build and LICENSE; declares Lit as its one peer", async () => {
    const files = await listing();
    for (const file of ["dist/machines-card.js", "dist/element.js", "dist/machines-card.d.ts", "dist/element.d.ts", "dist/custom-elements.json",
      "dist/frameworks/react.d.ts", "dist/frameworks/vue.d.ts", "dist/frameworks/svelte.d.ts", "dist/cdn/machines-card.js", "LICENSE"]) {
      expect(files, file).toContain(`package/${file}`);
    }
    const manifest = await packed();
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.optionalDependencies ?? {}).toEqual({});
    expect(manifest.bundleDependencies ?? manifest.bundledDependencies ?? []).toEqual([]);
    expect(Object.keys(manifest.peerDependencies)).toEqual(["lit"]);
  });

  test("installed into an empty project, adds only Lit (its peer) and Lit's own dependencies", async () => {
    const project = mkdtempSync(join(tmpdir(), "machines-card-empty-"));
    try {
      writeFileSync(join(project, "package.json"), JSON.stringify({ name: "empty", private: true }));
      await run("npm", ["install", tarball(), "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], project);
      const lock = JSON.parse(readFileSync(join(project, "node_modules", ".package-lock.json"), "utf8"));
      const installed = Object.keys(lock.packages).map((path) => path.replace(/^.*node_modules\//, "")).sort();
      const litClosure = new Set<string>();
      const visit = (name: string) => {
        if (litClosure.has(name)) return;
        litClosure.add(name);
        const { dependencies = {} } = JSON.parse(readFileSync(join(project, "node_modules", name, "package.json"), "utf8"));
        Object.keys(dependencies).forEach(visit);
      };
      visit("lit");
      expect(installed).toEqual(["machines-card", ...litClosure].sort());
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  test("Lit is a peer of the npm build (imported, not inside) and inside the CDN build (which imports nothing bare)", async () => {
    const dir = fixtureDir("html");
    await installTarball(dir);
    const dist = join(dir, "node_modules", "machines-card", "dist");
    const read = (sub: string) => readdirSync(join(dist, sub)).filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(dist, sub, f), "utf8"));
    const npmBuild = [...read("."), ...read("chunks")].join("\n");
    const cdnBuild = [...read("cdn"), ...read("cdn/chunks")].join("\n");
    // lit-html records its version in `litHtmlVersions` when it is loaded: the mark of Lit's own code.
    expect(npmBuild).not.toContain("litHtmlVersions");
    expect(npmBuild).toMatch(/from\s*"lit"/);
    expect(cdnBuild).toContain("litHtmlVersions");
    expect(cdnBuild.match(/(?:from|import)\s*\(?\s*"[^".\/][^"]*"/g) ?? []).toEqual([]);
  });
});

test.describe.serial("plain HTML from a CDN, with Subresource Integrity", () => {
  const dir = fixtureDir("html");
  const publish = (page: string, integrity: string) => {
    const html = readFileSync(join(dir, "index.html"), "utf8")
      .replaceAll("{{CDN}}", process.env.CONSUMERS_CDN_URL!)
      .replaceAll("{{INTEGRITY}}", integrity)
      .replaceAll("{{API_BASE}}", workerUrl());
    mkdirSync(join(dir, "dist"), { recursive: true });
    writeFileSync(join(dir, "dist", page), html);
  };
  const sri = (content: Buffer | string) => `sha384-${createHash("sha384").update(content).digest("base64")}`;

  test("publishes the page with the entry's hash", async () => {
    await installTarball(dir);
    rmSync(join(dir, "dist"), { recursive: true, force: true });
    const entry = readFileSync(join(dir, "node_modules", "machines-card", "dist", "cdn", "machines-card.js"));
    publish("index.html", sri(entry));
    publish("tampered.html", sri(Buffer.concat([entry, Buffer.from("\n")])));
  });

  test("renders from the CDN and receives mc-ready", async ({ page }) => {
    await expectReady(page, pageUrl("html"));
  });

  test("a wrong hash blocks the script", async ({ page }) => {
    const refused = page.waitForEvent("console", (message) => /integrity/i.test(message.text()));
    await page.goto(pageUrl("html", "tampered.html"));
    await refused;
    expect(await page.evaluate(() => customElements.get("machines-card"))).toBeUndefined();
    await expect(page.locator("#ready")).toBeEmpty();
  });
});

const APPS = [
  { name: "vite-ts", title: "Vite + TypeScript", check: [["typescript/bin/tsc", "-p", "tsconfig.json"]] },
  {
    name: "react",
    title: "React 19 (TSX)",
    // bundler, node16 and nodenext resolution: the package's exports and declarations hold under each.
    check: ["tsconfig.json", "tsconfig.node16.json", "tsconfig.nodenext.json"].map((config) => ["typescript/bin/tsc", "-p", config]),
  },
  { name: "vue", title: "Vue 3 (vue-tsc checks the template too)", check: [["vue-tsc/bin/vue-tsc.js", "--noEmit", "-p", "tsconfig.json"]] },
];

for (const app of APPS) {
  test.describe.serial(app.title, () => {
    const dir = fixtureDir(app.name);

    test("installs the tarball alone", async () => {
      await installTarball(dir);
    });

    test("type-checks", async () => {
      for (const [script, ...args] of app.check) await node(script!, args, dir);
    });

    test("builds", async () => {
      rmSync(join(dir, "dist"), { recursive: true, force: true });
      await viteBuild(dir);
      expect(readFileSync(join(dir, "dist", "index.html"), "utf8")).toContain("<script");
    });

    test("renders against the sandbox Worker and receives a typed mc-ready", async ({ page }) => {
      await expectReady(page, pageUrl(app.name));
    });
  });
}
