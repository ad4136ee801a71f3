import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { WalletsState, WalletsStateStore } from "./wallets-state";

/** Keeps the wallets registry in `<dir>/wallets.json` (no keys in it; written atomically). Node only. */
export function fileWalletsStore(dir: string): WalletsStateStore {
  const file = join(dir, "wallets.json");
  let queue: Promise<void> = Promise.resolve();
  return {
    async load() {
      try {
        return JSON.parse(await readFile(file, "utf8")) as WalletsState;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw e;
      }
    },
    save(state) {
      // One save at a time, so an older state never overwrites a newer one.
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
