// Values the Worker tests' global setup provides (ports and URLs of the sandbox it starts).
export {};
declare module "vitest" {
  interface ProvidedContext {
    probeUrl: string;
  }
}
