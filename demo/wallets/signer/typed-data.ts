import { getAddress, isAddress, isHex, type TypedDataDefinition } from "viem";

/**
 * Turns EIP-712 typed data as `eth_signTypedData_v4` takes it (a JSON object or its string, numbers
 * often as decimal or hex strings) into the exact values viem signs, and refuses anything a wallet
 * would refuse, naming the offending field (`typedData.message.amount`).
 */

export class TypedDataInputError extends Error {
  override name = "TypedDataInputError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type TypeField = { name: string; type: string };
type Types = Record<string, TypeField[]>;

const DOMAIN_FIELD_TYPES: Record<string, string> = {
  name: "string",
  version: "string",
  chainId: "uint256",
  verifyingContract: "address",
  salt: "bytes32",
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function toInteger(value: unknown, field: string): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return BigInt(value.trim());
  if (typeof value === "string" && /^0x[0-9a-fA-F]+$/.test(value.trim())) return BigInt(value.trim());
  throw new TypedDataInputError(field, `${field} must be an integer (a safe number, or a decimal or 0x string)`);
}

function coerce(type: string, value: unknown, types: Types, field: string, depth = 0): unknown {
  if (depth > 16) throw new TypedDataInputError(field, `${field} nests too deeply`);
  const array = /^(.+)\[(\d*)\]$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) throw new TypedDataInputError(field, `${field} must be an array`);
    if (array[2] && value.length !== Number(array[2])) throw new TypedDataInputError(field, `${field} must have ${array[2]} items`);
    return value.map((item, i) => coerce(array[1]!, item, types, `${field}.${i}`, depth + 1));
  }
  const int = /^(u?)int(\d*)$/.exec(type);
  if (int) {
    const bits = BigInt(int[2] || "256");
    const n = toInteger(value, field);
    const [min, max] = int[1] ? [0n, 2n ** bits - 1n] : [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n];
    if (n < min || n > max) throw new TypedDataInputError(field, `${field} is out of range for ${type}`);
    return n;
  }
  const fixedBytes = /^bytes(\d+)$/.exec(type);
  if (fixedBytes) {
    const size = Number(fixedBytes[1]);
    if (typeof value !== "string" || !isHex(value, { strict: true }) || value.length !== 2 + size * 2) {
      throw new TypedDataInputError(field, `${field} must be ${size} bytes of 0x-prefixed hex`);
    }
    return value;
  }
  switch (type) {
    case "address":
      if (typeof value !== "string" || !isAddress(value, { strict: false })) throw new TypedDataInputError(field, `${field} must be an address`);
      return getAddress(value);
    case "bool":
      if (typeof value !== "boolean") throw new TypedDataInputError(field, `${field} must be true or false`);
      return value;
    case "string":
      if (typeof value !== "string") throw new TypedDataInputError(field, `${field} must be a string`);
      return value;
    case "bytes":
      if (typeof value !== "string" || !isHex(value, { strict: true }) || value.length % 2) {
        throw new TypedDataInputError(field, `${field} must be 0x-prefixed hex`);
      }
      return value;
  }
  const struct = types[type];
  if (!struct) throw new TypedDataInputError(field, `${field} has unknown type ${type}`);
  if (!isRecord(value)) throw new TypedDataInputError(field, `${field} must be an object`);
  return Object.fromEntries(struct.map((f) => [f.name, coerce(f.type, value[f.name], types, `${field}.${f.name}`, depth + 1)]));
}

function readTypes(raw: unknown): Types {
  const field = "typedData.types";
  if (!isRecord(raw)) throw new TypedDataInputError(field, `${field} must be an object of struct definitions`);
  for (const [name, fields] of Object.entries(raw)) {
    const ok = Array.isArray(fields) && fields.every((f) => isRecord(f) && typeof f.name === "string" && typeof f.type === "string" && f.type);
    if (!ok) throw new TypedDataInputError(`${field}.${name}`, `${field}.${name} must be an array of { name, type }`);
  }
  return raw as Types;
}

export interface NormalisedTypedData {
  typedData: TypedDataDefinition;
  chainId?: number;
}

/** @throws TypedDataInputError */
export function normaliseTypedData(input: unknown): NormalisedTypedData {
  let raw = input;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw new TypedDataInputError("typedData", "typedData must be an object or its JSON string");
    }
  }
  if (!isRecord(raw)) throw new TypedDataInputError("typedData", "typedData must be an object or its JSON string");
  const types = readTypes(raw.types);
  const { primaryType } = raw;
  if (typeof primaryType !== "string" || primaryType === "EIP712Domain" || !types[primaryType]) {
    throw new TypedDataInputError("typedData.primaryType", "typedData.primaryType must name a struct defined in typedData.types");
  }
  const domainIn = raw.domain ?? {};
  if (!isRecord(domainIn)) throw new TypedDataInputError("typedData.domain", "typedData.domain must be an object");
  const domain: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(domainIn)) {
    const type = DOMAIN_FIELD_TYPES[name];
    if (!type) throw new TypedDataInputError(`typedData.domain.${name}`, `typedData.domain.${name} is not an EIP-712 domain field`);
    domain[name] = coerce(type, value, types, `typedData.domain.${name}`);
  }
  if (domain.chainId !== undefined) domain.chainId = Number(domain.chainId);
  const message = coerce(primaryType, raw.message, types, "typedData.message");
  // Runtime-checked above; viem's static typed-data types cannot describe data only known at run time.
  const typedData = { domain, types, primaryType, message } as unknown as TypedDataDefinition;
  return domain.chainId === undefined ? { typedData } : { typedData, chainId: domain.chainId as number };
}
