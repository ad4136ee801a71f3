import { agreementsRoutes } from "./agreements";
import { balancesRoutes } from "./balances";
import { cardRoutes } from "./cards";
import { configRoutes } from "./config";
import { depositRoutes } from "./deposits";
import { kycRoutes } from "./kyc";
import { kycApplicationRoutes } from "./kyc-application";
import { meRoutes } from "./me";
import { revealRoutes } from "./reveal";
import { transactionRoutes } from "./transactions";
import { withdrawalRoutes } from "./withdrawals";

/**
 * Every route of the Worker's public JSON API (besides /healthz and /openapi.json), by operation id.
 * The Worker mounts and documents exactly these; the widget calls exactly these.
 */
export const routes = {
  ...configRoutes,
  ...meRoutes,
  ...kycRoutes,
  ...kycApplicationRoutes,
  ...agreementsRoutes,
  ...balancesRoutes,
  ...depositRoutes,
  ...cardRoutes,
  ...revealRoutes,
  ...withdrawalRoutes,
  ...transactionRoutes,
} as const;

export type Routes = typeof routes;
export type OperationId = keyof Routes;
