import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { artifactsDir, compileContracts, contractNames, loadArtifacts } from "./compile";

describe("contract build", () => {
  it("writes an artifact (abi + creation bytecode) per deployable contract", async () => {
    const artifacts = await loadArtifacts();
    for (const name of contractNames) {
      const onDisk = JSON.parse(await readFile(join(artifactsDir, `${name}.json`), "utf8"));
      expect(onDisk).toEqual(artifacts[name]);
      expect(onDisk.bytecode).toMatch(/^0x[0-9a-f]{200,}$/);
      expect(onDisk.abi.length).toBeGreaterThan(0);
    }
  });

  it("does not recompile while the sources are unchanged", async () => {
    const before = await loadArtifacts();
    const { compiled, artifacts } = await compileContracts();
    expect(compiled).toBe(false);
    expect(artifacts).toEqual(before);
  });
});
