import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BASE } from "../test/helpers/api";
import type { MachinesCardBindings } from "../types/index";
import type { Bindings } from "./env";
import { createMachinesCardWorker } from "./index";

/** A partner's own Worker env: their names, with the card's database under another binding. */
interface HostEnv extends Omit<Bindings, "DB"> {
  CARD_DB: D1Database;
  SITE_TITLE: string;
}

async function fetchFrom(worker: ReturnType<typeof createMachinesCardWorker<HostEnv>>, path: string, hostEnv: HostEnv, init?: RequestInit) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${BASE}${path}`, init), hostEnv, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe("createMachinesCardWorker (a partner mounting the Worker inside theirs)", () => {
  const { DB, ...rest } = env;
  const hostEnv: HostEnv = { ...rest, CARD_DB: DB, SITE_TITLE: "Shop" };
  const worker = createMachinesCardWorker<HostEnv>({ basePath: "/card/", bindings: ({ CARD_DB, ...others }) => ({ ...others, DB: CARD_DB }) });

  it("serves the Worker's routes under the base path, with the host's env mapped to its bindings", async () => {
    const health = await fetchFrom(worker, "/card/healthz", hostEnv);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { data: { ok: boolean } }).data.ok).toBe(true);
    const config = await fetchFrom(worker, "/card/v1/config", hostEnv, { headers: { Origin: "https://shop.example" } });
    expect(config.status).toBe(200);
    expect(((await config.json()) as { data: { originAllowed: boolean } }).data.originAllowed).toBe(true);
  });

  it("does not answer paths outside its base as its own routes", async () => {
    expect((await fetchFrom(worker, "/v1/config", hostEnv)).status).toBe(404);
    expect((await fetchFrom(worker, "/cardigan/healthz", hostEnv)).status).toBe(404);
  });

  it("is the default export without options", async () => {
    const plain = createMachinesCardWorker();
    const ctx = createExecutionContext();
    const res = await plain.fetch(new Request(`${BASE}/healthz`), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
  });
});

// The published types (worker/types/index.d.ts) name every binding the Worker reads: a binding added to
// env.ts and not there fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const bindingsInStep: Same<keyof MachinesCardBindings, keyof Bindings> = true;
void bindingsInStep;
