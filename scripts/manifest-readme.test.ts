import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The custom-elements manifest is generated from the element's JSDoc; the partner README is written by
// hand. Every attribute, event, part and custom property must be in both, and the committed manifest
// must be what the analyser makes of the source today.

interface Named {
  name: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

// The partner documentation lives in the root README (widget/README.md points there).
const readmePath = "README.md";
let outdir: string;
let generated: { modules: { declarations?: Declaration[] }[] };

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), "machines-card-cem-"));
  // The analyser joins --outdir to the working directory, so give it a relative path to the temporary one.
  execFileSync(process.execPath, ["node_modules/@custom-elements-manifest/analyzer/cem.js", "analyze", "--config", "custom-elements-manifest.config.mjs", "--outdir", relative(process.cwd(), outdir)], {
    stdio: "pipe",
  });
  generated = JSON.parse(readFileSync(join(outdir, "custom-elements.json"), "utf8"));
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

function element(): Declaration {
  const found = generated.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === "machines-card");
  if (!found) throw new Error("the manifest has no machines-card element");
  return found;
}

/** The backticked names in the first column of the tables under a `##`/`###` heading of the README. */
function readmeNames(heading: string): string[] {
  const text = readFileSync(readmePath, "utf8");
  const start = text.search(new RegExp(`^#{2,4} ${heading}\\s*$`, "m"));
  if (start < 0) throw new Error(`README has no "${heading}" section`);
  const rest = text.slice(start).split("\n").slice(1);
  const end = rest.findIndex((line) => /^#{2,4} /.test(line));
  const section = end < 0 ? rest : rest.slice(0, end);
  return section.flatMap((line) => /^\|\s*`([^`]+)`\s*\|/.exec(line)?.[1] ?? []);
}

const names = (list: Named[] | undefined) => (list ?? []).map((x) => x.name).sort();

describe("custom-elements manifest and README", () => {
  it("the committed custom-elements.json is what the analyser generates from the source (run npm run manifest)", () => {
    expect(JSON.parse(readFileSync("custom-elements.json", "utf8"))).toEqual(generated);
    // The published package (widget/) points tools at the manifest its build writes, and exports it.
    const widgetPackage = JSON.parse(readFileSync("widget/package.json", "utf8"));
    expect(widgetPackage.customElements).toBe("dist/custom-elements.json");
    expect(widgetPackage.exports["./custom-elements.json"]).toBe("./dist/custom-elements.json");
  });

  it("lists attributes, events, parts and custom properties", () => {
    const el = element();
    expect(names(el.attributes)).toContain("api-base");
    expect(names(el.events)).toContain("mc-error");
    expect(names(el.cssParts)).toContain("base");
    expect(names(el.cssProperties)).toContain("--mc-color-brand");
  });

  it.each([
    ["attributes", "Attributes", (d: Declaration) => d.attributes],
    ["events", "Events", (d: Declaration) => d.events],
    ["parts", "Parts", (d: Declaration) => d.cssParts],
    ["custom properties", "Custom properties", (d: Declaration) => d.cssProperties],
  ] as const)("documents the same %s in the README as in the manifest", (_, heading, pick) => {
    expect([...new Set(readmeNames(heading))].sort()).toEqual(names(pick(element())));
  });
});
