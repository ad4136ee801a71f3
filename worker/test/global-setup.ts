import { createServer } from "node:http";
import type { TestProject } from "vitest/node";
export default async function setup(project: TestProject) {
  const server = createServer((_, res) => res.end("hello from node"));
  await new Promise<void>((r) => server.listen(18999, "127.0.0.1", () => r()));
  project.provide("probeUrl", "http://127.0.0.1:18999/");
  return () => new Promise<void>((r) => server.close(() => r()));
}
