import type { ConfigProblem } from "../config/config-problem";
import type { Message, Overrides } from "./translator";

// The partner's own texts (`element.messages`, the `messages` attribute's JSON), checked here. Its own
// chunk: only a page that sets either loads it.

const CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);

export interface OverridesRead {
  messages: Overrides;
  problems: ConfigProblem[];
}

/** A usable message: a string, or plural forms (CLDR categories, `other` required) of strings. */
function isMessage(value: unknown): value is Message {
  if (typeof value === "string") return true;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const forms = Object.entries(value);
  return "other" in value && forms.every(([category, text]) => CATEGORIES.has(category) && typeof text === "string");
}

/**
 * Keeps the usable entries of a partner's messages (`{ "<module>.<key>": message }`) and names the rest.
 * `source` says where they came from, for the warning.
 */
export function readOverrides(value: unknown, source: string): OverridesRead {
  const invalid = (detail: string): ConfigProblem => ({ key: "messages_invalid", attribute: "messages", vars: { source, detail }, fatal: false });
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { messages: {}, problems: [invalid(`a JSON object is needed, not ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}`)] };
  }
  const messages: Record<string, Message> = {};
  const rejected: string[] = [];
  for (const [key, message] of Object.entries(value)) {
    if (isMessage(message)) messages[key] = message;
    else rejected.push(key);
  }
  const problems = rejected.length
    ? [invalid(`${rejected.slice(0, 3).join(", ")}${rejected.length > 3 ? ` and ${rejected.length - 3} more` : ""}: not a text, nor plural forms with "other"`)]
    : [];
  return { messages, problems };
}

/**
 * Fetches the messages at `url` (relative to the page): without credentials, so any static host with
 * CORS will do; a page's Content-Security-Policy must allow it in `connect-src`. A failure is a problem
 * to report, never an exception: the built-in texts stay.
 */
export async function fetchOverrides(url: string, base: string): Promise<OverridesRead> {
  const unavailable = (detail: string): OverridesRead => ({
    messages: {},
    problems: [{ key: "messages_unavailable", attribute: "messages", vars: { value: url, detail }, fatal: false }],
  });
  let href: URL;
  try {
    href = new URL(url, base);
  } catch {
    return unavailable("not a URL");
  }
  if (href.protocol !== "https:" && href.protocol !== "http:") return unavailable("only http(s) URLs are fetched");
  let response: Response;
  try {
    response = await fetch(href, { credentials: "omit", headers: { Accept: "application/json" } });
  } catch (error) {
    // A network failure, a CORS refusal and a CSP block all look the same from here.
    return unavailable(`the request failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) return unavailable(`HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return { messages: {}, problems: [{ key: "messages_invalid", attribute: "messages", vars: { source: `messages="${url}"`, detail: "not JSON" }, fatal: false }] };
  }
  return readOverrides(json, `messages="${url}"`);
}

/** The element's `messages`: none, a URL to fetch (the attribute, or the property set to a string), or an object. */
export async function resolveOverrides(value: unknown, base: string): Promise<OverridesRead> {
  if (value === undefined || value === null || value === "") return { messages: {}, problems: [] };
  if (typeof value === "string") return fetchOverrides(value, base);
  return readOverrides(value, "element.messages property");
}
