import { env } from "cloudflare:test";
import { workerWith } from "./worker-with";

/** D1 with a count of the statements prepared on it (each one is a query). */
export function countingDb(db: D1Database) {
  let queries = 0;
  const proxy = new Proxy(db, {
    get(target, property) {
      if (property === "prepare") {
        return (sql: string) => {
          queries++;
          return target.prepare(sql);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: proxy, queries: () => queries };
}

/**
 * The Worker as a new isolate would run it: a fresh bindings object (its per-isolate caches start empty:
 * settings, users, opened tokens), on the same D1, counting the queries it makes.
 *
 * @example
 * const isolate = freshIsolate();
 * await call("getBalances", { token, fetcher: isolate.fetcher });
 * expect(isolate.queries()).toBe(1);
 */
export function freshIsolate() {
  const counted = countingDb(env.DB);
  return { fetcher: workerWith({ DB: counted.db } as never), queries: counted.queries };
}
