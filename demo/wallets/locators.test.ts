import { describe, expect, it } from "vitest";
import { LocatorError, parseUserLocator, parseWalletLocator } from "./locators";

describe("wallet locators", () => {
  it("reads an address in any case as its checksummed form", () => {
    expect(parseWalletLocator("0x52908400098527886e0f7030069857d2e4169ee7")).toEqual({
      by: "address",
      address: "0x52908400098527886E0F7030069857D2E4169EE7",
    });
  });

  it("reads owner locators with chain type and optional wallet type", () => {
    expect(parseWalletLocator("email:Ada@Example.com:evm:smart")).toEqual({
      by: "owner",
      owner: { kind: "email", value: "ada@example.com" },
      chainType: "evm",
      type: "smart",
    });
    expect(parseWalletLocator("userId:507f1f77bcf86cd799439011:evm")).toEqual({
      by: "owner",
      owner: { kind: "userId", value: "507f1f77bcf86cd799439011" },
      chainType: "evm",
    });
    expect(parseWalletLocator("userId:abc:solana:mpc")).toMatchObject({ chainType: "solana", type: "mpc" });
    expect(parseWalletLocator("x:@JohnDoe:evm:smart")).toMatchObject({ owner: { kind: "x", value: "johndoe" } });
  });

  it.each([
    ["me:evm:smart", /client-side/],
    ["0x1234", /invalid wallet address/],
    ["userId:abc", /needs a chain type/],
    ["nickname:ada:evm:smart", /owner must be one of/],
    ["email:   :evm:smart", /owner must be one of/],
    ["just-text", /invalid wallet locator/],
  ])("refuses %s", (text, message) => {
    expect(() => parseWalletLocator(text)).toThrow(LocatorError);
    expect(() => parseWalletLocator(text)).toThrow(message);
  });

  it("normalises user locators so one person is one owner", () => {
    expect(parseUserLocator("email: ADA@example.com ")).toEqual({ kind: "email", value: "ada@example.com" });
    expect(parseUserLocator("userId:AbC")).toEqual({ kind: "userId", value: "AbC" });
  });
});
