import * as z from "zod/mini";
import { EVM_ADDRESS_PATTERN } from "../machines/common";
import { CENTS_MAX, CENTS_MIN } from "./bounds";

/** An EVM address (any case), by the one pattern Machines checks. */
export const Address = z.string().check(z.regex(EVM_ADDRESS_PATTERN, { error: "must be a 0x-prefixed 20-byte hex address" }));
/** A 32-byte transaction hash. */
export const TxHash = z.string().check(z.regex(/^0x[a-fA-F0-9]{64}$/, { error: "must be a 0x-prefixed 32-byte hex hash" }));
export const Hex = z.string().check(z.regex(/^0x([a-fA-F0-9]{2})*$/, { error: "must be 0x-prefixed hex" }));
/** Ids as Machines issues them (uuids, cuids): at least 8 characters, URL-safe. */
export const ResourceId = z.string().check(
  z.minLength(8),
  z.maxLength(128),
  z.regex(/^[A-Za-z0-9_-]+$/, { error: "must contain only letters, digits, '-' and '_'" }),
);
export const IsoDateTime = z.string().check(z.iso.datetime({ offset: true }));
/** Whole US cents. */
export const Cents = z.int().check(z.gte(0));
export const PositiveCents = z.int().check(z.gte(CENTS_MIN), z.lte(CENTS_MAX));
/** A currency or network id as Machines names them (`usdc`, `base`, `rusd`). */
export const AssetCode = z.string().check(
  z.minLength(1),
  z.maxLength(32),
  z.regex(/^[A-Za-z0-9_.-]+$/, { error: "must be a currency or network code" }),
);
export const Cursor = z.string().check(z.minLength(1), z.maxLength(512));
