import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteContract } from "@machines-card/contract/api/define-route";
import { ApiError, errorItemsOf } from "./api-error";

export interface WorkerClientOptions {
  /** The Worker's base URL (the element's `api-base`), without a trailing slash. */
  baseUrl: string;
  /** The signed-in user's current JWT, or null when nobody is signed in. */
  token?: () => Promise<string | null>;
  /**
   * Called once when the Worker answers 401 to an authenticated call: returns a renewed JWT to retry
   * with, or null (the session is over).
   */
  renewToken?: () => Promise<string | null>;
  /** Milliseconds before a call gives up with `timeout` (default 20 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** What a call takes, typed from the route: path params, query, body, idempotency key, abort signal. */
export type CallInput<R extends RouteContract> = (ParamsOf<R> extends undefined ? { params?: undefined } : { params: ParamsOf<R> }) &
  (QueryOf<R> extends undefined ? { query?: undefined } : { query?: QueryOf<R> }) &
  (BodyOf<R> extends undefined ? { body?: undefined } : { body: BodyOf<R> }) & {
    /** Sent as `Idempotency-Key`; reuse the same key when retrying the same intent. */
    idempotencyKey?: string;
    signal?: AbortSignal;
  };

/** The one typed client every step calls the Worker through: `client.call(routes.x, input)`. */
export interface WorkerClient {
  readonly baseUrl: string;
  call<R extends RouteContract>(route: R, input: CallInput<R>): Promise<ResponseOf<R>>;
}

/**
 * Creates the Worker client: builds requests from a route contract (path params, query, JSON body,
 * bearer token, Idempotency-Key), reads the success envelope's `data`, and turns every failure into an
 * `ApiError`. It reads the route's method, path, auth and idempotency, never its schemas: the Worker
 * checks every body against them (and answers `invalid_request` naming the field), and the widget's
 * build leaves them out, so no schema library ships to the browser. The types still come from the
 * schemas. Replies are read, not re-validated: what only shows is read tolerantly by the step, and
 * what moves money is checked against the request before the wallet is asked (`prepared-check.ts`).
 *
 * @example
 * const client = createWorkerClient({ baseUrl: "https://card.example.workers.dev", token: () => auth.token() });
 * const { cards } = await listCards(client);
 */
export function createWorkerClient(options: WorkerClientOptions): WorkerClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 20_000;

  async function send(route: RouteContract, input: CallInput<RouteContract>, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json" };
    let body: string | undefined;
    if (input.body !== undefined) {
      body = JSON.stringify(input.body);
      headers["Content-Type"] = "application/json";
    }
    if (route.auth && token) headers.Authorization = `Bearer ${token}`;
    if (route.idempotency && input.idempotencyKey) headers["Idempotency-Key"] = input.idempotencyKey;

    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;
    try {
      return await doFetch(buildUrl(baseUrl, route, input), { method: route.method, headers, body, signal, credentials: "omit" });
    } catch (error) {
      if (input.signal?.aborted) throw input.signal.reason ?? error;
      if (timeout.aborted) {
        throw new ApiError({ code: "timeout", message: `the Worker at ${baseUrl} did not answer within ${timeoutMs / 1000} s`, status: 0, cause: error });
      }
      throw new ApiError({
        code: "network_error",
        message: `could not reach the Worker at ${baseUrl} (offline, wrong address, or CORS refused this page's origin)`,
        status: 0,
        cause: error,
      });
    }
  }

  return {
    baseUrl,
    async call(route, input) {
      const anyInput = input as CallInput<RouteContract>;
      let token = route.auth && options.token ? await options.token() : null;
      let response = await send(route, anyInput, token);
      if (response.status === 401 && route.auth && options.renewToken) {
        // A 401 means the Worker did not act on the request, so sending it again is safe.
        token = await options.renewToken();
        if (token) response = await send(route, anyInput, token);
      }
      return (await read(route, response)) as never;
    },
  };
}

function buildUrl(baseUrl: string, route: RouteContract, input: CallInput<RouteContract>): string {
  const params = (input.params ?? {}) as Record<string, string>;
  const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new ApiError({ code: "invalid_request", message: `missing path parameter ${name}`, field: name, status: 0 });
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries((input.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null) query.set(key, String(value));
  }
  const search = query.size ? `?${query}` : "";
  return `${baseUrl}${path}${search}`;
}

async function read(route: RouteContract, response: Response): Promise<unknown> {
  const requestId = response.headers.get("X-Request-Id") ?? undefined;
  const retryAfter = Number(response.headers.get("Retry-After"));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new ApiError({
      code: "invalid_response",
      message: `the Worker answered ${route.method} ${route.path} with ${response.status} and a body that is not JSON`,
      status: response.status,
      requestId,
      cause,
    });
  }
  if (response.ok && isRecord(json) && json.ok === true) {
    if (isRecord(json.data)) return json.data;
    throw new ApiError({
      code: "invalid_response",
      message: `the Worker's reply to ${route.method} ${route.path} has no data object`,
      status: response.status,
      requestId: requestIdOf(json) ?? requestId,
    });
  }
  const errors = isRecord(json) && json.ok === false ? errorItemsOf(json.errors) : [];
  if (!response.ok && errors.length) {
    const [first] = errors;
    throw new ApiError({
      code: first!.code as ApiError["code"],
      message: first!.message,
      field: first!.field,
      status: response.status,
      requestId: requestIdOf(json as Record<string, unknown>) ?? requestId,
      errors,
      retryAfterSeconds,
    });
  }
  throw new ApiError({
    code: "invalid_response",
    message: `the Worker answered ${route.method} ${route.path} with ${response.status} outside its error envelope`,
    status: response.status,
    requestId,
    retryAfterSeconds,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function requestIdOf(json: Record<string, unknown>): string | undefined {
  return typeof json.requestId === "string" ? json.requestId : undefined;
}
