/**
 * The policy the demo pages are served with: what a careful partner would set. No inline script or
 * style (not even `style=` attributes), no eval; the page may only call its own origin, the Worker and,
 * in the sandbox, the sandbox server (sign-in codes, the sandbox wallet, the tester's controls), and frame
 * only the Worker (its reveal frame shows card details).
 */
export function contentSecurityPolicy(workerUrl: string, sandboxUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${workerUrl} ${sandboxUrl}`,
    `frame-src ${workerUrl}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}
