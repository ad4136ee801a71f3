import packageJson from "../../package.json";

/** The product version, from package.json (reported by /healthz, /v1/config and the OpenAPI document). */
export const VERSION: string = packageJson.version;
