#!/usr/bin/env node
// Completes package-lock.json with the platform builds the npm registry here does not carry.
//
// Packages such as rollup, workerd and anvil ship one optional package per platform
// (`@rollup/rollup-darwin-arm64`, `@cloudflare/workerd-windows-64`, …). The registry these machines use
// lags behind and lacks many of them, so `npm install` leaves them out of the lockfile, and `npm ci`
// then refuses the lockfile as out of sync ("Missing: … from lock file"). Each missing build is added
// here with the `os`/`cpu`/`libc` it is for, so npm knows it does not apply to this machine and never
// fetches it (on the platforms it is for, npm fetches it from the registry as usual).
//
// Idempotent; no network. `.ci/run` runs it before `npm ci`; run it after `npm install` changes the lock.
import { readFileSync, writeFileSync } from "node:fs";

const OS = { darwin: "darwin", linux: "linux", win32: "win32", windows: "win32", android: "android", freebsd: "freebsd", openbsd: "openbsd", openharmony: "openharmony" };
const CPU = { x64: "x64", 64: "x64", amd64: "x64", arm64: "arm64", arm: "arm", ia32: "ia32", loong64: "loong64", ppc64: "ppc64", riscv64: "riscv64", s390x: "s390x" };

/** The platform a build is for, from its name (`rollup-linux-arm-musleabihf`, `workerd-windows-64`, `anvil-darwin-amd64`). */
export function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const osIndex = parts.findIndex((part) => part in OS);
  if (osIndex < 0 || !(parts[osIndex + 1] in CPU)) return null;
  const abi = parts.slice(osIndex + 2).join("-");
  const platform = { os: [OS[parts[osIndex]]], cpu: [CPU[parts[osIndex + 1]]] };
  if (OS[parts[osIndex]] === "linux" && abi) platform.libc = [abi.startsWith("musl") ? "musl" : "glibc"];
  return platform;
}

/** The folders npm looks in for a dependency of the package at `path`, nearest first. */
function lookupChain(path, name) {
  const chain = [];
  let dir = path;
  for (;;) {
    chain.push(dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`);
    if (!dir) return chain;
    const cut = dir.lastIndexOf("/node_modules/");
    dir = cut < 0 ? "" : dir.slice(0, cut);
  }
}

export function completeLock(lock) {
  const packages = lock.packages;
  const added = [];
  for (const [path, entry] of Object.entries(packages)) {
    if (!path) continue;
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const chain = lookupChain(path, name);
      // Resolved already: the nearest package of that name is the wanted version.
      const nearest = chain.find((at) => packages[at]);
      if (nearest && packages[nearest].version === version) continue;
      // Where npm would put it: as high as it can go before a folder that holds another version.
      let target;
      for (const at of chain) {
        if (packages[at]) break;
        target = at;
      }
      const platform = platformOf(name);
      if (!target || !platform) continue;
      packages[target] = { version, optional: true, ...platform };
      added.push(`${target}@${version}`);
    }
  }
  return added;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
  const added = completeLock(lock);
  if (added.length) {
    // npm keeps packages sorted by path.
    lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
    writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
  }
  console.log(added.length ? `package-lock.json: added ${added.length} platform builds the registry lacks` : "package-lock.json: complete");
}
