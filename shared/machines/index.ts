/**
 * Schemas and types of the Machines partner API (`/partner/v1`) bodies and reply `data`, one module per
 * domain, and the table of endpoints (`endpoints.ts`) both the Worker and the simulator use. Wrap a `data` schema with `okEnvelope()` from `../envelope` to parse a whole reply.
 */
export * from "./common";
export * from "./sessions";
export * from "./users";
export * from "./kyc";
export * from "./agreements";
export * from "./cards";
export * from "./encryption";
export * from "./balances";
export * from "./transactions";
export * from "./deposits";
export * from "./withdrawals";
export * from "./define-endpoint";
export * from "./endpoints";
