/**
 * A floor below Miniflare: the bench's bare Worker (`bench/worker/bare-worker.ts`, bundled as `wrangler
 * deploy` would) on the same workerd binary, started directly with a minimal configuration: one Worker, a
 * socket, and the network. Miniflare, even with nothing in front of the Worker, sends every outbound
 * `fetch()` through an interceptor Worker of its own (a second isolate that adds `CF-Worker` and strips
 * `CF-Connecting-IP`, which production does inside the runtime); here the Worker's fetch goes straight
 * out. Only the bare Worker runs this way (no D1 here), so the bench can say what that interceptor costs
 * a relay, not what it would cost the project's Worker.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { freePort } from "../../scripts/lib/free-port";
import { bundleWorker, wranglerConfig, wranglersWorkerd } from "./workerd-worker";

export interface RunningRawWorkerd {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startRawWorkerd(script: string): Promise<RunningRawWorkerd> {
  const dir = mkdtempSync(join(tmpdir(), "machines-card-raw-workerd-"));
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const scriptPath = await bundleWorker(script, join(dir, "bundle"));
    const config = await wranglerConfig();
    const flags = config.compatibility_flags.map((f: string) => JSON.stringify(f)).join(", ");
    writeFileSync(
      join(dir, "config.capnp"),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # The default outbound network, with loopback allowed (the sandbox listens on 127.0.0.1).
    (name = "internet", network = (allow = ["public", "private"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "${basename(scriptPath)}", esModule = embed "bundle/${basename(scriptPath)}") ],
  compatibilityDate = "${config.compatibility_date}",
  compatibilityFlags = [${flags}],
);
`,
    );
    const port = await freePort();
    let output = "";
    child = spawn(await wranglersWorkerd(), ["serve", "--experimental", `--socket-addr=http=127.0.0.1:${port}`, join(dir, "config.capnp")], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    const url = `http://127.0.0.1:${port}`;
    for (const deadline = Date.now() + 20_000; ; ) {
      if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode}):\n${output}`);
      try {
        if ((await fetch(`${url}/`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`workerd did not answer within 20 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { url, pid: child.pid!, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
