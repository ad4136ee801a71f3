/**
 * The secrets the Worker tests run with: distinctive, so the leak test can search every reply, log line
 * and D1 row for them. (Plain constants: importable from workerd tests and the Node-side setup alike.)
 */
export const TEST_PARTNER_KEY = "sk_sandbox_LEAKCANARY_7f3c9a1e5b2d4086";
export const TEST_CROSSMINT_SERVER_KEY = "sk_crossmint_LEAKCANARY_0d6e2b8f41a7";
