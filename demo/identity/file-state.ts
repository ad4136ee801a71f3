import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { IdentityState, IdentityStateStore } from "./identity-state";

/**
 * Keeps the issuer's state in `<dir>/identity.json` (owner-only permissions, written atomically),
 * so a restarted sandbox still accepts the tokens and refresh tokens it issued. Node only.
 */
export function fileIdentityStore(dir: string): IdentityStateStore {
  const file = join(dir, "identity.json");
  let queue: Promise<void> = Promise.resolve();
  return {
    async load() {
      try {
        return JSON.parse(await readFile(file, "utf8")) as IdentityState;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw e;
      }
    },
    save(state) {
      // Saves run one after another, so an older state never overwrites a newer one.
      const run = queue.then(async () => {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(state, null, 2), { mode: 0o600 });
        await rename(tmp, file);
      });
      queue = run.catch(() => {});
      return run;
    },
  };
}
