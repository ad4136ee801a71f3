import { describe, expect, it } from "vitest";
import {
  normaliseAddress,
  normaliseAmount,
  normaliseExpiresAt,
  normaliseSalt,
  normaliseSignatureBytes,
} from "./parameter-encodings";

// Rain's sample salt (evm-withdrawals.md section 2) in its three encodings.
const SALT_BASE64 = "7mzxAj4VGlj+HS2PTWA8LZD8Bai8wOspVCybPTf/d2A=";
const SALT_HEX = "0xee6cf1023e151a58fe1d2d8f4d603c2d90fc05a8bcc0eb29542c9b3d37ff7760";
const SALT_BYTES = [
  238, 108, 241, 2, 62, 21, 26, 88, 254, 29, 45, 143, 77, 96, 60, 45, 144, 252, 5, 168, 188, 192, 235, 41, 84, 44, 155, 61, 55, 255, 119, 96,
];

describe("normaliseSalt", () => {
  it("reads base64, 0x-hex and a byte array as the same 32 bytes", () => {
    expect(normaliseSalt(SALT_BASE64, "s")).toEqual({ ok: true, value: SALT_HEX });
    expect(normaliseSalt(SALT_HEX, "s")).toEqual({ ok: true, value: SALT_HEX });
    expect(normaliseSalt(SALT_HEX.toUpperCase().replace("0X", "0x"), "s")).toEqual({ ok: true, value: SALT_HEX });
    expect(normaliseSalt(SALT_BYTES, "s")).toEqual({ ok: true, value: SALT_HEX });
  });

  it("reads unpadded and URL-safe base64", () => {
    const urlSafe = SALT_BASE64.replace(/\+/g, "-").replace(/\//g, "_");
    expect(normaliseSalt(urlSafe, "s")).toEqual({ ok: true, value: SALT_HEX });
    expect(normaliseSalt(SALT_BASE64.replace(/=+$/, ""), "s")).toEqual({ ok: true, value: SALT_HEX });
  });

  it.each([
    ["the docs' placeholder (read as base64)", "0xExecutorSalt", "parameters[5] must be 32 bytes, got 10"],
    ["31 bytes of base64", btoa("x".repeat(31)), "parameters[5] must be 32 bytes, got 31"],
    ["33 bytes of base64", btoa("x".repeat(33)), "parameters[5] must be 32 bytes, got 33"],
    ["short hex (read as base64)", "0x1234", "parameters[5] must be 32 bytes, got 4"],
    ["31 numbers", SALT_BYTES.slice(1), "parameters[5] must be 32 bytes, got 31"],
    ["a number above 255", [...SALT_BYTES.slice(1), 256], "parameters[5] must be an array of byte values (0-255)"],
    ["a fraction", [...SALT_BYTES.slice(1), 1.5], "parameters[5] must be an array of byte values (0-255)"],
    ["a number", 42, "parameters[5] must be base64, 0x-hex or an array of 32 bytes"],
    ["an empty string", "", "parameters[5] is neither 0x-prefixed 32-byte hex nor base64"],
    ["base64 with a bad character", `${SALT_BASE64.slice(0, 10)}*${SALT_BASE64.slice(11)}`, "parameters[5] is neither 0x-prefixed 32-byte hex nor base64"],
  ])("refuses %s", (_, value, message) => {
    expect(normaliseSalt(value, "parameters[5]")).toEqual({
      ok: false,
      problem: { code: "upstream_invalid_response", field: "parameters[5]", message },
    });
  });
});

describe("normaliseExpiresAt", () => {
  it("keeps numbers, reads digit strings and converts ISO date-times to unix seconds", () => {
    expect(normaliseExpiresAt(1716400000, "e")).toEqual({ ok: true, value: 1716400000 });
    expect(normaliseExpiresAt("1700000000", "e")).toEqual({ ok: true, value: 1700000000 });
    expect(normaliseExpiresAt("2026-01-01T00:00:00Z", "e")).toEqual({ ok: true, value: 1767225600 });
    expect(normaliseExpiresAt("2026-01-01T00:00:00.999Z", "e")).toEqual({ ok: true, value: 1767225600 });
    expect(normaliseExpiresAt("2026-01-01T02:00:00+02:00", "e")).toEqual({ ok: true, value: 1767225600 });
    // No zone: read as UTC, whatever the machine's zone.
    expect(normaliseExpiresAt("2026-01-01T00:00:00", "e")).toEqual({ ok: true, value: 1767225600 });
  });

  it.each([
    ["a fraction of a second", 1716400000.5],
    ["zero", 0],
    ["a negative number", -5],
    ["a date without a time", "2026-01-01"],
    ["prose", "next tuesday"],
    ["a decimal string", "1700000000.5"],
    ["an impossible date", "2026-13-45T00:00:00Z"],
    ["null", null],
    ["an array", [1]],
  ])("refuses %s", (_, value) => {
    const result = normaliseExpiresAt(value, "parameters[4]");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ code: "upstream_invalid_response", field: "parameters[4]" });
  });
});

describe("normaliseAmount", () => {
  it("takes the signed amount as it is, from a decimal string or a safe integer", () => {
    expect(normaliseAmount("5000", "a")).toEqual({ ok: true, value: 5000n });
    expect(normaliseAmount(10000000, "a")).toEqual({ ok: true, value: 10000000n });
    expect(normaliseAmount("123456789012345678901234567890", "a")).toEqual({ ok: true, value: 123456789012345678901234567890n });
  });

  it.each([["0"], [0], ["-1"], ["1.5"], [1.5], ["1e6"], [2 ** 60], [""], [null], [(2n ** 256n).toString()]])("refuses %j", (value) => {
    expect(normaliseAmount(value, "parameters[2]").ok).toBe(false);
  });
});

describe("normaliseAddress", () => {
  const checksummed = "0x5E7f0d9341756386fC2BEE3acE75B1A56CD2a6D6";

  it("returns the checksum form of lowercase, uppercase and correctly checksummed addresses", () => {
    expect(normaliseAddress(checksummed.toLowerCase(), "a")).toEqual({ ok: true, value: checksummed });
    expect(normaliseAddress(`0x${checksummed.slice(2).toUpperCase()}`, "a")).toEqual({ ok: true, value: checksummed });
    expect(normaliseAddress(checksummed, "a")).toEqual({ ok: true, value: checksummed });
  });

  it("refuses a wrong checksum, the zero address and things that are not addresses", () => {
    const wrongChecksum = checksummed.replace("E7f", "e7F");
    expect(normaliseAddress(wrongChecksum, "parameters[3]")).toEqual({
      ok: false,
      problem: { code: "upstream_invalid_response", field: "parameters[3]", message: "parameters[3] has an invalid EIP-55 checksum" },
    });
    expect(normaliseAddress(`0x${"0".repeat(40)}`, "a").ok).toBe(false);
    expect(normaliseAddress("0xCollateralProxy", "a").ok).toBe(false);
    expect(normaliseAddress(checksummed.slice(0, 41), "a").ok).toBe(false);
    expect(normaliseAddress(42, "a").ok).toBe(false);
  });
});

describe("normaliseSignatureBytes", () => {
  it("accepts 0x-hex bytes, lowercased", () => {
    expect(normaliseSignatureBytes(`0x${"AB".repeat(65)}`, "s")).toEqual({ ok: true, value: `0x${"ab".repeat(65)}` });
  });

  it.each([["0x"], ["0xExecutorSignature"], ["0xabc"], [btoa("sig")], [null]])("refuses %j", (value) => {
    expect(normaliseSignatureBytes(value, "parameters[6]").ok).toBe(false);
  });
});
