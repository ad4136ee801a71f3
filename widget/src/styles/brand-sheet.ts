/**
 * The `brand-color` palette as a constructed style sheet adopted by the element's shadow root: works
 * under a strict CSP (no inline styles) and never touches the host's `style` attribute, which the
 * page or its framework may own. The colour maths loads only for pages that set a brand colour.
 */
export class BrandSheet {
  private readonly sheet = new CSSStyleSheet();
  private wanted: string | null = null;

  /** Applies a colour (null: the theme's own); resolves once the sheet holds it. */
  async set(color: string | null): Promise<void> {
    this.wanted = color;
    if (!color) {
      this.sheet.replaceSync("");
      return;
    }
    const { brandPalette, brandStyleText } = await import("./brand-palette");
    if (this.wanted === color) this.sheet.replaceSync(brandStyleText(brandPalette(color)));
  }

  /** Adds the sheet after the element's own styles, so its rules win. */
  adoptInto(root: ShadowRoot): void {
    if (!root.adoptedStyleSheets.includes(this.sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
  }
}
