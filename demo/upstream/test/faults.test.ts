import { describe, expect, it } from "vitest";
import { simulatorOptionsFromEnv } from "../env";
import { parseFaultRules } from "../http/faults";
import { createHarness } from "./harness";

describe("fault injection", () => {
  it("5xx for the next N matching requests, before anything happens upstream", async () => {
    const { call, onboard } = createHarness();
    const { token } = await onboard("faulty");
    const added = await call("POST", "/sandbox/faults", { body: { method: "POST", path: "/cards", kind: "error", status: 502, times: 2 } });
    expect(added.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const reply = await call("POST", "/cards", { token, body: {} });
      expect(reply.status).toBe(502);
      expect(reply.headers.get("x-sandbox-fault")).toBe("error");
      expect(reply.json.ok).toBe(false);
    }
    expect((await call("GET", "/cards", { token })).json.data.cards).toEqual([]);
    expect((await call("POST", "/cards", { token, body: {} })).status).toBe(200);
    expect((await call("GET", "/sandbox/faults")).json.data.faults).toEqual([]);
  });

  it("scoped to one user, leaves everyone else's requests alone", async () => {
    const { call, onboard, session } = createHarness();
    const { token: target } = await onboard("fault-target");
    const { token: bystander } = await onboard("fault-bystander");
    await call("POST", "/sandbox/faults", { body: { path: "/balances", kind: "error", status: 500, userId: "fault-target" } });
    expect((await call("GET", "/balances", { token: bystander })).status).toBe(200);
    expect((await call("GET", "/balances", { token: target })).status).toBe(500);
    // Partner-key routes carry the user in the body.
    await call("POST", "/sandbox/faults", { body: { method: "POST", path: "/sessions", kind: "error", userId: "fault-target", times: 1 } });
    await expect(session("fault-bystander", ["kyc.read"])).resolves.toBeTypeOf("string");
    await expect(session("fault-target", ["kyc.read"])).rejects.toThrow(/session failed/);
  });

  it("rewrites the real reply: values set and members removed by path, * for every element, the status kept or replaced", async () => {
    const { call, onboard } = createHarness();
    const { token } = await onboard("rewritten");
    await call("POST", "/cards", { token, body: {} });
    await call("POST", "/cards", { token, body: {} });
    const rule = {
      method: "GET",
      path: "/cards",
      kind: "rewrite",
      times: 1,
      rewrite: { set: { "data.cards.*.status": "frozen_by_issuer", "data.cards.0.extra": { a: 1 } }, remove: ["data.cards.*.folderId", "data.nextCursor"] },
    };
    expect((await call("POST", "/sandbox/faults", { body: rule })).status).toBe(201);
    const reply = await call("GET", "/cards", { token });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("x-sandbox-fault")).toBe("rewrite");
    expect(reply.json.data.cards.map((c: { status: string }) => c.status)).toEqual(["frozen_by_issuer", "frozen_by_issuer"]);
    expect(reply.json.data.cards[0].extra).toEqual({ a: 1 });
    expect(reply.json.data.cards.some((c: object) => "folderId" in c)).toBe(false);
    expect(reply.json.data).not.toHaveProperty("nextCursor");
    // Used up: the next reply is the simulator's own.
    expect((await call("GET", "/cards", { token })).json.data.cards[0].status).toBe("active");

    await call("POST", "/sandbox/faults", { body: { path: "/balances", kind: "rewrite", status: 409, times: 1, rewrite: { set: { ok: false, summary: "kyc required" } } } });
    const refused = await call("GET", "/balances", { token });
    expect(refused.status).toBe(409);
    expect(refused.json.summary).toBe("kyc required");
  });

  it("refuses a rewrite rule without its rewrite", async () => {
    const { call } = createHarness();
    const reply = await call("POST", "/sandbox/faults", { body: { path: "/cards", kind: "rewrite" } });
    expect(reply.status).toBe(400);
  });

  it("429 with Retry-After", async () => {
    const { call, onboard } = createHarness();
    const { token } = await onboard("limited");
    await call("POST", "/sandbox/faults", { body: { path: "/balances", kind: "rate_limit", retryAfterSeconds: 7 } });
    const reply = await call("GET", "/balances", { token });
    expect(reply.status).toBe(429);
    expect(reply.headers.get("retry-after")).toBe("7");
    expect(reply.json.errors[0].code).toBe("rate_limited");
  });

  it("malformed JSON after the change happened (the create is real, the reply unreadable)", async () => {
    const { call, onboard } = createHarness();
    const { token } = await onboard("garbled");
    await call("POST", "/sandbox/faults", { body: { method: "POST", path: "/partner/v1/cards", kind: "malformed", times: 1 } });
    const reply = await call("POST", "/cards", { token, body: {}, idempotencyKey: "garbled-key" });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/application\/json/);
    expect(() => JSON.parse(reply.text)).toThrow();
    const retry = await call("POST", "/cards", { token, body: {}, idempotencyKey: "garbled-key" });
    expect((await call("GET", "/cards", { token })).json.data.cards.map((c: { cardId: string }) => c.cardId)).toEqual([retry.json.data.cardId]);
  });

  it("latency, glob paths, probability and removal", async () => {
    const { call, onboard, simulator } = createHarness();
    const { token } = await onboard("slow");
    const slow = await call("POST", "/sandbox/faults", { body: { path: "/deposits*", kind: "latency", latencyMs: 120 } });
    const started = Date.now();
    expect((await call("GET", "/deposits/assets", { token })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    await call("DELETE", `/sandbox/faults/${slow.json.data.faults[0].id}`);
    simulator.faults.add({ path: "*", kind: "error", probability: 0 });
    expect((await call("GET", "/balances", { token })).status).toBe(200);
    await call("DELETE", "/sandbox/faults");
    expect(simulator.faults.list()).toEqual([]);
    expect((await call("POST", "/sandbox/faults", { body: { kind: "explode" } })).status).toBe(400);
  });

  it("can be set from SANDBOX_FAULTS without code changes", async () => {
    const options = simulatorOptionsFromEnv({
      SANDBOX_FAULTS: JSON.stringify([{ method: "GET", path: "/kyc/status", kind: "error", status: 500, times: 1 }]),
      SANDBOX_SALT_ENCODING: "hex",
      SANDBOX_COLLATERAL_VERSION: "1",
      SANDBOX_WITHDRAWAL_READY_AFTER_SECONDS: "5",
      SANDBOX_MISSING_CONTRACT_ONCE: "true",
    });
    expect(options).toMatchObject({ saltEncoding: "hex", collateralVersion: 1, withdrawalReadyAfterSeconds: 5, missingContractOnce: true });
    const { call, session, simulator } = createHarness(options);
    expect(simulator.settings.saltEncoding).toBe("hex");
    const token = await session("env-user", ["kyc.read"]);
    expect((await call("GET", "/kyc/status", { token })).status).toBe(500);
    expect((await call("GET", "/kyc/status", { token })).status).toBe(200);
    expect(() => parseFaultRules("{oops")).toThrow(/SANDBOX_FAULTS must be JSON/);
    expect(() => parseFaultRules('{"kind":"boom"}')).toThrow(/SANDBOX_FAULTS: invalid rule at 0.kind/);
    expect(() => simulatorOptionsFromEnv({ SANDBOX_SALT_ENCODING: "base32" })).toThrow(/SANDBOX_SALT_ENCODING must be one of/);
    expect(simulatorOptionsFromEnv({})).toEqual({ faults: [] });
  });
});

describe("Open Responses mode", () => {
  it("wraps the envelope, success or error, keeping the status", async () => {
    const { call, session } = createHarness();
    const token = await session("agent", ["kyc.read"]);
    const reply = await call("GET", "/kyc/status", { token, headers: { "X-Open-Responses": "true", "X-Open-Responses-Call-Id": "call_42" } });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ id: expect.stringMatching(/^resp_/), object: "response", status: "completed", model: "machinescash.partner" });
    const [message, output] = reply.json.output;
    expect(message).toMatchObject({ type: "message", role: "assistant", content: [{ type: "output_text", text: "kyc status", annotations: [], logprobs: [] }] });
    expect(output).toMatchObject({ type: "function_call_output", call_id: "call_42" });
    expect(JSON.parse(output.output)).toMatchObject({ ok: true, summary: "kyc status", data: { status: "not_submitted" } });

    const denied = await call("GET", "/kyc/values", { token: "nope", headers: { "X-Open-Responses": "1" } });
    expect(denied.status).toBe(401);
    expect(JSON.parse(denied.json.output[1].output).errors[0].code).toBe("unauthorized");
    expect((await call("GET", "/kyc/status", { token, headers: { "X-Open-Responses": "0" } })).json.ok).toBe(true);
  });
});
