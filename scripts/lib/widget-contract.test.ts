import { readdirSync, readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { pureConstants, routeTableOnly } from "./widget-contract.mjs";

/** Every contract source (not tests), as the widget build sees it. */
const CONTRACT = ["shared", "shared/api", "shared/machines", "shared/abi"].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => `${dir}/${f}`),
);

const transpiles = (code: string, file: string) => {
  const { diagnostics } = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext } });
  expect(diagnostics ?? [], file).toEqual([]);
};

describe("routeTableOnly (widget build)", () => {
  it("keeps only the route table of defineRoute literals (method, path, auth, idempotency), and nothing else changes", () => {
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
    idempotency: "optional",
    successStatus: 201,
    params: CardParams,
    query: z.strictObject({ cursor: z.optional(Cursor) }),
    body: z.strictObject({ label: z.string() }),
    response: Card,
    errors: ["not_found"],
  }),
};
return { other, r };`;
    const out = routeTableOnly(source);
    expect(out).not.toContain("defineRoute");
    const evaluate = new Function(out) as () => unknown;
    expect(evaluate()).toEqual({
      other: { summary: "kept: not a route" },
      r: { getCard: { method: "GET", path: "/v1/cards/:cardId", auth: true, idempotency: "optional" } },
    });
  });

  it("keeps every contract file valid, with each route's method, path and auth", () => {
    const files = CONTRACT.filter((f) => f.startsWith("shared/api/") && readFileSync(f, "utf8").includes("defineRoute({"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const code = readFileSync(file, "utf8");
      const out = routeTableOnly(code);
      transpiles(out, file);
      for (const key of ["method:", "path:", "auth:"]) expect(out.split(key).length, `${file} ${key}`).toBe(code.split(key).length);
      expect(out, file).not.toMatch(/^\s*(operationId|summary|tag|description|errors|successStatus|params|query|body|response):/m);
    }
  });
});

describe("pureConstants (widget build)", () => {
  it("marks each top-level constant's initializer pure and leaves the values as they were", () => {
    const source = `const base = { a: 1 };
const Schema = make({ ...base, b: 2 }).check(3), Other = 4;
const NAMES = ["x", "y"] as const;
const fn = (v) => v;
function make(o) { return { o, check: (n) => ({ ...o, n }) }; }
return { Schema, Other, NAMES, fn: fn(5) };`;
    const out = pureConstants(source);
    expect(out).toContain("const Schema = /* @__PURE__ */ (() => (make({ ...base, b: 2 }).check(3)))(), Other = 4;");
    expect(out).toContain("const base = /* @__PURE__ */ (() => ({ a: 1 }))();");
    expect(out).toContain("const fn = (v) => v;");
    const run = (code: string) => new Function(ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText)();
    expect(run(out)).toEqual(run(source));
  });

  it("keeps every contract file valid", () => {
    for (const file of CONTRACT) transpiles(pureConstants(routeTableOnly(readFileSync(file, "utf8"))), file);
  });

  it("is safe on the contract: no module of it does anything at load time besides declaring", () => {
    // Top-level statements may only declare (imports, exports, types, functions, constants): a call or an
    // assignment at module level would be dropped from the widget by the pure marks.
    for (const file of CONTRACT) {
      const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
      const effects = source.statements.filter((s) => ts.isExpressionStatement(s) || ts.isIfStatement(s) || ts.isForStatement(s) || ts.isForOfStatement(s));
      expect(effects.map((s) => s.getText().slice(0, 60)), file).toEqual([]);
    }
  });
});
