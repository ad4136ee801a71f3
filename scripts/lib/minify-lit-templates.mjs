// A Vite plugin that shrinks the static text of Lit's `css` and `html` tagged templates in the widget's
// own sources: bundlers minify code, not the strings inside template literals, and those strings (the
// styles above all) are a large share of the entry. Only the literal parts change, never `${…}`.
//   css: comments removed, whitespace collapsed, spaces around punctuation dropped;
//   html: every run of whitespace that holds a line break becomes one space (what the browser shows anyway).
import ts from "typescript";

/** @param {string} text */
export function minifyCssText(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/:\s+/g, ":")
    .replace(/;}/g, "}");
}

/** @param {string} text */
export function minifyHtmlText(text) {
  return text.replace(/\s*\n\s*/g, " ");
}

/** @param {string} code */
export function minifyLitTemplates(code) {
  const source = ts.createSourceFile("module.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** @type {{ start: number; end: number; text: string }[]} */
  const edits = [];
  const literal = (node, minify) => {
    // The raw text between the delimiters (` … ${, } … ${, } … `), which is what the source holds.
    const start = node.getStart(source) + 1;
    const end = node.getEnd() - (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateTail(node) ? 1 : 2);
    const raw = code.slice(start, end);
    const text = minify(raw);
    if (text !== raw) edits.push({ start, end, text });
  };
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === "css" || node.tag.text === "html")) {
      const minify = node.tag.text === "css" ? minifyCssText : minifyHtmlText;
      const t = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(t)) literal(t, minify);
      else {
        literal(t.head, minify);
        for (const span of t.templateSpans) literal(span.literal, minify);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!edits.length) return null;
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** @returns {import("vite").Plugin} */
export function minifyLitTemplatesPlugin() {
  return {
    name: "machines-card:minify-lit-templates",
    enforce: "pre",
    apply: "build",
    transform(code, id) {
      if (!/[\\/]widget[\\/]src[\\/].*\.ts$/.test(id) || id.endsWith(".test.ts")) return null;
      const out = minifyLitTemplates(code);
      return out === null ? null : { code: out, map: null };
    },
  };
}
