import { describe, expect, it } from "vitest";
import { minifyLitTemplates } from "./minify-lit-templates.mjs";

describe("minifying Lit templates in the widget build", () => {
  it("shrinks css`` text: comments, whitespace, spaces around punctuation", () => {
    const source = "const s = css`\n  /* why */\n  :host([theme=\"dark\"]) {\n    color: var(--x);\n    margin: 0 auto;\n  }\n  .a > .b,\n  .c { gap: calc(var(--s) * 2); }\n`;";
    expect(minifyLitTemplates(source)).toBe('const s = css` :host([theme="dark"]){color:var(--x);margin:0 auto}.a>.b,.c{gap:calc(var(--s) * 2)}`;');
  });

  it("keeps descendant selectors before pseudo-classes apart", () => {
    expect(minifyLitTemplates("css`.a :focus { x: y; }`")).toBe("css`.a :focus{x:y}`");
  });

  it("collapses line breaks in html`` to single spaces, never touching ${…}", () => {
    const source = 'html`<p\n    class="a">\n      ${cond ? html`<b>\n  x</b>` : "keep\\n   this"}\n    </p>`';
    expect(minifyLitTemplates(source)).toBe('html`<p class="a"> ${cond ? html`<b> x</b>` : "keep\\n   this"} </p>`');
  });

  it("leaves other tagged templates and plain strings alone", () => {
    const source = "const a = sql`SELECT\n  1`; const b = `x\n  y`;";
    expect(minifyLitTemplates(source)).toBe(null);
  });
});
