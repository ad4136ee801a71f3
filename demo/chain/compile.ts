/**
 * Compiles the sandbox contracts (`contracts/**\/*.sol`) with solcjs into `artifacts/<Name>.json`
 * (abi + bytecode). Run by `npm run build:contracts`; everything else goes through `loadArtifacts()`,
 * which compiles on demand, so a fresh clone needs no manual step.
 *
 * Re-runs are cheap: the artifacts carry a hash of the sources (ours, and every file they import from
 * `node_modules`: `@account-abstraction/contracts`, `@openzeppelin/contracts`), compiler version and
 * settings, and nothing is recompiled (nor solc even loaded) while that hash matches.
 *
 * The ERC-4337 EntryPoint is not compiled: `entryPointArtifact()` reads the canonical v0.7 build that
 * `@account-abstraction/contracts` ships, which `deploy.ts` puts at its canonical address.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, posix, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Abi, Hex } from "viem";

/** The deployable contracts (one top-level source file each). */
export const contractNames = [
  "TestDollar",
  "CollateralProxy",
  "CollateralFactory",
  "Controller",
  "Coordinator",
  "Erc1271Wallet",
  "SandboxAccountFactory",
  "SandboxAccount",
] as const;
export type ContractName = (typeof contractNames)[number];

export interface ContractArtifact {
  contractName: ContractName;
  sourceName: string;
  abi: Abi;
  bytecode: Hex;
}
export type ContractArtifacts = Record<ContractName, ContractArtifact>;

interface Manifest {
  sourceHash: string;
  solcVersion: string;
  contracts: ContractName[];
}

const here = dirname(fileURLToPath(import.meta.url));
const contractsDir = join(here, "contracts");
export const artifactsDir = join(here, "artifacts");
const manifestPath = join(artifactsDir, "manifest.json");

// Pinned so bytecode does not change with solc's default; anvil and Base both run prague.
const settings = {
  evmVersion: "prague",
  optimizer: { enabled: true, runs: 200 },
  outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
} as const;

async function readSources(): Promise<Record<string, { content: string }>> {
  const entries = await readdir(contractsDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".sol"))
    .map((e) => relative(contractsDir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
  const sources: Record<string, { content: string }> = {};
  for (const file of files) sources[file] = { content: await readFile(join(contractsDir, file), "utf8") };
  await addImportedPackages(sources);
  return Object.fromEntries(Object.entries(sources).sort(([a], [b]) => a.localeCompare(b)));
}

const IMPORT = /^\s*import\s+(?:[^"';]*?\s+from\s+)?["']([^"']+)["']\s*;/gm;
const requireHere = createRequire(import.meta.url);

/**
 * Follows the imports into `node_modules` (solc gets every file up front, no import callback), keyed by
 * the unit names solc uses: `@scope/pkg/path.sol`, with relative imports resolved against the importer.
 */
async function addImportedPackages(sources: Record<string, { content: string }>): Promise<void> {
  const pending = Object.keys(sources);
  while (pending.length) {
    const unit = pending.pop()!;
    for (const [, path] of sources[unit]!.content.matchAll(IMPORT)) {
      const imported = path!.startsWith(".") ? posix.normalize(posix.join(posix.dirname(unit), path!)) : path!;
      if (sources[imported]) continue;
      if (imported.startsWith(".") || !imported.startsWith("@")) throw new Error(`${unit} imports ${path}, which is not in contracts/ or a package`);
      sources[imported] = { content: await readFile(requireHere.resolve(imported), "utf8") };
      pending.push(imported);
    }
  }
}

/** The canonical EntryPoint v0.7 creation code, as `@account-abstraction/contracts` ships it (solc 0.8.23). */
export function entryPointArtifact(): { bytecode: Hex } {
  return requireHere("@account-abstraction/contracts/artifacts/EntryPoint.json") as { bytecode: Hex };
}

function hashInputs(sources: Record<string, { content: string }>, solcVersion: string): string {
  return createHash("sha256").update(JSON.stringify({ solcVersion, settings, sources })).digest("hex");
}

async function readManifest(): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(manifestPath, "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

/** The solc version pinned in package.json, read without loading the 8 MB compiler. */
async function pinnedSolcVersion(): Promise<string> {
  const pkgPath = createRequire(import.meta.url).resolve("solc/package.json");
  return (JSON.parse(await readFile(pkgPath, "utf8")) as { version: string }).version;
}

// Readers may run while another test process writes: write beside, then rename into place.
async function writeAtomically(path: string, content: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}

interface SolcOutput {
  errors?: { severity: "error" | "warning" | "info"; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
}

async function runSolc(sources: Record<string, { content: string }>): Promise<ContractArtifacts> {
  const { default: solc } = await import("solc");
  const output = JSON.parse(
    solc.compile(JSON.stringify({ language: "Solidity", sources, settings })) as string,
  ) as SolcOutput;
  const problems = (output.errors ?? []).filter((e) => e.severity !== "info");
  if (problems.some((e) => e.severity === "error")) {
    throw new Error(`solc failed:\n${problems.map((e) => e.formattedMessage).join("\n")}`);
  }
  for (const warning of problems) console.warn(warning.formattedMessage);

  const artifacts = {} as ContractArtifacts;
  for (const name of contractNames) {
    const sourceName = `${name}.sol`;
    const compiled = output.contracts?.[sourceName]?.[name];
    if (!compiled?.evm.bytecode.object) throw new Error(`solc produced no bytecode for ${name}`);
    artifacts[name] = { contractName: name, sourceName, abi: compiled.abi, bytecode: `0x${compiled.evm.bytecode.object}` };
  }
  return artifacts;
}

async function readArtifacts(): Promise<ContractArtifacts> {
  const artifacts = {} as ContractArtifacts;
  for (const name of contractNames) {
    artifacts[name] = JSON.parse(await readFile(join(artifactsDir, `${name}.json`), "utf8")) as ContractArtifact;
  }
  return artifacts;
}

export interface CompileResult {
  /** False when the sources were unchanged and the existing artifacts were kept. */
  compiled: boolean;
  artifacts: ContractArtifacts;
}

/** Compiles when the sources changed since the last build (or when `force`), then returns the artifacts. */
export async function compileContracts(options: { force?: boolean } = {}): Promise<CompileResult> {
  const [sources, solcVersion] = await Promise.all([readSources(), pinnedSolcVersion()]);
  const sourceHash = hashInputs(sources, solcVersion);
  const upToDate = async () => ((await readManifest())?.sourceHash === sourceHash ? readArtifacts().catch(() => undefined) : undefined);

  if (!options.force) {
    const current = await upToDate();
    if (current) return { compiled: false, artifacts: current };
  }
  // On a fresh clone several test processes want the artifacts at once: one compiles, the others
  // wait for its manifest instead of each running solc.
  await mkdir(artifactsDir, { recursive: true });
  const release = await acquireBuildLock(options.force ? undefined : upToDate);
  if (typeof release !== "function") return { compiled: false, artifacts: release };
  try {
    const artifacts = await runSolc(sources);
    for (const name of contractNames) {
      await writeAtomically(join(artifactsDir, `${name}.json`), `${JSON.stringify(artifacts[name], null, 2)}\n`);
    }
    // The manifest goes last: once it names this hash, every artifact above is in place.
    const next: Manifest = { sourceHash, solcVersion, contracts: [...contractNames] };
    await writeAtomically(manifestPath, `${JSON.stringify(next, null, 2)}\n`);
    await removeStaleArtifacts();
    return { compiled: true, artifacts };
  } finally {
    await release();
  }
}

const lockPath = join(artifactsDir, ".build.lock");
const STALE_LOCK_MS = 60_000;

/**
 * Takes the build lock (an exclusively created file) and returns its release function, or returns
 * the artifacts another process finished building while this one waited.
 */
async function acquireBuildLock(
  builtMeanwhile?: () => Promise<ContractArtifacts | undefined>,
): Promise<(() => Promise<void>) | ContractArtifacts> {
  for (;;) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: "wx" });
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const built = await builtMeanwhile?.();
    if (built) return built;
    const age = await stat(lockPath).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > STALE_LOCK_MS) await rm(lockPath, { force: true }); // its owner died mid-build
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function removeStaleArtifacts(): Promise<void> {
  const keep = new Set<string>(["manifest.json", ...contractNames.map((n) => `${n}.json`)]);
  for (const file of await readdir(artifactsDir)) {
    if (file.endsWith(".json") && !keep.has(file)) await rm(join(artifactsDir, file), { force: true });
  }
}

let loading: Promise<ContractArtifacts> | undefined;

/** The compiled artifacts, compiling first if they are missing or out of date. Memoised per process. */
export function loadArtifacts(): Promise<ContractArtifacts> {
  loading ??= compileContracts().then((r) => r.artifacts);
  loading.catch(() => {
    loading = undefined; // let a later call retry after a failure
  });
  return loading;
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(resolve(entry)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const started = performance.now();
  const { compiled } = await compileContracts({ force: process.argv.includes("--force") });
  const ms = Math.round(performance.now() - started);
  console.log(
    compiled
      ? `Compiled ${contractNames.length} contracts into ${relative(process.cwd(), artifactsDir)} in ${ms} ms`
      : `Contracts unchanged; artifacts in ${relative(process.cwd(), artifactsDir)} are up to date (${ms} ms)`,
  );
}
