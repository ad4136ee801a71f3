import type { MessageValues } from "../i18n/translator";

/** Which configuration mistake; each has a sentence in `problem-messages.ts`. */
export type ProblemKey =
  | "api_base_missing"
  | "api_base_invalid"
  | "api_base_insecure"
  | "invalid_choice"
  | "unknown_steps"
  | "no_steps"
  | "brand_color_invalid"
  | "locale_unsupported"
  | "card_limit_invalid"
  | "card_label_invalid"
  | "asset_code_invalid"
  | "worker_unreachable"
  | "worker_invalid"
  | "origin_not_allowed"
  | "environment_mismatch"
  | "version_mismatch"
  | "messages_unavailable"
  | "messages_invalid";

/**
 * A configuration mistake found in the attributes or when reaching the Worker. `fatal` ones stop the
 * element (it shows the problem instead of the journey); the others fall back to a default and warn.
 */
export interface ConfigProblem {
  key: ProblemKey;
  /** The attribute to fix. */
  attribute: string;
  vars: MessageValues;
  fatal: boolean;
}

/** The `code` of the `mc-error` event a problem fires. */
export function problemCode(p: ConfigProblem): string {
  switch (p.key) {
    case "api_base_missing":
      return "missing_attribute";
    case "worker_unreachable":
    case "worker_invalid":
    case "origin_not_allowed":
    case "environment_mismatch":
    case "version_mismatch":
    case "messages_unavailable":
    case "messages_invalid":
      return p.key;
    default:
      return "invalid_attribute";
  }
}
