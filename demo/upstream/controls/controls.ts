import { Hono } from "hono";
import { cors } from "hono/cors";
import type { SimulatorContext } from "../context";
import { settle } from "../domain/settle";
import { errorResponse, notFoundResponse, reply } from "../http/reply";
import { kycPageRoutes } from "./kyc-page";
import { moneyControls } from "./money.controls";
import { settingsControls } from "./settings.controls";
import { userControls } from "./users.controls";

/** Listed by `GET /sandbox/` so a tester (or a page) can discover the controls. */
export const CONTROL_ROUTES = [
  "GET    /users?q=                       users with KYC email, wallets, collateral address and version, balances",
  "GET    /users/:userId                  one user, with their deposits and withdrawals",
  "POST   /users/:userId/kyc              {status, reason?}: set any KYC status",
  "GET    /kyc/verify?userId&signature    the hosted-verification page (completionLink)",
  "POST   /deposits/:depositId/complete   {amountCents?}: processing → completed, credit raised",
  "POST   /faucet                         {userId, amountCents?}: mint test dollars into the user's collateral",
  "POST   /purchases                      {cardId, amountCents, merchantName?, posted?}: record a card purchase",
  "POST   /transactions/:id/post          post a pending purchase",
  "GET    /settings  PATCH /settings      run-time settings",
  "GET    /faults  POST /faults  DELETE /faults[/:id]   fault injection on /partner/v1",
  "GET    /chain                          chain id, RPC URL and contract addresses",
  "POST   /reset                          forget every user, session, card, deposit and withdrawal",
];

/**
 * The sandbox controls (mounted at `/sandbox`): JSON, open CORS, no authentication. Sandbox-only by
 * construction: nothing here exists on the real Machines API.
 */
export function createControlsApp(ctx: SimulatorContext, reset: () => void): Hono {
  const app = new Hono();
  app.use("*", cors({ origin: "*", allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"], allowHeaders: ["Content-Type"] }));
  app.use("*", async (c, next) => {
    c.header("X-Machines-Sandbox", "controls");
    settle(ctx);
    await next();
  });
  app.get("/", (c) => reply(c, { sandbox: "machines-partner-api", controls: CONTROL_ROUTES }, "sandbox controls"));
  app.route("/", kycPageRoutes(ctx));
  app.route("/", userControls(ctx));
  app.route("/", moneyControls(ctx));
  app.route("/", settingsControls(ctx, reset));
  app.all("*", notFoundResponse);
  app.notFound(notFoundResponse);
  app.onError((error, c) => errorResponse(c, error, ctx.log));
  return app;
}
