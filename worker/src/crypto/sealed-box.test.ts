import { describe, expect, it } from "vitest";
import { dataKey, seal, unseal } from "./sealed-box";

const raw = crypto.getRandomValues(new Uint8Array(32));

describe("sealed box (AES-256-GCM for data at rest)", () => {
  it("round-trips, with a fresh IV each time and no plaintext in the output", async () => {
    const key = await dataKey(raw);
    const a = await seal(key, "session-token-value", "user-1:card");
    const b = await seal(key, "session-token-value", "user-1:card");
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(JSON.stringify(a)).not.toContain("session-token-value");
    expect(atob(a.ciphertext)).not.toContain("session-token-value");
    expect(await unseal(key, a, "user-1:card")).toBe("session-token-value");
  });

  it("refuses another context (a row copied to another user or kind)", async () => {
    const key = await dataKey(raw);
    const sealed = await seal(key, "token", "user-1:card");
    await expect(unseal(key, sealed, "user-2:card")).rejects.toThrow();
    await expect(unseal(key, sealed, "user-1:kyc")).rejects.toThrow();
  });

  it("refuses another key and altered ciphertext", async () => {
    const sealed = await seal(await dataKey(raw), "token", "ctx");
    await expect(unseal(await dataKey(crypto.getRandomValues(new Uint8Array(32))), sealed, "ctx")).rejects.toThrow();
    const bytes = Uint8Array.from(atob(sealed.ciphertext), (ch) => ch.charCodeAt(0));
    bytes[0]! ^= 1;
    await expect(unseal(await dataKey(raw), { ...sealed, ciphertext: btoa(String.fromCharCode(...bytes)) }, "ctx")).rejects.toThrow();
  });

  it("imports each raw key once per isolate", async () => {
    expect(dataKey(raw)).toBe(dataKey(raw));
  });
});
