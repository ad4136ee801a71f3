import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_DEPLOYER_PRIVATE_KEY, SANDBOX_EXECUTOR_PRIVATE_KEY } from "../../demo/chain/keys";
import { SANDBOX_DEFAULTS } from "../../demo/sandbox/defaults";
import { DEFAULT_SESSION_SECRET } from "../../demo/upstream";
import { DEFAULT_WALLET_SEED } from "../../demo/wallets/wallet-keys";
import { TEST_CROSSMINT_SERVER_KEY, TEST_PARTNER_KEY } from "../../worker/test/test-keys";

/**
 * What a partner serves to browsers: the widget's build (entry, every chunk, its declarations and
 * manifest), made into a folder of its own the way `npm run build:widget` makes `dist/`. Nothing in it may
 * carry a partner key, a server key, a data key, a sandbox secret or any private key, nor know how to
 * reach Machines directly.
 */
let dist: string;
let files: { path: string; text: string }[];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const dotEnvValues = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.slice(line.indexOf("=") + 1).replace(/^"|"$/g, ""))
    .filter((value) => value.length >= 8);

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "machines-card-security-dist-"));
  await build({ logLevel: "silent", build: { outDir: dist, emptyOutDir: true } });
  files = walk(dist).map((path) => ({ path: relative(dist, path), text: readFileSync(path, "latin1") }));
}, 180_000);

afterAll(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe("the built widget", () => {
  it("has an entry and step chunks to scan", () => {
    expect(files.map((f) => f.path)).toContain("machines-card.js");
    expect(files.filter((f) => f.path.startsWith("chunks/")).length).toBeGreaterThan(5);
  });

  it("carries no key, secret or seed of the Worker or the sandbox", () => {
    const secrets: [string, string][] = [
      ["the sandbox partner key", SANDBOX_DEFAULTS.partnerKey],
      ["the sandbox Crossmint server key", SANDBOX_DEFAULTS.crossmintServerKey],
      ["the Machines simulator's secret", DEFAULT_SESSION_SECRET],
      ["the sandbox wallets' seed", DEFAULT_WALLET_SEED],
      ["the test partner key", TEST_PARTNER_KEY],
      ["the test Crossmint server key", TEST_CROSSMINT_SERVER_KEY],
      ...dotEnvValues(".dev.vars.example").map((v, i) => [`.dev.vars.example value ${i + 1}`, v] as [string, string]),
    ];
    for (const file of files) {
      for (const [name, secret] of secrets) expect(file.text.includes(secret), `${name} in ${file.path}`).toBe(false);
    }
  });

  it("carries no private key: not the sandbox's, no PEM, no private JWK", () => {
    for (const file of files) {
      for (const key of [SANDBOX_DEPLOYER_PRIVATE_KEY, SANDBOX_EXECUTOR_PRIVATE_KEY]) {
        expect(file.text.toLowerCase().includes(key.slice(2).toLowerCase()), `a sandbox private key in ${file.path}`).toBe(false);
      }
      expect(file.text, file.path).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
      expect(file.text, file.path).not.toMatch(/"d"\s*:\s*"[A-Za-z0-9_-]{20,}"/);
      expect(file.text, file.path).not.toMatch(/privateKeyToAccount|mnemonicToAccount/);
    }
  });

  it("never talks to Machines itself: no partner-key header, no partner API path or host", () => {
    for (const file of files.filter((f) => f.path.endsWith(".js"))) {
      expect(file.text, file.path).not.toMatch(/x-partner-key/i);
      expect(file.text, file.path).not.toMatch(/\/partner\/v1|api\.machines\.cash|dev-api\.machines\.cash/);
    }
  });
});
