import type { RevealTheme } from "@machines-card/contract/api/reveal";

/** The theme's colours and the element's custom properties they are read from. */
const COLORS = {
  brand: "--mc-color-brand",
  onBrand: "--mc-color-on-brand",
  brandText: "--mc-color-brand-text",
  background: "--mc-color-background",
  surface: "--mc-color-surface",
  text: "--mc-color-text",
  textMuted: "--mc-color-text-muted",
  border: "--mc-color-border",
  borderStrong: "--mc-color-border-strong",
  focus: "--mc-color-focus",
  danger: "--mc-color-danger",
} as const satisfies Record<keyof RevealTheme["colors"], string>;

const FONT = /^[A-Za-z0-9 ,'"_-]{1,200}$/;
const SENTINEL = "#010203";

/** Any CSS colour the canvas understands, as `#rrggbb`; undefined for one it cannot say that way (translucent, unknown). */
function hex(paint: CanvasRenderingContext2D, value: string): string | undefined {
  if (!value) return undefined;
  paint.fillStyle = SENTINEL;
  paint.fillStyle = value;
  const out = String(paint.fillStyle).toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(out)) return undefined;
  return out === SENTINEL && value.toLowerCase() !== SENTINEL ? undefined : out;
}

/** `--mc-radius` in CSS pixels (px, rem, em), rounded and kept within what the Worker accepts. */
function radiusPx(value: string, element: Element): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(px|rem|em)$/.exec(value);
  if (!match) return undefined;
  const base = match[2] === "px" ? 1 : parseFloat(getComputedStyle(match[2] === "rem" ? document.documentElement : element).fontSize);
  return Math.min(32, Math.max(0, Math.round(parseFloat(match[1]!) * base)));
}

/**
 * The element's look as it is now (partner overrides, brand colour, light or dark), resolved from the
 * custom properties `element` inherits, for the reveal frame to draw itself with. Values the frame could
 * not take as they are (a translucent colour, an odd font list) are left out: it uses its own.
 */
export function revealTheme(element: Element): RevealTheme {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  const paint = document.createElement("canvas").getContext("2d");
  const colors: RevealTheme["colors"] = {};
  if (paint) {
    for (const [key, property] of Object.entries(COLORS) as [keyof typeof COLORS, string][]) {
      const value = hex(paint, read(property));
      if (value) colors[key] = value;
    }
  }
  const font = read("--mc-font-family");
  const radius = radiusPx(read("--mc-radius"), element);
  return {
    scheme: style.colorScheme.includes("dark") ? "dark" : "light",
    colors,
    ...(FONT.test(font) ? { font } : {}),
    ...(radius === undefined ? {} : { radius }),
  };
}
