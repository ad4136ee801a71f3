import type * as z from "zod/mini";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/**
 * One route of the Worker's public JSON API: the single description both halves use.
 * The Worker validates requests and builds `/openapi.json` from it; the widget's client
 * builds requests and parses replies with it. `path` uses Hono's `:param` syntax.
 */
export interface RouteContract<
  P extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  Q extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  B extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  R extends z.ZodMiniType = z.ZodMiniType,
> {
  method: HttpMethod;
  path: string;
  /** OpenAPI operationId and the name the widget's client calls it by. */
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** false only for the few public routes (config, health, OpenAPI). */
  auth: boolean;
  /** The route takes an `Idempotency-Key` header (8–128 characters); `required` makes it mandatory. */
  idempotency?: "optional" | "required";
  params?: P;
  query?: Q;
  body?: B;
  /** Schema of `data` inside the success envelope. */
  response: R;
  /** HTTP status of success (200 unless the route creates something). */
  successStatus?: 200 | 201 | 202;
  /** Error codes worth documenting for this route (beyond the common ones). */
  errors?: readonly string[];
}

export function defineRoute<
  P extends z.ZodMiniType | undefined = undefined,
  Q extends z.ZodMiniType | undefined = undefined,
  B extends z.ZodMiniType | undefined = undefined,
  R extends z.ZodMiniType = z.ZodMiniType,
>(route: RouteContract<P, Q, B, R>): RouteContract<P, Q, B, R> {
  return route;
}

export type ParamsOf<T> = T extends RouteContract<infer P, any, any, any> ? (P extends z.ZodMiniType ? z.input<P> : undefined) : never;
export type QueryOf<T> = T extends RouteContract<any, infer Q, any, any> ? (Q extends z.ZodMiniType ? z.input<Q> : undefined) : never;
export type BodyOf<T> = T extends RouteContract<any, any, infer B, any> ? (B extends z.ZodMiniType ? z.input<B> : undefined) : never;
export type ResponseOf<T> = T extends RouteContract<any, any, any, infer R> ? z.infer<R> : never;
