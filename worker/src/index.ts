import { Hono } from "hono";
import type { AppEnv, Bindings } from "./env";
import { bodyLimit } from "./http/body-limit";
import { cors } from "./http/cors";
import { edge } from "./http/edge";
import { settings } from "./settings/settings-middleware";
import { openApiRoutes } from "./openapi/openapi.routes";
import { notFound, onError } from "./http/on-error";
import { agreementsApp } from "./routes/agreements/agreements.routes";
import { balancesApp } from "./routes/balances/balances.routes";
import { cardsApp } from "./routes/cards/cards.routes";
import { configApp } from "./routes/config/config.routes";
import { depositsApp } from "./routes/deposits/deposits.routes";
import { healthRoutes } from "./routes/health/health.routes";
import { kycApp } from "./routes/kyc/kyc.routes";
import { meApp } from "./routes/me/me.routes";
import { revealApp, revealFrameApp } from "./routes/reveal/reveal.routes";
import { transactionsApp } from "./routes/transactions/transactions.routes";
import { withdrawalsApp } from "./routes/withdrawals/withdrawals.routes";
import { preflightApp } from "./preflight/preflight.routes";
import { runScheduledJobs } from "./scheduled";

/**
 * The Worker: the edge proxy between <machines-card> and Machines. Public routes first (they need no
 * settings), then settings, CORS and the body cap for everything else, then one app per domain.
 */
export const app = new Hono<AppEnv>();

app.use("*", edge());
app.route("/", healthRoutes);
app.route("/", openApiRoutes);
app.use("*", settings());
// Server to server (the partner's CLI), behind its own secret: no Origin, so before CORS.
app.route("/", preflightApp);
// The reveal frame is the Worker's own page on its own origin: its calls are not a partner page's.
app.route("/", revealFrameApp);
app.use("*", cors());
app.use("*", bodyLimit());

app.route("/", configApp);
app.route("/", meApp);
app.route("/", kycApp);
app.route("/", agreementsApp);
app.route("/", balancesApp);
app.route("/", depositsApp);
app.route("/", cardsApp);
app.route("/", revealApp);
app.route("/", transactionsApp);
app.route("/", withdrawalsApp);

app.onError(onError);
app.notFound(notFound);

const handler = {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduledJobs(env, ctx, controller.scheduledTime));
  },
} satisfies ExportedHandler<Bindings>;

export default handler;

export interface MachinesCardWorkerOptions<E> {
  /**
   * The Worker's bindings from the host Worker's env, for a partner whose names differ (`DB` may be
   * `env.CARD_DB`). Called once per env object: settings are parsed once per bindings object.
   */
  bindings?: (env: E) => Bindings;
  /** The path the host mounts the Worker under (e.g. `/card`); stripped before routing. */
  basePath?: string;
}

/**
 * The Worker for a partner who mounts it inside their own Worker: `fetch` and `scheduled` taking the
 * host's env. Without options it is the default export.
 *
 * @example
 * const card = createMachinesCardWorker<Env>({ basePath: "/card", bindings: (env) => ({ ...env, DB: env.CARD_DB }) });
 * export default { fetch: (req, env, ctx) => new URL(req.url).pathname.startsWith("/card") ? card.fetch(req, env, ctx) : mySite(req) };
 */
export function createMachinesCardWorker<E extends object = Bindings>(options: MachinesCardWorkerOptions<E> = {}) {
  const mapped = new WeakMap<object, Bindings>();
  const bindingsOf = (env: E): Bindings => {
    if (!options.bindings) return env as unknown as Bindings;
    let b = mapped.get(env);
    if (!b) mapped.set(env, (b = options.bindings(env)));
    return b;
  };
  const base = options.basePath?.replace(/\/+$/, "") ?? "";
  return {
    fetch(request: Request, env: E, ctx: ExecutionContext): Response | Promise<Response> {
      if (base) {
        const url = new URL(request.url);
        // Outside the base path nothing is the Worker's: it answers its ordinary 404 envelope.
        if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) url.pathname = "/__outside_base_path__";
        else url.pathname = url.pathname.slice(base.length) || "/";
        request = new Request(url, request);
      }
      return app.fetch(request, bindingsOf(env), ctx);
    },
    scheduled(controller: ScheduledController, env: E, ctx: ExecutionContext): void {
      handler.scheduled(controller, bindingsOf(env), ctx);
    },
  };
}
