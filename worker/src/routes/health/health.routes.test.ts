import { describe, expect, it } from "vitest";
import { BASE, send } from "#test/helpers/api";
import { workerWith } from "#test/helpers/worker-with";

describe("GET /healthz", () => {
  it("answers healthy with the environment and version, reaching D1", async () => {
    const reply = await send(new Request(`${BASE}/healthz`));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ok: true, data: { ok: true, environment: "sandbox" }, errors: [] });
    expect(reply.headers.get("X-Machines-Environment")).toBe("sandbox");
    expect(reply.headers.get("X-Request-Id")).toBe(reply.body.requestId);
  });

  it("answers even when a setting is broken (it needs none)", async () => {
    const reply = await send(new Request(`${BASE}/healthz`), workerWith({ MACHINES_PARTNER_KEY: undefined }));
    expect(reply.status).toBe(200);
  });
});
