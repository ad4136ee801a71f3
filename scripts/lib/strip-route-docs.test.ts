import { readdirSync, readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { stripRouteDocs } from "./strip-route-docs.mjs";

describe("stripRouteDocs (widget build)", () => {
  it("drops the documentation keys and the params and query schemas of defineRoute literals, and nothing else", () => {
    const source = `const other = { summary: "kept: not a route" };
const r = {
  getCard: defineRoute({
    method: "GET",
    path: "/v1/cards/:cardId",
    operationId: "getCard",
    tag: "cards",
    summary: "One card",
    description: "A card, with \\"quotes\\", and commas, inside",
    auth: true,
    params: CardParams,
    query: z.strictObject({ cursor: z.optional(Cursor) }),
    response: Card,
    errors: ["not_found"],
  }),
};
return { other, r };`;
    const out = stripRouteDocs(source);
    const evaluate = new Function("defineRoute", "Card", out) as (d: (x: unknown) => unknown, c: string) => unknown;
    expect(evaluate((route) => route, "CardSchema")).toEqual({
      other: { summary: "kept: not a route" },
      r: { getCard: { method: "GET", path: "/v1/cards/:cardId", operationId: "getCard", auth: true, response: "CardSchema" } },
    });
  });

  it("keeps every contract file valid, with each route's method, path and operation id", () => {
    const dir = "shared/api";
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && readFileSync(`${dir}/${f}`, "utf8").includes("defineRoute({"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const code = readFileSync(`${dir}/${file}`, "utf8");
      const out = stripRouteDocs(code);
      const { diagnostics } = ts.transpileModule(out, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } });
      expect(diagnostics ?? [], file).toEqual([]);
      for (const key of ["method:", "path:", "operationId:"]) expect(out.split(key).length, `${file} ${key}`).toBe(code.split(key).length);
      expect(out, file).not.toMatch(/^\s*(summary|tag|description|errors|params|query):/m);
    }
  });
});
