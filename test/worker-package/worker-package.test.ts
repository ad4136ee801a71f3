import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../worker/test/test-sandbox";

/**
 * The published Worker as a partner gets it: `npm pack` of worker/ (prepack bundles it), `init` from the
 * packed CLI into an empty folder, an offline install of the tarball alone, and `wrangler deploy --dry-run`
 * of each environment (wrangler from this repository: the partner's own comes from the registry).
 */
const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");
const wrangler = join(root, "node_modules", ".bin", "wrangler");
let work: string;
let project: string;
let tarball: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "worker-package-"));
  await run("npm", ["pack", "--pack-destination", work], { cwd: join(root, "worker") });
  tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!);
  await run("tar", ["-xzf", tarball, "-C", work]);
  project = join(work, "project");
  await run(process.execPath, [join(work, "package", "bin", "machines-card-worker.mjs"), "init", project, "--name", "card-test"]);
  // The tarball alone, offline: the scaffold's registry range stands for the published version, and
  // wrangler (a dev dependency) is this repository's.
  const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8"));
  expect(manifest.dependencies["@machines-card/worker"]).toMatch(/^\^\d+\.\d+\.\d+$/);
  expect(Object.keys(manifest.devDependencies)).toEqual(["wrangler"]);
  manifest.dependencies["@machines-card/worker"] = `file:${tarball}`;
  delete manifest.devDependencies;
  writeFileSync(join(project, "package.json"), JSON.stringify(manifest, null, 2));
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund"], { cwd: project });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("@machines-card/worker, packed", () => {
  it("ships a bundle, its migrations, types and the CLI, and no TypeScript sources", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const shipped = files(join(work, "package")).map((f) => f.slice(join(work, "package").length + 1));
    expect(shipped).toEqual(expect.arrayContaining(["dist/index.js", "types/index.d.ts", "bin/machines-card-worker.mjs", "migrations/0001_users.sql"]));
    expect(shipped.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.startsWith("template/"))).toEqual([]);
    expect(shipped.filter((f) => f.startsWith("migrations/")).sort()).toEqual(readdirSync(join(root, "worker", "migrations")).map((f) => `migrations/${f}`).sort());
    const manifest = JSON.parse(readFileSync(join(work, "package", "package.json"), "utf8"));
    expect(manifest.dependencies ?? {}).toEqual({});
    // Everything the Worker runs on is inside the bundle: no bare import left for a resolver to find.
    const bundle = readFileSync(join(work, "package", "dist", "index.js"), "utf8");
    expect(bundle.match(/^\s*import\b[^;]*?from\s*["'][^"'.][^"']*["']/gm) ?? []).toEqual([]);
  });

  it("installs alone: node_modules holds the package and nothing of the repository's test or sandbox tooling", () => {
    expect(readdirSync(join(project, "node_modules")).filter((n) => !n.startsWith("."))).toEqual(["@machines-card"]);
    for (const tool of ["vitest", "@foundry-rs", "playwright", "solc", "@pimlico", "workerd", "viem", "hono"]) {
      expect(existsSync(join(project, "node_modules", tool)), tool).toBe(false);
    }
  });

  it("scaffolds the migrations, .dev.vars.example with placeholders only, and observability", () => {
    expect(readdirSync(join(project, "migrations")).sort()).toEqual(readdirSync(join(root, "worker", "migrations")).sort());
    const devVars = readFileSync(join(project, ".dev.vars.example"), "utf8");
    for (const name of ["MACHINES_PARTNER_KEY", "CROSSMINT_SERVER_KEY", "DATA_ENCRYPTION_KEY", "PREFLIGHT_TOKEN"]) {
      expect(devVars).toMatch(new RegExp(`^${name}=<[^>]+>$`, "m"));
    }
    expect(readFileSync(join(project, "wrangler.jsonc"), "utf8")).toContain('"observability": { "enabled": true }');
  });

  it("ships wrangler types that match wrangler.jsonc, naming only the package's settings; the check fails on a binding added without regenerating", async () => {
    // The check as the scaffold runs it (`npm run types:check`), with this repository's wrangler; the
    // secrets come from .dev.vars, which a partner copies from .dev.vars.example.
    const script: string = JSON.parse(readFileSync(join(project, "package.json"), "utf8")).scripts["types:check"];
    const [command, ...args] = script.split(" ");
    expect(command).toBe("wrangler");
    const env = { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" };
    const copy = join(work, "types-check");
    cpSync(project, copy, { recursive: true, filter: (f) => !f.includes("node_modules") });
    cpSync(join(copy, ".dev.vars.example"), join(copy, ".dev.vars"));
    const { stdout } = await run(wrangler, args, { cwd: copy, env });
    expect(stdout).toContain("up to date");

    const generated = readFileSync(join(copy, "worker-configuration.d.ts"), "utf8");
    const start = generated.indexOf("interface __BaseEnv_Env {");
    const base = generated.slice(start, generated.indexOf("}", start));
    const named = [...base.matchAll(/^\t(\w+)\??:/gm)].map((m) => m[1]);
    expect(named).toEqual(expect.arrayContaining(["DB", "COLLATERAL_TOKEN_ADDRESS", "WITHDRAWAL_CALL_TARGETS", "PREFLIGHT_TOKEN"]));
    const types = readFileSync(join(work, "package", "types", "index.d.ts"), "utf8");
    const known = types.slice(types.indexOf("interface MachinesCardBindings {"), types.indexOf("}", types.indexOf("interface MachinesCardBindings {")));
    expect(named.filter((name) => !new RegExp(`^\\s+${name}\\??:`, "m").test(known))).toEqual([]);

    // A var added to wrangler.jsonc without `npm run types`: the check says so.
    const config = join(copy, "wrangler.jsonc");
    writeFileSync(config, readFileSync(config, "utf8").replace('"vars": {', '"vars": {\n    "UPSTREAM_TIMEOUT_MS": "9000",'));
    const stale = await run(wrangler, args, { cwd: copy, env }).catch((e) => e);
    expect(stale.code).toBe(1);
    expect(`${stale.stdout}${stale.stderr}`).toContain("out of date");
  }, 60_000);

  it.each([
    ["staging", { ENVIRONMENT: "sandbox", CHAIN_ID: "84532", MACHINES_API_BASE: "https://dev-api.machines.cash/partner...", CROSSMINT_API_BASE: "https://staging.crossmint.com", COLLATERAL_TOKEN_ADDRESS: "0x10b5Be494C2962A7B318aFB63f0Ee30b959...", TEST_FUNDS_TOKEN_ADDRESS: "0x10b5Be494C2962A7B318aFB63f0Ee30b959..." }],
    ["production", { ENVIRONMENT: "production", CHAIN_ID: "8453", MACHINES_API_BASE: "https://api.machines.cash/partner/v1", CROSSMINT_API_BASE: "https://www.crossmint.com", COLLATERAL_TOKEN_ADDRESS: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA..." }],
  ] as const)("builds for %s with that environment's public values", async (environment, vars) => {
    const { stdout } = await run(wrangler, ["deploy", "--dry-run", "--env", environment, "--outdir", join(work, `out-${environment}`)], {
      cwd: project,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    });
    expect(stdout).toContain(`env.DB (card-test-${environment})`);
    for (const binding of ["REVEAL_RATE_LIMIT", "KYC_SUBMIT_RATE_LIMIT", "WITHDRAWAL_CREATE_RATE_LIMIT"]) expect(stdout).toContain(`env.${binding}`);
    for (const [name, value] of Object.entries(vars)) expect(stdout).toContain(`env.${name} ("${value}`);
    // Test money never reaches production's settings.
    if (environment === "production") expect(stdout).not.toContain("TEST_FUNDS_TOKEN_ADDRESS");
    expect(stdout).toContain("--dry-run: exiting now.");
    expect(readdirSync(join(work, `out-${environment}`))).toContain("index.js");
  }, 60_000);
});

/** A free TCP port on loopback. */
async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describe("the scaffolded project, run with wrangler dev against the local sandbox", () => {
  let sandbox: TestSandbox;
  let dev: ChildProcess;
  let url: string;
  const preflightToken = "scaffold-preflight-token";

  beforeAll(async () => {
    sandbox = await startTestSandbox({ partnerKey: "sk_scaffold_partner", crossmintServerKey: "sk_scaffold_crossmint", bundler: false });
    // The partner's own secrets, as .dev.vars; the sandbox's URLs in place of the staging ones.
    writeFileSync(
      join(project, ".dev.vars"),
      [
        `MACHINES_PARTNER_KEY=${sandbox.partnerKey}`,
        `CROSSMINT_SERVER_KEY=${sandbox.crossmintServerKey}`,
        `DATA_ENCRYPTION_KEY=${Buffer.from("scaffold-test-data-key-32-bytes!").toString("base64")}`,
        `PREFLIGHT_TOKEN=${preflightToken}`,
      ].join("\n"),
    );
    const reply = (await (await fetch(`${sandbox.url}/sandbox/chain`)).json()) as { data?: Record<string, string> } & Record<string, string>;
    const chain = reply.data ?? reply;
    const vars = {
      MACHINES_API_BASE: sandbox.machinesApiBase,
      CROSSMINT_JWKS_URL: sandbox.jwksUrl,
      CROSSMINT_ISSUER: sandbox.identityIssuer,
      CROSSMINT_AUDIENCE: sandbox.identityAudience,
      CROSSMINT_API_BASE: sandbox.crossmintApiBase,
      CHAIN_RPC_URL: sandbox.rpcUrl,
      CHAIN_ID: String(sandbox.chainId),
      SANDBOX_URL: sandbox.url,
      // The template's Base Sepolia addresses have no code on the sandbox's chain: its own contracts instead.
      COLLATERAL_TOKEN_ADDRESS: chain.tokenAddress,
      WITHDRAWAL_CALL_TARGETS: `${chain.controllerAddress},${chain.coordinatorAddress}`,
      TEST_FUNDS_TOKEN_ADDRESS: chain.tokenAddress,
    };
    const persist = join(work, "state");
    const env = { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: "1" };
    await run(wrangler, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persist], { cwd: project, env });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const args = ["dev", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persist, "--show-interactive-dev-session=false"];
    for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
    dev = spawn(wrangler, args, { cwd: project, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    await new Promise<void>((ready, failed) => {
      const timer = setTimeout(() => failed(new Error(`wrangler dev did not start:\n${output}`)), 60_000);
      const watch = (chunk: Buffer) => {
        output += chunk;
        if (output.includes("Ready on")) {
          clearTimeout(timer);
          ready();
        }
      };
      dev.stdout!.on("data", watch);
      dev.stderr!.on("data", watch);
      dev.once("exit", (code) => failed(new Error(`wrangler dev exited (${code}):\n${output}`)));
    });
  }, 150_000);

  afterAll(async () => {
    if (dev && dev.exitCode === null) {
      const exited = new Promise((done) => dev.once("exit", done));
      dev.kill("SIGTERM");
      await exited;
    }
    await sandbox?.stop();
  }, 30_000);

  it("serves /healthz and a signed-in /v1/me", async () => {
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const me = await fetch(`${url}/v1/me`, { headers: { Authorization: `Bearer ${sandbox.tokens.valid}`, Origin: "http://localhost:5173" } });
    const body = (await me.json()) as { ok: boolean; data: { email?: string } };
    expect(me.status, JSON.stringify(body)).toBe(200);
    expect(body.ok).toBe(true);
  }, 60_000);

  it("passes the packed CLI's preflight, and names the setting when the token is wrong", async () => {
    const cli = join(project, "node_modules", ".bin", "machines-card-worker");
    const { stdout } = await run(cli, ["preflight", "--url", url, "--token", preflightToken, "--sample-token", sandbox.tokens.valid]);
    expect(stdout).toMatch(/✓ machines_key/);
    expect(stdout).toMatch(/✓ sample_token/);
    expect(stdout).toMatch(/✓ collateral_token\s+COLLATERAL_TOKEN_ADDRESS/);
    expect(stdout).toMatch(/✓ withdrawal_targets\s+WITHDRAWAL_CALL_TARGETS/);
    expect(stdout).toContain("preflight: all checks passed");
    const refused = await run(cli, ["preflight", "--url", url, "--token", preflightToken, "--sample-token", sandbox.tokens.wrongAudience]).catch((e) => e);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/✗ sample_token\s+CROSSMINT_AUDIENCE/);
  }, 60_000);
});
