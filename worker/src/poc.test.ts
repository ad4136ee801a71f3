import { SELF } from "cloudflare:test";
import { expect, it } from "vitest";
it("health reads D1", async () => {
  const r = await SELF.fetch("http://x/healthz");
  expect(await r.json()).toEqual({ ok: true, users: 0 });
});
it("can fetch loopback", async () => {
  const r = await SELF.fetch("http://x/probe");
  expect(await r.text()).toBe("hello from node");
});
