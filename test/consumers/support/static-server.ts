import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, resolve, sep } from "node:path";
import { contentTypeOf } from "#demo/site/static-files";

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A static host for built fixtures: `/<prefix>/…` maps to a folder, `/<prefix>/` to its index.html.
 * `cors` adds `Access-Control-Allow-Origin: *`, as a CDN does (a cross-origin script with `integrity`
 * and `crossorigin="anonymous"` loads only with it).
 */
export async function serveStatic(port: number, roots: Record<string, string>, options: { cors?: boolean } = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://fixture.invalid").pathname);
    const [, prefix = "", ...rest] = path.split("/");
    const root = roots[prefix];
    const file = root && resolve(root, rest.join("/") || "index.html");
    if (!root || !file || !(file === root || file.startsWith(root + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": contentTypeOf(file),
      "cache-control": "no-cache",
      ...(options.cors ? { "access-control-allow-origin": "*" } : {}),
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done, fail) => server.once("error", fail).listen(port, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((done) => server.close(() => done())),
  };
}

export const fixtureDir = (name: string) => join(import.meta.dirname, "..", name);
