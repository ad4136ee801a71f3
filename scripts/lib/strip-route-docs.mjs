// A Vite plugin for the widget build: the Worker API's route contracts (`shared/api/*.ts`) carry
// documentation for `/openapi.json` (summary, description, tag, documented error codes) and the schemas
// the Worker checks path parameters and queries with, none of which the widget reads (its client checks
// bodies and replies; the Worker checks the rest). The Worker keeps them; the widget's bundle drops them.
// Only `defineRoute({…})` object literals change, and only those six keys.
import ts from "typescript";

const DOC_KEYS = new Set(["summary", "description", "tag", "errors", "params", "query"]);

/** @param {string} code */
export function stripRouteDocs(code) {
  const source = ts.createSourceFile("module.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** @type {{ start: number; end: number }[]} */
  const cuts = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "defineRoute") {
      const [route] = node.arguments;
      if (route && ts.isObjectLiteralExpression(route)) {
        for (const property of route.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name) || !DOC_KEYS.has(property.name.text)) continue;
          // The property and its trailing comma (a trailing comma on the last one is harmless).
          let end = property.getEnd();
          if (code[end] === ",") end++;
          cuts.push({ start: property.getFullStart(), end });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const cut of cuts.sort((a, b) => b.start - a.start)) out = out.slice(0, cut.start) + out.slice(cut.end);
  return out;
}

/** @returns {import("vite").Plugin} */
export function stripRouteDocsPlugin() {
  return {
    name: "machines-card:strip-route-docs",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]shared[\\/]api[\\/][a-z-]+\.ts$/.test(id) || !code.includes("defineRoute(")) return null;
      return { code: stripRouteDocs(code), map: null };
    },
  };
}
