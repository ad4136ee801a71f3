// Makes tsc's declarations (dist/types) work for every consumer: relative imports get the `.js` (or
// `/index.js`) that node16/nodenext resolution requires, `lit-html` becomes `lit` (the one peer; it
// re-exports the template types), the unpublished contract workspace (`@machines-card/contract/…`) becomes
// a relative path to its declarations beside the widget's (dist/types/shared), and the files an entry's types reach may import no other package
// (zod, @lit/task, the SDKs are bundled, so a consumer does not have their types).
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const SPECIFIER = /((?:from|import)\s*\(?\s*")([^"]+)(")/g;
const ALLOWED_PACKAGES = new Set(["lit"]);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (path.endsWith(".d.ts")) yield path;
  }
}

/** The `.d.ts` a relative specifier names, and the specifier rewritten with its extension. */
function resolveRelative(from, specifier) {
  const bare = specifier.replace(/\.js$/, "");
  const base = resolve(dirname(from), bare);
  if (existsSync(`${base}.d.ts`)) return { file: `${base}.d.ts`, specifier: `${bare}.js` };
  if (existsSync(join(base, "index.d.ts"))) return { file: join(base, "index.d.ts"), specifier: `${bare}/index.js` };
  return null;
}

const CONTRACT = "@machines-card/contract/";

export function fixDeclarations(typesDir) {
  for (const file of files(typesDir)) {
    const source = readFileSync(file, "utf8");
    const fixed = source.replace(SPECIFIER, (whole, open, specifier, close) => {
      if (specifier === "lit-html") return `${open}lit${close}`;
      if (specifier.startsWith(CONTRACT)) {
        const path = relative(dirname(file), join(typesDir, "shared", specifier.slice(CONTRACT.length)));
        specifier = path.startsWith(".") ? path : `./${path}`;
      }
      if (!specifier.startsWith(".")) return whole;
      const target = resolveRelative(file, specifier);
      return target ? `${open}${target.specifier}${close}` : whole;
    });
    if (fixed !== source) writeFileSync(file, fixed);
  }
}

/** Throws when the declarations reachable from `entries` import a package other than the peers. */
export function checkDeclarations(entries) {
  const seen = new Set();
  const problems = [];
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    // JSDoc examples may show imports (`import("./sign-in.messages.es")`): only code counts.
    const code = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    for (const [, , specifier] of code.matchAll(SPECIFIER)) {
      if (specifier.startsWith(".")) {
        const target = resolveRelative(file, specifier);
        if (target) visit(target.file);
        else problems.push(`${relative(process.cwd(), file)}: "${specifier}" names no declaration file`);
      } else if (!ALLOWED_PACKAGES.has(specifier.split("/")[0])) {
        problems.push(`${relative(process.cwd(), file)} imports "${specifier}", which the package does not depend on`);
      }
    }
  };
  for (const entry of entries) visit(entry);
  if (problems.length) throw new Error(`the package's declarations would not type-check for a consumer:\n  ${problems.join("\n  ")}`);
  return seen.size;
}
