import { expect } from "vitest";

/**
 * Compares the structure of a reply with a documented example: the same keys at every level and
 * the same JSON type for every value. `allowExtra` lists dotted paths where the sandbox documents a
 * superset (e.g. the full card on create); `nullable` lists paths where the docs' value may be `null`
 * in the sandbox (e.g. `changeNowId`, set only in production). Array items are compared item by item
 * when the lengths match, else with the example's first item. Paths use `[]` for array items.
 */
export function shapeDifferences(
  actual: unknown,
  example: unknown,
  o: { allowExtra?: string[]; nullable?: string[] } = {},
  path = "",
): string[] {
  const here = path || "(root)";
  const type = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
  if (type(actual) !== type(example)) {
    if (actual === null && o.nullable?.includes(path)) return [];
    return [`${here}: ${type(actual)} where the docs have ${type(example)}`];
  }
  if (Array.isArray(example)) {
    const items = actual as unknown[];
    // Same length: item by item (lists of differently shaped items, like KYC fields); else like the first.
    if (items.length === example.length) return items.flatMap((item, i) => shapeDifferences(item, example[i], o, `${path}[]`));
    const [first] = example;
    if (first === undefined) return [];
    return items.flatMap((item) => shapeDifferences(item, first, o, `${path}[]`));
  }
  if (type(example) !== "object") return [];
  const a = actual as Record<string, unknown>;
  const e = example as Record<string, unknown>;
  const differences: string[] = [];
  for (const key of Object.keys(e)) {
    const child = path ? `${path}.${key}` : key;
    if (!(key in a)) differences.push(`${child}: missing`);
    else differences.push(...shapeDifferences(a[key], e[key], o, child));
  }
  for (const key of Object.keys(a)) {
    const child = path ? `${path}.${key}` : key;
    if (!(key in e) && !o.allowExtra?.includes(child)) differences.push(`${child}: not in the docs' example`);
  }
  return differences;
}

export function expectSameShape(actual: unknown, example: unknown, o?: { allowExtra?: string[]; nullable?: string[] }): void {
  expect(shapeDifferences(actual, example, o)).toEqual([]);
}
