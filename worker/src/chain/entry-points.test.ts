import { describe, expect, it } from "vitest";
import { DEFAULT_ENTRY_POINTS, readEntryPoints } from "./entry-points";

describe("CHAIN_ENTRY_POINTS", () => {
  it("always trusts the canonical v0.6 and v0.7 EntryPoints", () => {
    expect(DEFAULT_ENTRY_POINTS).toEqual(["0x5FF137D4b0FDCD49DcA30c7CF57E578a026d2789", "0x0000000071727De22E5E9d8BAf0edAc6f37da032"]);
    expect(readEntryPoints("")).toEqual({ ok: true, value: DEFAULT_ENTRY_POINTS });
  });

  it("adds the listed ones once each, checksummed, and refuses anything that is not an address", () => {
    const sandbox = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";
    expect(readEntryPoints(` ${sandbox}, 0x0000000071727de22e5e9d8baf0edac6f37da032 ,`)).toEqual({
      ok: true,
      value: [...DEFAULT_ENTRY_POINTS, "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"],
    });
    expect(readEntryPoints("0x1234, nope")).toEqual({ ok: false, message: "must be comma-separated 0x addresses" });
  });
});
