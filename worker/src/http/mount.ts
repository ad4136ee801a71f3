import type { Context, Hono, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type * as z from "zod/mini";
import type { RouteContract } from "@machines-card/contract/api/define-route";
import type { AppEnv } from "../env";
import { auth } from "../auth/auth";
import { user } from "../users/user-middleware";
import { enforceRateLimit } from "../rate-limit/rate-limit";
import type { RateLimitName } from "../rate-limit/rate-limits";
import { okReply } from "./reply";
import { validate, type ValidatedInput } from "./validate";

type Parsed<S> = [S] extends [z.ZodMiniType] ? z.output<S> : undefined;
/* eslint-disable @typescript-eslint/no-explicit-any */
type ParamsSchema<R> = R extends RouteContract<infer P, any, any, any> ? P : never;
type QuerySchema<R> = R extends RouteContract<any, infer Q, any, any> ? Q : never;
type BodySchema<R> = R extends RouteContract<any, any, infer B, any> ? B : never;

/** What a handler receives: the request parsed by the route's contract. */
export interface RouteInput<R extends RouteContract> {
  params: Parsed<ParamsSchema<R>>;
  query: Parsed<QuerySchema<R>>;
  body: Parsed<BodySchema<R>>;
  /** The `Idempotency-Key` header; validation guarantees it is set when the contract marks it `required`. */
  idempotencyKey: string | undefined;
}

/** What a handler returns: the `data` of the success envelope (typed by the contract) and a short summary. */
export interface RouteReply<R extends RouteContract> {
  data: z.input<R["response"]>;
  summary: string;
}

export type RouteHandler<R extends RouteContract> = (c: Context<AppEnv>, input: RouteInput<R>) => Promise<RouteReply<R>>;

export interface MountOptions {
  /** Count each call against this per-user limit (after auth and validation). */
  rateLimit?: RateLimitName;
}

/** Operation ids mounted so far (the contract test checks every route of `shared/api/routes.ts` is here). */
export const mountedOperations = new Set<string>();

/**
 * Mounts one route of the contract (`shared/api/routes.ts`) on a domain app: for `auth: true` routes,
 * bearer token → validation → user (at most one D1 query) → rate limit → handler; for public routes,
 * validation → handler. The handler's `data` is sent in the envelope with the contract's success status.
 *
 * @example
 * mount(app, routes.getBalances, async (c) => ({ data: (await machinesFor(c, "any").call(machinesApi.getBalances)).balances, summary: "balances" }));
 */
export function mount<R extends RouteContract>(app: Hono<AppEnv>, route: R, handler: RouteHandler<R>, options: MountOptions = {}): void {
  mountedOperations.add(route.operationId);
  const chain: MiddlewareHandler<AppEnv>[] = route.auth ? [auth(), validate(route), user()] : [validate(route)];
  if (options.rateLimit) {
    const name = options.rateLimit;
    chain.push(async (c, next) => {
      await enforceRateLimit(c.env, name, c.get("user").user.partnerUserId);
      await next();
    });
  }
  app.on(route.method, [route.path], ...chain, async (c) => {
    const reply = await handler(c, c.get("input") as ValidatedInput as RouteInput<R>);
    return okReply(c, reply.data, reply.summary, (route.successStatus ?? 200) as ContentfulStatusCode);
  });
}
