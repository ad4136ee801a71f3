import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { completeLock, platformOf } from "./lock-platforms.mjs";

describe("package-lock.json platform builds", () => {
  it("the committed lockfile lists every platform build npm ci expects (run `node scripts/lock-platforms.mjs` after npm install)", () => {
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
    expect(completeLock(lock)).toEqual([]);
  });

  it("reads the platform from a build's name, so npm never fetches a build for another machine", () => {
    expect(platformOf("@rollup/rollup-linux-x64-musl")).toEqual({ os: ["linux"], cpu: ["x64"], libc: ["musl"] });
    expect(platformOf("@rollup/rollup-linux-arm-gnueabihf")).toEqual({ os: ["linux"], cpu: ["arm"], libc: ["glibc"] });
    expect(platformOf("@rollup/rollup-win32-ia32-msvc")).toEqual({ os: ["win32"], cpu: ["ia32"] });
    expect(platformOf("@cloudflare/workerd-windows-64")).toEqual({ os: ["win32"], cpu: ["x64"] });
    expect(platformOf("@foundry-rs/anvil-darwin-amd64")).toEqual({ os: ["darwin"], cpu: ["x64"] });
    expect(platformOf("fsevents")).toBeNull();
  });

  it("places a missing build where npm resolves it from: beside the package, or above it when free", () => {
    const lock = {
      packages: {
        "": {},
        "node_modules/tool": { version: "2.0.0", optionalDependencies: { "@x/tool-darwin-arm64": "2.0.0", "@x/tool-linux-x64": "2.0.0" } },
        "node_modules/@x/tool-linux-x64": { version: "2.0.0", optional: true },
        "node_modules/host/node_modules/tool": { version: "3.0.0", optionalDependencies: { "@x/tool-darwin-arm64": "3.0.0" } },
      },
    };
    expect(completeLock(lock)).toEqual([
      "node_modules/@x/tool-darwin-arm64@2.0.0",
      "node_modules/host/node_modules/@x/tool-darwin-arm64@3.0.0",
    ]);
    expect(lock.packages["node_modules/@x/tool-darwin-arm64" as keyof typeof lock.packages]).toEqual({ version: "2.0.0", optional: true, os: ["darwin"], cpu: ["arm64"] });
  });
});
