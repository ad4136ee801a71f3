// A Vite plugin for the widget build: the widget's view of the contract (`shared/`). The widget reads
// the Worker API's route table (method, path, auth, idempotency) and a few plain constants
// (status lists, bounds); its types come from the schemas at compile time. It reads no schema at run
// time (its client leaves checking bodies to the Worker and reads replies itself), so its bundle should
// hold neither the schemas nor the schema library. Two rewrites, in the widget build only:
//   - `defineRoute({…})` calls in `shared/api/` become their literal with the route table only: the
//     documentation for `/openapi.json` (operation id, summary, description, tag, errors, success
//     status) and the schemas (params, query, body, response) go;
//   - every top-level constant of the contract is marked pure (`/* @__PURE__ */ (() => …)()`), so one no
//     chunk reads is dropped even when it is built by chained calls (`z.string().check(…)`) or spreads,
//     which a bundler must otherwise assume have side effects. The contract has none at module level
//     (it declares schemas, tables and functions), which `widget-contract.test.ts` checks.
// The Worker and the sandbox import the contract as written.
import ts from "typescript";

const NOT_IN_TABLE = new Set(["operationId", "summary", "description", "tag", "errors", "successStatus", "params", "query", "body", "response"]);

/** @typedef {{ start: number; end: number; text?: string }} Edit */

/** @param {string} code @param {Edit[]} edits */
function apply(code, edits) {
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + (edit.text ?? "") + out.slice(edit.end);
  return out;
}

/** @param {string} code */
const parse = (code) => ts.createSourceFile("module.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

/** The route literals without their documentation and schemas. @param {string} code */
export function routeTableOnly(code) {
  /** @type {Edit[]} */
  const cuts = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "defineRoute") {
      const [route] = node.arguments;
      if (route && ts.isObjectLiteralExpression(route)) {
        // `defineRoute` only types its argument: `defineRoute({…})` becomes the literal in parentheses.
        cuts.push({ start: node.expression.getStart(), end: node.expression.getEnd() });
        for (const property of route.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name) || !NOT_IN_TABLE.has(property.name.text)) continue;
          // The property and its trailing comma (a trailing comma on the last one is harmless).
          let end = property.getEnd();
          if (code[end] === ",") end++;
          cuts.push({ start: property.getFullStart(), end });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(code));
  return apply(code, cuts);
}

/** Initializers that are already free of side effects and need no mark. @param {ts.Expression} node */
const plain = (node) =>
  ts.isLiteralExpression(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isIdentifier(node) ||
  node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || ts.isRegularExpressionLiteral(node);

/** Every top-level constant's initializer marked pure. @param {string} code */
export function pureConstants(code) {
  /** @type {Edit[]} */
  const edits = [];
  for (const statement of parse(code).statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      if (!init || plain(init)) continue;
      edits.push({ start: init.getStart(), end: init.getStart(), text: "/* @__PURE__ */ (() => (" });
      edits.push({ start: init.getEnd(), end: init.getEnd(), text: "))()" });
    }
  }
  return apply(code, edits);
}

/** @returns {import("vite").Plugin} */
export function widgetContractPlugin() {
  return {
    name: "machines-card:widget-contract",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]shared[\\/](?:[a-z-]+[\\/])?[a-z0-9-]+\.ts$/.test(id) || /\.test\.ts$/.test(id)) return null;
      const table = /[\\/]shared[\\/]api[\\/]/.test(id) && code.includes("defineRoute(") ? routeTableOnly(code) : code;
      return { code: pureConstants(table), map: null };
    },
  };
}
