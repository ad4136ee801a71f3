/** `#rgb` or `#rrggbb` (case-insensitive) → `#rrggbb`, or null. Apart from the palette maths, which loads only when used. */
export function parseHexColor(value: string): string | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return `#${hex.toLowerCase()}`;
}
