import { brandPalette, brandStyleText } from "./brand-palette";

/**
 * The `brand-color` palette as a constructed style sheet adopted by the element's shadow root: works
 * under a strict CSP (no inline styles) and never touches the host's `style` attribute, which the
 * page or its framework may own.
 */
export class BrandSheet {
  private readonly sheet = new CSSStyleSheet();

  set(color: string | null): void {
    this.sheet.replaceSync(color ? brandStyleText(brandPalette(color)) : "");
  }

  /** Adds the sheet after the element's own styles, so its rules win. */
  adoptInto(root: ShadowRoot): void {
    if (!root.adoptedStyleSheets.includes(this.sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
  }
}
