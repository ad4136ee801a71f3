// A named import: the bundle carries this one string, not the whole package.json.
import { version as WIDGET_VERSION } from "../../package.json";
import type { ConfigProblem } from "./config-problem";

export { WIDGET_VERSION };

/** The major of a semver version (`2.1.0`, `v2.1.0-rc.1`), or null when it is not one. */
export function majorOf(version: unknown): number | null {
  if (typeof version !== "string") return null;
  const match = /^v?(\d+)\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/.exec(version.trim());
  return match ? Number(match[1]) : null;
}

/**
 * A setup warning when the Worker's major version differs from the widget's: a major may change the
 * contract between them, so the partner should deploy matching versions. Not a blocker (the two may
 * still get along). A Worker that reports no version, or one that is not semver (an older Worker), is
 * unknown: nothing to warn about.
 */
export function versionProblem(workerVersion: unknown, apiBase: string, widgetVersion = WIDGET_VERSION): ConfigProblem | null {
  const worker = majorOf(workerVersion);
  const widget = majorOf(widgetVersion);
  if (worker === null || widget === null || worker === widget) return null;
  return {
    key: "version_mismatch",
    attribute: "api-base",
    vars: { apiBase, workerVersion: String(workerVersion), widgetVersion },
    fatal: false,
  };
}
