import type { Context, Hono } from "hono";
import type {
  EndpointBody,
  EndpointDataInput,
  EndpointParams,
  EndpointQuery,
  MachinesEndpoint,
} from "@machines-card/contract/machines/define-endpoint";
import type { SimulatorContext } from "../context";
import { partnerAuth, sessionAuth } from "./auth";
import { parseWith, readJson } from "./body";
import type { ApiEnv } from "./env";
import { idempotencyKeyOf } from "./idempotency";
import { reply } from "./reply";

/** The request as an endpoint's handler receives it, parsed with the endpoint's schemas. */
export interface ServedRequest<E extends MachinesEndpoint> {
  params: EndpointParams<E>;
  query: EndpointQuery<E>;
  /** The `Idempotency-Key` header, for endpoints that take one (checked: 8–128 characters). */
  idempotencyKey: string | undefined;
  /**
   * The JSON body parsed with the endpoint's schema (a two-shape body with the shape it follows). Read
   * when the handler asks, so that a gate (agreements, a card that must exist) answers before the body.
   */
  body(): Promise<EndpointBody<E>>;
}

/** What a handler returns: the reply's `data`, typed by the endpoint, and the documented summary. */
export interface ServedReply<E extends MachinesEndpoint> {
  data: EndpointDataInput<E>;
  summary: string;
}

export type EndpointHandler<E extends MachinesEndpoint> = (
  c: Context<ApiEnv>,
  request: ServedRequest<E>,
) => ServedReply<E> | Promise<ServedReply<E>>;

/**
 * Serves one endpoint of the Machines table (`shared/machines/endpoints.ts`) on the simulator's app: its
 * method and path (and aliases), its credential and scope, its `Idempotency-Key`, its params, query and
 * body schemas, so the simulator and the Worker cannot disagree on any of them.
 *
 * @example
 * serve(app, ctx, machinesApi.getBalances, (c) => ({ data: { balances: balancesOf(ctx.store, c.get("user").userId) }, summary: "balances" }));
 */
export function serve<E extends MachinesEndpoint>(app: Hono<ApiEnv>, ctx: SimulatorContext, endpoint: E, handler: EndpointHandler<E>): void {
  const auth = endpoint.auth === "partner" ? partnerAuth(ctx) : sessionAuth(ctx, endpoint.scope);
  for (const path of [endpoint.path, ...(endpoint.aliases ?? [])]) {
    app.on(endpoint.method, path, auth, async (c) => {
      const idempotencyKey = endpoint.idempotencyKey ? idempotencyKeyOf(c) : undefined;
      const request: ServedRequest<E> = {
        params: (endpoint.params ? parseWith(endpoint.params, c.req.param()) : undefined) as EndpointParams<E>,
        query: (endpoint.query ? parseWith(endpoint.query, c.req.query()) : undefined) as EndpointQuery<E>,
        idempotencyKey,
        async body() {
          const raw = await readJson(c);
          const schema = endpoint.bodyShape?.(raw) ?? endpoint.body;
          return (schema ? parseWith(schema, raw) : undefined) as EndpointBody<E>;
        },
      };
      const { data, summary } = await handler(c, request);
      return reply(c, data, summary);
    });
  }
}
