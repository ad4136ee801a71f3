/**
 * Derives the brand palette from one colour, so that text stays readable (WCAG AA, 4.5:1):
 * - `onBrand`: black or white, whichever reads better on the brand colour (at least 4.5:1 by construction);
 * - `textLight` / `textDark`: the brand colour darkened or lightened until it reads as text on the light
 *   and dark backgrounds.
 */
export interface BrandPalette {
  brand: string;
  onBrand: string;
  /** The pressed/hovered button colour: darker under white text, lighter under black text, so contrast only grows. */
  hover: string;
  textLight: string;
  textDark: string;
}

type Rgb = [number, number, number];

export const LIGHT_BACKGROUND = "#ffffff";
export const DARK_BACKGROUND = "#15161a";

export { parseHexColor } from "./hex-color";

function rgbOf(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hexOf([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function mix(hex: string, toward: Rgb, amount: number): string {
  const rgb = rgbOf(hex);
  return hexOf(rgb.map((c, i) => c + (toward[i]! - c) * amount) as Rgb);
}

/** Moves the colour toward black or white in small steps until it reaches `ratio` against `background`. */
function readableOn(hex: string, background: string, ratio = 4.5): string {
  const toward: Rgb = luminance(background) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  for (let amount = 0; amount <= 1; amount += 0.04) {
    const candidate = mix(hex, toward, amount);
    if (contrast(candidate, background) >= ratio) return candidate;
  }
  return hexOf(toward);
}

export function brandPalette(brand: string): BrandPalette {
  const white = "#ffffff";
  const black = "#000000";
  const onBrand = contrast(white, brand) >= contrast(black, brand) ? white : black;
  return {
    brand,
    onBrand,
    hover: mix(brand, onBrand === white ? [0, 0, 0] : [255, 255, 255], 0.14),
    textLight: readableOn(brand, LIGHT_BACKGROUND),
    textDark: readableOn(brand, DARK_BACKGROUND),
  };
}

/** The palette as a style sheet for the element's shadow root (adopted, so it works under a strict CSP). */
export function brandStyleText(p: BrandPalette): string {
  const common = `--mc-color-brand:${p.brand};--mc-color-on-brand:${p.onBrand};--mc-brand-hover:${p.hover};`;
  const dark = `${common}--mc-color-brand-text:${p.textDark};`;
  return (
    `:host{${common}--mc-color-brand-text:${p.textLight};}` +
    `:host([theme="dark"]){${dark}}` +
    `@media (prefers-color-scheme: dark){:host([theme="auto"]){${dark}}}`
  );
}
