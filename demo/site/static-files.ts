/**
 * Which file a request means, and how it is typed and cached. Kept apart from the server so the rules
 * that keep a request inside its folder (no `..`, no encoded separators, no dotfiles) read in one place.
 */
import { extname, resolve, sep } from "node:path";

export type SiteRoot = "dist" | "pages";

export type RequestTarget =
  | { kind: "file"; root: SiteRoot; path: string; file: string }
  /** Refused without looking at the disk: it names something outside the served folders, or hidden. */
  | { kind: "outside"; path: string }
  | { kind: "bad"; reason: string };

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
};

export function contentTypeOf(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Vite names every chunk after its content (`dist/chunks/<name>-<hash>.js`), so a chunk never changes
 * under its URL: browsers may keep it for a year. The entry (`/dist/machines-card.js`) and the pages
 * keep their names across builds, so browsers revalidate them (ETag) on every load.
 */
export function cachePolicy(root: SiteRoot, path: string): string {
  if (root === "dist" && path.startsWith("/dist/chunks/")) return "public, max-age=31536000, immutable";
  return "no-cache";
}

/** Maps a request URL to a file under one of the roots, or says why it will not. */
export function resolveRequestPath(requestUrl: string, roots: Record<SiteRoot, string>): RequestTarget {
  let path: string;
  try {
    // The URL parser already folds `.`/`..` segments (and their %2e spellings); decoding may reveal more.
    path = decodeURIComponent(new URL(requestUrl, "http://demo.invalid").pathname);
  } catch {
    return { kind: "bad", reason: "malformed URL or percent-encoding" };
  }
  if (path.includes("\0")) return { kind: "bad", reason: "NUL byte in path" };
  const segments = path.split("/").slice(1);
  // `..` decoded from %2F-joined segments, backslashes and dotfiles (dist/.vite/, .env…) are never served.
  if (path.includes("\\") || segments.some((segment) => segment.startsWith("."))) return { kind: "outside", path };

  const root: SiteRoot = path.startsWith("/dist/") ? "dist" : "pages";
  const base = roots[root];
  const relative = root === "dist" ? path.slice("/dist/".length) : path.slice(1);
  const file = resolve(base, relative);
  if (file !== base && !file.startsWith(base + sep)) return { kind: "outside", path };
  return { kind: "file", root, path, file };
}
