import { describe, expect, it } from "vitest";
import { bytesToBase64, bytesToHex } from "../crypto/base64";
import { AppError } from "../errors";
import { decryptCardSecret } from "./card-secret";

/** Encrypts the way Machines documents it: AES-128-GCM, 16-byte IV in base64, base64(ciphertext ‖ tag). */
async function machinesEncrypt(keyBytes: Uint8Array<ArrayBuffer>, plaintext: string) {
  const key = await crypto.subtle.importKey("raw", keyBytes, "AES-GCM", false, ["encrypt"]);
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(plaintext)));
  return { iv: bytesToBase64(iv), data: bytesToBase64(data) };
}

describe("decryptCardSecret", () => {
  it("decrypts a PAN and a CVC encrypted as Machines documents", async () => {
    const key = crypto.getRandomValues(new Uint8Array(16));
    const pan = await machinesEncrypt(key, "4242424242424242");
    expect(atob(pan.data)).toHaveLength(16 + 16);
    expect(await decryptCardSecret(bytesToHex(key), pan)).toBe("4242424242424242");
    expect(await decryptCardSecret(bytesToHex(key), await machinesEncrypt(key, "123"))).toBe("123");
  });

  it("fails as upstream_invalid_response with the wrong key, never echoing the data", async () => {
    const secret = await machinesEncrypt(crypto.getRandomValues(new Uint8Array(16)), "4242424242424242");
    const error = await decryptCardSecret(bytesToHex(crypto.getRandomValues(new Uint8Array(16))), secret).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("upstream_invalid_response");
    expect((error as AppError).message).not.toContain(secret.data);
  });
});
