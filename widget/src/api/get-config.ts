import type { ResponseOf } from "../../../shared/api/define-route";
import { configRoutes } from "../../../shared/api/config";
import type { ApiError } from "./api-error";
import type { WorkerClient } from "./client";

const route = configRoutes.getConfig;

export type GetConfigParameters = { signal?: AbortSignal };
export type GetConfigReturnType = ResponseOf<typeof route>;
export type GetConfigErrorType = ApiError;

/**
 * Public configuration for the widget (environment, auth and wallet providers, chain) (`GET /v1/config`).
 *
 * @example
 * const config = await getConfig(client);
 */
export function getConfig(client: WorkerClient, parameters: GetConfigParameters = {}): Promise<GetConfigReturnType> {
  const { signal } = parameters;
  return client.call(route, { signal });
}
