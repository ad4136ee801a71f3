import { Hono, type MiddlewareHandler } from "hono";
import { defineRoute } from "@machines-card/contract/api/define-route";
import { RedeemRevealTicketBody, RevealedCard } from "@machines-card/contract/api/reveal";
import { routes } from "@machines-card/contract/api/routes";
import type { AppEnv } from "../../env";
import { AppError } from "../../errors";
import { bodyLimit } from "../../http/body-limit";
import { frameAsset, framePage } from "../../reveal/frame-page";
import { issueRevealTicket } from "../../reveal/issue-reveal-ticket";
import { redeemRevealTicket } from "../../reveal/redeem-reveal-ticket";
import { mount } from "../../http/mount";
import { okReply } from "../../http/reply";
import { validate, type ValidatedInput } from "../../http/validate";

/** The ticket, asked for by the widget like any card route (bearer token, CORS, contract). */
export const revealApp = new Hono<AppEnv>();

mount(revealApp, routes.createRevealTicket, async (c, { params, body }) => ({
  data: await issueRevealTicket(c, params.cardId, body),
  summary: "reveal ticket",
}));

/** The frame's one call, checked like a contract route but not part of the public API (`/openapi.json`). */
const redeemRoute = defineRoute({
  method: "POST",
  path: "/reveal/redeem",
  operationId: "redeemRevealTicket",
  tag: "reveal",
  summary: "The reveal frame redeems its ticket",
  auth: false,
  body: RedeemRevealTicketBody,
  response: RevealedCard,
});

/**
 * Only the frame, on the Worker's own origin, redeems tickets: a browser always sends `Origin` on a POST,
 * so a script on a partner page (or any other) is refused here even if it read a ticket.
 */
function sameOriginOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.header("Origin") !== new URL(c.req.url).origin) {
      throw new AppError("origin_not_allowed", "only the reveal frame redeems reveal tickets", { field: "Origin" });
    }
    await next();
  };
}

/**
 * The reveal frame: its page, script and style, and the redeem call it makes. Mounted before CORS: the
 * frame is the Worker's own origin, not a partner page.
 */
export const revealFrameApp = new Hono<AppEnv>();

revealFrameApp.get("/reveal", (c) => framePage(c));
revealFrameApp.get("/reveal/frame.js", (c) => frameAsset(c, "script"));
revealFrameApp.get("/reveal/frame.css", (c) => frameAsset(c, "style"));
revealFrameApp.post("/reveal/redeem", sameOriginOnly(), bodyLimit(2048), validate(redeemRoute), async (c) => {
  const { body } = c.get("input") as ValidatedInput;
  return okReply(c, await redeemRevealTicket(c, body as RedeemRevealTicketBody), "card details");
});
