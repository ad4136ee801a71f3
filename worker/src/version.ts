// The named import keeps the bundle to this one string (a default import would carry the whole manifest,
// scripts and dependencies included, into every deployed Worker).
import { version } from "../package.json";

/** The Worker's version, from its package.json (reported by /healthz, /v1/config and the OpenAPI document). */
export const VERSION: string = version;
