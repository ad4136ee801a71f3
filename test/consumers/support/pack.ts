import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const widgetDir = join(import.meta.dirname, "..", "..", "..", "widget");

/** `npm pack` of widget/ as a publisher runs it: prepack builds dist/ from the sources first. */
export async function packWidget(destination: string): Promise<string> {
  await run("npm", ["pack", "--pack-destination", destination, "--loglevel", "warn"], { cwd: widgetDir, maxBuffer: 64 * 1024 * 1024 });
  const tarball = readdirSync(destination).find((name) => /^machines-card-.*\.tgz$/.test(name));
  if (!tarball) throw new Error(`npm pack wrote no machines-card tarball into ${destination}`);
  return join(destination, tarball);
}
