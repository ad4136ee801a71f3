/** Standard and URL-safe base64 for byte arrays (WebCrypto speaks bytes, JSON and D1 speak text). */

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Accepts standard or URL-safe base64, padded or not; throws on anything else. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const normalised = text.replaceAll("-", "+").replaceAll("_", "/");
  return Uint8Array.from(atob(normalised), (ch) => ch.charCodeAt(0));
}

export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new TypeError("not an even-length hex string");
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
