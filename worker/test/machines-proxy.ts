/**
 * A rewriting proxy between the Worker and the sandbox's Machines simulator (Node side, on loopback,
 * started by the global setup). It changes what the Worker *asks* Machines, as a units bug or a
 * compromised path would, so the simulator then legitimately prepares the wrong withdrawal; rules are
 * in the path before Machines' own (the reply rewrites are the simulator's `rewrite` faults):
 *
 *   <url>/amount-times/<n>/partner/v1/…          POST /withdrawals: amountCents × n
 *   <url>/destination/<address>/partner/v1/…     POST /withdrawals: destination.address replaced
 *
 * Everything else is forwarded unchanged. Stateless, so test files running in parallel can share it.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

interface Rules {
  amountTimes: number | null;
  destination: string | null;
}

function split(path: string, prefix: string): { rules: Rules; rest: string } {
  const at = path.indexOf(prefix);
  const head = (at < 0 ? "" : path.slice(0, at)).split("/").filter(Boolean);
  const rules: Rules = { amountTimes: null, destination: null };
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === "amount-times") rules.amountTimes = Number(head[i + 1]);
    if (head[i] === "destination") rules.destination = decodeURIComponent(head[i + 1]!);
  }
  return { rules, rest: at < 0 ? path : path.slice(at) };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function rewriteCreate(body: Buffer, rules: Rules): Buffer {
  const json = JSON.parse(body.toString()) as { amountCents?: number; destination?: { address?: string } };
  if (rules.amountTimes !== null && typeof json.amountCents === "number") json.amountCents *= rules.amountTimes;
  if (rules.destination !== null && json.destination) json.destination.address = rules.destination;
  return Buffer.from(JSON.stringify(json));
}

/** `machinesApiBase`: the sandbox's Machines base URL (…/partner/v1). */
export async function startMachinesProxy(machinesApiBase: string): Promise<{ url: string; stop(): Promise<void> }> {
  const target = new URL(machinesApiBase);
  const server = createServer(async (req, res) => {
    try {
      const { rules, rest } = split(req.url ?? "/", target.pathname);
      let body: Buffer | undefined = await readBody(req);
      if (req.method === "POST" && /\/withdrawals\/?$/.test(rest.split("?")[0]!) && body.length) body = rewriteCreate(body, rules);
      if (req.method === "GET" || req.method === "HEAD") body = undefined;
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([name, value]) => typeof value === "string" && !["host", "content-length", "connection"].includes(name)),
      ) as Record<string, string>;
      const upstream = await fetch(`${target.origin}${rest}`, { method: req.method, headers, body: body ? new Uint8Array(body) : undefined });
      const reply = Buffer.from(await upstream.arrayBuffer());
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!["content-length", "content-encoding", "transfer-encoding", "connection"].includes(name)) out[name] = value;
      });
      res.writeHead(upstream.status, out).end(reply);
    } catch (error) {
      res.writeHead(502, { "content-type": "text/plain" }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
