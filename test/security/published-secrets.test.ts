import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SANDBOX_DEFAULTS } from "../../demo/sandbox/defaults";
import { DEFAULT_PARTNER_KEY } from "../../demo/upstream/options";
import { PUBLISHED_SANDBOX_SECRETS } from "../../worker/src/settings/production-checks";

/** The Worker refuses in production every secret this repository publishes for the sandbox: the list must stay complete. */
describe("published sandbox secrets", () => {
  it("lists every secret of .dev.vars.example", () => {
    const example = readFileSync(new URL("../../.dev.vars.example", import.meta.url), "utf8");
    const values = Object.fromEntries(
      example
        .split("\n")
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1).trim()]),
    );
    expect(Object.keys(values).sort()).toEqual(Object.keys(PUBLISHED_SANDBOX_SECRETS).sort());
    for (const [name, value] of Object.entries(values)) {
      expect(PUBLISHED_SANDBOX_SECRETS[name as keyof typeof PUBLISHED_SANDBOX_SECRETS], name).toContain(value);
    }
  });

  it("lists the sandbox's default keys", () => {
    expect(PUBLISHED_SANDBOX_SECRETS.MACHINES_PARTNER_KEY).toContain(DEFAULT_PARTNER_KEY);
    expect(PUBLISHED_SANDBOX_SECRETS.MACHINES_PARTNER_KEY).toContain(SANDBOX_DEFAULTS.partnerKey);
    expect(PUBLISHED_SANDBOX_SECRETS.CROSSMINT_SERVER_KEY).toContain(SANDBOX_DEFAULTS.crossmintServerKey);
  });
});
