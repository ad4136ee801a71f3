import { redact } from "./redact";

export type LogFields = Record<string, string | number | boolean | null | undefined>;

const knownSecrets = new Set<string>();

/** Called when settings are parsed (`settingsFrom`), so every later line is scrubbed of the configured secrets too. */
export function registerSecrets(secrets: readonly string[]): void {
  for (const secret of secrets) knownSecrets.add(secret);
}

function write(level: "info" | "warn" | "error", event: string, fields: LogFields): void {
  const line: Record<string, unknown> = { level, event };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) line[key] = typeof value === "string" ? redact(value, [...knownSecrets]) : value;
  }
  const text = JSON.stringify(line);
  if (level === "error") console.error(text);
  else if (level === "warn") console.warn(text);
  else console.log(text);
}

/**
 * Structured, one-line JSON logs. Fields are flat primitives chosen by the caller (ids, codes, statuses,
 * paths), never request or reply bodies; strings are redacted of secrets, tokens, card numbers and emails
 * as a second line of defence.
 *
 * @example
 * log.warn("upstream_failed", { requestId, path: "/kyc/status", status: 503 });
 */
export const log = {
  info: (event: string, fields: LogFields = {}) => write("info", event, fields),
  warn: (event: string, fields: LogFields = {}) => write("warn", event, fields),
  error: (event: string, fields: LogFields = {}) => write("error", event, fields),
};
