import { describe, expect, it } from "vitest";
import { normaliseCallParameters } from "./call-parameters";

const PROXY = "0x1111111111111111111111111111111111111111";
const TOKEN = "0x2222222222222222222222222222222222222222";
const RECIPIENT = "0x3333333333333333333333333333333333333333";
const SALT_BASE64 = "7mzxAj4VGlj+HS2PTWA8LZD8Bai8wOspVCybPTf/d2A=";
const SALT_HEX = "0xee6cf1023e151a58fe1d2d8f4d603c2d90fc05a8bcc0eb29542c9b3d37ff7760";
const SALT_BYTES = [
  238, 108, 241, 2, 62, 21, 26, 88, 254, 29, 45, 143, 77, 96, 60, 45, 144, 252, 5, 168, 188, 192, 235, 41, 84, 44, 155, 61, 55, 255, 119, 96,
];
const EXECUTOR_SIGNATURE = `0x${"ab".repeat(65)}`;
const PARAMETERS = [PROXY, TOKEN, "5000", RECIPIENT, 1716400000, SALT_BASE64, EXECUTOR_SIGNATURE];

const EXPECTED = {
  collateralProxy: PROXY,
  asset: TOKEN,
  amount: 5000n,
  recipient: RECIPIENT,
  expiresAt: 1716400000,
  executorSalt: SALT_HEX,
  executorSignature: EXECUTOR_SIGNATURE,
};

describe("normaliseCallParameters", () => {
  it("reads data.parameters", () => {
    expect(normaliseCallParameters({ parameters: PARAMETERS })).toEqual({ ok: true, value: EXPECTED });
  });

  it("prefers data.parameters over signature.parameters", () => {
    const other = [...PARAMETERS];
    other[2] = "1";
    expect(normaliseCallParameters({ parameters: PARAMETERS, signature: { parameters: other } })).toEqual({ ok: true, value: EXPECTED });
  });

  it.each([
    ["{data, salt, parameters} (new reference)", { data: EXECUTOR_SIGNATURE, salt: SALT_BASE64, parameters: PARAMETERS }],
    ["{expiresAt, parameters} (example type)", { expiresAt: 1716400000, parameters: PARAMETERS }],
  ])("falls back to signature.parameters in the %s form", (_, signature) => {
    expect(normaliseCallParameters({ parameters: null, signature })).toEqual({ ok: true, value: EXPECTED });
    expect(normaliseCallParameters({ parameters: [], signature })).toEqual({ ok: true, value: EXPECTED });
    expect(normaliseCallParameters({ signature })).toEqual({ ok: true, value: EXPECTED });
  });

  it("accepts the string and {data, salt} signature forms next to top-level parameters", () => {
    expect(normaliseCallParameters({ parameters: PARAMETERS, signature: EXECUTOR_SIGNATURE })).toEqual({ ok: true, value: EXPECTED });
    expect(normaliseCallParameters({ parameters: PARAMETERS, signature: { data: EXECUTOR_SIGNATURE, salt: SALT_HEX } })).toEqual({
      ok: true,
      value: EXPECTED,
    });
  });

  it("normalises every salt and expiry encoding to the same call", () => {
    const variants = [
      [PROXY, TOKEN, 5000, RECIPIENT, "1716400000", SALT_HEX, EXECUTOR_SIGNATURE],
      [PROXY, TOKEN, "5000", RECIPIENT, "2024-05-22T17:46:40Z", SALT_BYTES, EXECUTOR_SIGNATURE],
    ];
    for (const parameters of variants) expect(normaliseCallParameters({ parameters })).toEqual({ ok: true, value: EXPECTED });
  });

  it("refuses a reply with no parameters anywhere", () => {
    for (const reply of [{}, { parameters: null, signature: null }, { signature: EXECUTOR_SIGNATURE }, { signature: { data: EXECUTOR_SIGNATURE, salt: SALT_HEX } }]) {
      expect(normaliseCallParameters(reply)).toMatchObject({ ok: false, problem: { code: "upstream_invalid_response", field: "parameters" } });
    }
  });

  it("refuses anything but 7 elements (the Stellar form has 8)", () => {
    expect(normaliseCallParameters({ parameters: [...PARAMETERS, PROXY] })).toEqual({
      ok: false,
      problem: { code: "upstream_invalid_response", field: "parameters", message: "parameters must have 7 elements on EVM, got 8" },
    });
    expect(normaliseCallParameters({ signature: { parameters: PARAMETERS.slice(0, 6) } })).toMatchObject({
      ok: false,
      problem: { field: "signature.parameters" },
    });
  });

  it.each([
    [0, "0xCollateralProxy"],
    [1, "0xToken"],
    [2, "-5"],
    [3, "0xRecipient"],
    [4, "soon"],
    [5, "0xExecutorSalt"],
    [6, "0xExecutorSignature"],
  ])("names parameters[%i] when it is the docs' placeholder", (index, value) => {
    const parameters = [...PARAMETERS];
    parameters[index] = value;
    expect(normaliseCallParameters({ parameters })).toMatchObject({
      ok: false,
      problem: { code: "upstream_invalid_response", field: `parameters[${index}]` },
    });
    expect(normaliseCallParameters({ signature: { parameters } })).toMatchObject({
      ok: false,
      problem: { field: `signature.parameters[${index}]` },
    });
  });
});
