import { Hono } from "hono";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { okReply } from "../http/reply";
import { runPreflight } from "./preflight";

export const preflightApp = new Hono<AppEnv>();

/** Same bytes? Compared as SHA-256 digests in constant time, so neither the length nor a prefix leaks. */
async function sameSecret(presented: string, expected: string): Promise<boolean> {
  const digest = async (text: string) => crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  const [a, b] = await Promise.all([digest(presented), digest(expected)]);
  return crypto.subtle.timingSafeEqual(a, b);
}

/**
 * `GET /v1/preflight`: checks every upstream and the database with the deployed settings, behind the
 * partner's own `PREFLIGHT_TOKEN` (`Authorization: Bearer …`); absent when that secret is unset. A sample
 * user JWT may come in `X-Sample-Token` (a header: query strings end up in logs), extra contract
 * addresses in `?contract=0x…`. Answers 200 with every check; `data.ok` is false when any failed.
 */
preflightApp.get("/v1/preflight", async (c) => {
  const expected = c.env.PREFLIGHT_TOKEN?.trim();
  if (!expected) throw new AppError("not_found", "no such route");
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("Authorization") ?? "")?.[1];
  if (!presented || !(await sameSecret(presented, expected))) {
    throw new AppError("unauthorized", "the preflight needs Authorization: Bearer <PREFLIGHT_TOKEN>", { field: "Authorization" });
  }
  const checks = await runPreflight({
    settings: c.get("settings"),
    env: c.env,
    sampleToken: c.req.header("X-Sample-Token")?.trim() || null,
    contracts: c.req.queries("contract") ?? [],
  });
  const failures = checks.filter((check) => !check.ok).length;
  return okReply(
    c,
    { ok: failures === 0, environment: c.get("settings").environment, checks },
    failures ? `preflight: ${failures} check${failures === 1 ? "" : "s"} failed` : "preflight: all checks passed",
  );
});
