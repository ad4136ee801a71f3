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

export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduledJobs(env, ctx, controller.scheduledTime));
  },
} satisfies ExportedHandler<Bindings>;
