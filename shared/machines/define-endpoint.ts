import type * as z from "zod/mini";
import type { Scope } from "./sessions";

export type MachinesMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** `partner`: `X-Partner-Key` (server-side only). `session`: `Authorization: Bearer <sessionToken>`. */
export type MachinesAuth = "partner" | "session";

/**
 * One endpoint of the Machines partner API: the single description the Worker calls it by and the
 * simulator serves it from, so a path, a scope or a shape cannot drift between them.
 */
export interface MachinesEndpoint<
  P extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  Q extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  B extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  D extends z.ZodMiniType = z.ZodMiniType,
  A extends MachinesAuth = MachinesAuth,
> {
  method: MachinesMethod;
  /** Relative to `/partner/v1`, with `:name` path parameters (`/cards/:cardId`). */
  path: string;
  /** Other paths serving the same endpoint (`/kyc/schema` for `/kyc/values`). */
  aliases?: readonly string[];
  auth: A;
  /** The scope a session needs; none means any session will do. Partner-key endpoints have none. */
  scope?: Scope;
  /** Takes an `Idempotency-Key` header (8–128 characters; optional at Machines). */
  idempotencyKey?: boolean;
  /**
   * Safe to repeat after a lost reply (reads, quotes, setting a state again). A write that is not is
   * repeated only under an `Idempotency-Key`.
   */
  idempotent: boolean;
  params?: P;
  query?: Q;
  /** The body; a body documented in two shapes is the union of both (see `bodyShape`). */
  body?: B;
  /**
   * For a body documented in two shapes: which member of the union a raw body follows, so a server
   * reports the errors of that shape's fields rather than "matches no shape".
   */
  bodyShape?: (raw: unknown) => z.ZodMiniType;
  /** Schema of the reply's `data`: tolerant where the product only displays (reference §12). */
  data: D;
}

/** Declares an endpoint, keeping its schema types for the typed caller and the simulator's handlers. */
export function defineEndpoint<
  P extends z.ZodMiniType | undefined = undefined,
  Q extends z.ZodMiniType | undefined = undefined,
  B extends z.ZodMiniType | undefined = undefined,
  D extends z.ZodMiniType = z.ZodMiniType,
  A extends MachinesAuth = MachinesAuth,
>(endpoint: MachinesEndpoint<P, Q, B, D, A>): MachinesEndpoint<P, Q, B, D, A> {
  return endpoint;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Schema<E, K extends "params" | "query" | "body"> = E extends MachinesEndpoint<infer P, infer Q, infer B, any, any>
  ? { params: P; query: Q; body: B }[K]
  : never;
export type EndpointParams<E> = Schema<E, "params"> extends z.ZodMiniType ? z.output<Schema<E, "params">> : undefined;
export type EndpointQuery<E> = Schema<E, "query"> extends z.ZodMiniType ? z.output<Schema<E, "query">> : undefined;
export type EndpointBody<E> = Schema<E, "body"> extends z.ZodMiniType ? z.output<Schema<E, "body">> : undefined;
/** What a caller sends: the input side of each schema. */
export type EndpointParamsInput<E> = Schema<E, "params"> extends z.ZodMiniType ? z.input<Schema<E, "params">> : undefined;
export type EndpointQueryInput<E> = Schema<E, "query"> extends z.ZodMiniType ? z.input<Schema<E, "query">> : undefined;
export type EndpointBodyInput<E> = Schema<E, "body"> extends z.ZodMiniType ? z.input<Schema<E, "body">> : undefined;
/** The reply's `data` as read (output) and as served (input). */
export type EndpointData<E> = E extends MachinesEndpoint<any, any, any, infer D, any> ? z.output<D> : never;
export type EndpointDataInput<E> = E extends MachinesEndpoint<any, any, any, infer D, any> ? z.input<D> : never;

/** The path with its parameters filled in, each URI-encoded: `/cards/:cardId` → `/cards/9f97…`. */
export function endpointPath(endpoint: Pick<MachinesEndpoint, "path">, params?: Record<string, string | number>): string {
  return endpoint.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${endpoint.path}`);
    return encodeURIComponent(String(value));
  });
}
