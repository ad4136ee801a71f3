// Real services for the widget's browser tests, served by web-test-runner itself (no fixed ports):
// - `/__identity/*`: the sandbox identity issuer (demo/identity), in process, for sign-in tests that
//   need no Worker;
// - `/__identity-fast/*`: the same, with codes that expire after half a second;
// - `/__slow/<ms>/*`: answers after that many milliseconds (timeout tests);
// - `/__services.json`: where tests find those services and, once `test/stack.ts` exists, the whole
//   stack (sandbox + the Worker under `wrangler dev` on free ports), started on the first request for it
//   and stopped when the run ends; with `?strict=1`, also a second Worker on that sandbox which
//   does not allow this page's origin (`strictWorkerUrl`).
import { existsSync } from "node:fs";
import { tsImport } from "tsx/esm/api";

const IDENTITY_PATH = "/__identity";
/** An issuer whose codes expire after half a second, for "code expired" tests. */
const FAST_IDENTITY_PATH = "/__identity-fast";

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

/** A koa middleware that hands `prefix/*` to a Hono app (Web Request in, Web Response out). */
function mount(prefix, getApp) {
  return async (ctx, next) => {
    if (ctx.path !== prefix && !ctx.path.startsWith(`${prefix}/`)) return next();
    const app = await getApp();
    const url = new URL(ctx.url.slice(prefix.length) || "/", `http://${ctx.host}`);
    const body = ["GET", "HEAD"].includes(ctx.method) ? undefined : await readBody(ctx.req);
    const response = await app.fetch(new Request(url, { method: ctx.method, headers: ctx.headers, body }));
    ctx.status = response.status;
    response.headers.forEach((value, key) => ctx.set(key, value));
    ctx.body = Buffer.from(await response.arrayBuffer());
  };
}

export function sandboxServices() {
  let identity;
  let fastIdentity;
  let stack;
  let strictWorker;
  const issuer = (path, otp) =>
    tsImport("../../demo/identity/index.ts", import.meta.url).then((m) =>
      m.createIdentityIssuer({ issuer: `http://localhost${path}`, logger: () => {}, exposeCodes: true, otp }),
    );
  const getIdentity = () => (identity ??= issuer(IDENTITY_PATH));
  const getFastIdentity = () => (fastIdentity ??= issuer(FAST_IDENTITY_PATH, { codeTtlMs: 500 }));
  // The test page's origin (localhost and 127.0.0.1 alike) is what the Worker must allow.
  const getStack = (origin) => {
    if (!existsSync(new URL("../../test/stack.ts", import.meta.url))) return Promise.resolve(null);
    const port = new URL(origin).port;
    const allowedOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
    stack ??= tsImport("../../test/stack.ts", import.meta.url).then((m) => m.startStack({ allowedOrigins }));
    return stack;
  };
  // A second Worker on the same sandbox that allows only another site: this page's origin is refused.
  const getStrictWorker = async (origin) => {
    const running = await getStack(origin);
    if (!running) return null;
    strictWorker ??= Promise.all([
      tsImport("../../test/stack.ts", import.meta.url),
      tsImport("./wrangler-dev.ts", import.meta.url),
    ]).then(([{ workerVarsFor }, { startWorker }]) => startWorker({ vars: workerVarsFor(running.sandbox, ["https://partner.example"]) }));
    return strictWorker;
  };

  return {
    middleware: [
      mount(IDENTITY_PATH, async () => (await getIdentity()).app),
      mount(FAST_IDENTITY_PATH, async () => (await getFastIdentity()).app),
      // A server that takes its time (`/__slow/<ms>/<anything>`), for timeout tests.
      async (ctx, next) => {
        const slow = /^\/__slow\/(\d+)\//.exec(ctx.path);
        if (!slow) return next();
        await new Promise((resolve) => setTimeout(resolve, Math.min(Number(slow[1]), 30_000)));
        ctx.body = { ok: true, data: {}, summary: "slow", errors: [] };
      },
      async (ctx, next) => {
        if (ctx.path !== "/__services.json") return next();
        const origin = `http://${ctx.host}`;
        const running = ctx.query.stack === "1" ? await getStack(origin) : null;
        const strict = ctx.query.strict === "1" ? await getStrictWorker(origin) : null;
        ctx.set("Cache-Control", "no-store");
        // Only the URLs and keys: the live sandbox and Worker handles stay in Node.
        const { sandbox: _sandbox, worker: _worker, stop: _stop, ...urls } = running ?? {};
        ctx.body = {
          identityUrl: `${origin}${IDENTITY_PATH}`,
          fastIdentityUrl: `${origin}${FAST_IDENTITY_PATH}`,
          stack: running ? urls : null,
          strictWorkerUrl: strict?.url ?? null,
        };
      },
    ],
    async stop() {
      const strict = await strictWorker?.catch(() => null);
      await strict?.stop?.();
      const running = await stack?.catch(() => null);
      await running?.stop?.();
    },
  };
}
