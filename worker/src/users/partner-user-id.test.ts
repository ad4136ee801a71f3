import { describe, expect, it } from "vitest";
import { partnerUserIdFor } from "./partner-user-id";

describe("partnerUserIdFor", () => {
  it("is deterministic, opaque and Machines-sized", async () => {
    const id = await partnerUserIdFor("crossmint-user-123");
    expect(id).toMatch(/^mc_[0-9a-f]{32}$/);
    expect(await partnerUserIdFor("crossmint-user-123")).toBe(id);
    expect(id).not.toContain("crossmint-user-123");
    expect(id.length).toBeLessThanOrEqual(120);
  });

  it("differs between people", async () => {
    expect(await partnerUserIdFor("a")).not.toBe(await partnerUserIdFor("b"));
  });
});
