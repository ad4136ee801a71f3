/**
 * The Worker's local D1 as `wrangler dev` keeps it (a SQLite file under its persist folder), opened
 * read-only with Node's own SQLite, to check what the Worker stored without going through it.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

function sqliteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sqliteFiles(path);
    return name.endsWith(".sqlite") ? [path] : [];
  });
}

/** The D1 database of a `wrangler dev` run persisted to `persistTo` (the one with the Worker's tables). */
export function openLocalD1(persistTo: string): DatabaseSync {
  for (const file of sqliteFiles(join(persistTo, "v3", "d1"))) {
    const db = new DatabaseSync(file, { readOnly: true });
    const found = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'users'").get();
    if (found) return db;
    db.close();
  }
  throw new Error(`no D1 database with a users table under ${persistTo}`);
}
