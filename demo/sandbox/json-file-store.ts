import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** A sandbox part's state kept in one JSON file, so a restarted sandbox resumes. Node only. */
export interface JsonFileStore<T> {
  /** The saved state, or undefined when there is none yet. */
  load(): Promise<T | undefined>;
  save(state: T): Promise<void>;
}

/**
 * `<dir>/<name>`, owner-only, written atomically (temporary file, then rename) so a Ctrl-C mid-write
 * never leaves a torn file, and one save at a time so an older state never overwrites a newer one.
 */
export function jsonFileStore<T>(dir: string, name: string): JsonFileStore<T> {
  const file = join(dir, name);
  let queue: Promise<void> = Promise.resolve();
  return {
    async load() {
      try {
        return JSON.parse(await readFile(file, "utf8")) as T;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw e;
      }
    },
    save(state) {
      const run = queue.then(async () => {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(state), { mode: 0o600 });
        await rename(tmp, file);
      });
      queue = run.catch(() => {});
      return run;
    },
  };
}
