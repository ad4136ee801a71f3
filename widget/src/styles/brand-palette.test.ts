import { expect } from "@open-wc/testing";
import { DARK_BACKGROUND, LIGHT_BACKGROUND, brandPalette, brandStyleText, contrast, parseHexColor } from "./brand-palette";

describe("brand palette", () => {
  it("reads #rgb and #rrggbb in any case, and nothing else", () => {
    expect(parseHexColor("#ABC")).to.equal("#aabbcc");
    expect(parseHexColor(" #4F46E5 ")).to.equal("#4f46e5");
    for (const bad of ["red", "#12345", "rgb(0,0,0)", "#ggg", ""]) expect(parseHexColor(bad), bad).to.equal(null);
  });

  it("computes WCAG contrast ratios", () => {
    expect(contrast("#000000", "#ffffff")).to.be.closeTo(21, 0.01);
    expect(contrast("#777777", "#ffffff")).to.be.closeTo(4.48, 0.01);
    expect(contrast("#ffffff", "#ffffff")).to.equal(1);
  });

  it("keeps every derived text colour at 4.5:1 or more, for colours across the wheel", () => {
    for (let hue = 0; hue < 360; hue += 15) {
      for (const lightness of [20, 45, 60, 85]) {
        const brand = hslHex(hue, 80, lightness);
        const p = brandPalette(brand);
        expect(contrast(p.onBrand, brand), `${brand} on-brand`).to.be.at.least(4.5);
        expect(contrast(p.textLight, LIGHT_BACKGROUND), `${brand} on light`).to.be.at.least(4.5);
        expect(contrast(p.textDark, DARK_BACKGROUND), `${brand} on dark`).to.be.at.least(4.5);
      }
    }
  });

  it("keeps a colour that already reads well unchanged", () => {
    expect(brandPalette("#1d4ed8").textLight).to.equal("#1d4ed8");
  });

  it("writes rules for the light, dark and auto themes", () => {
    const css = brandStyleText(brandPalette("#ffd400"));
    expect(css).to.contain(":host{--mc-color-brand:#ffd400;--mc-color-on-brand:#000000;");
    expect(css).to.contain(':host([theme="dark"])');
    expect(css).to.contain('@media (prefers-color-scheme: dark){:host([theme="auto"])');
  });
});

function hslHex(h: number, s: number, l: number): string {
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255).toString(16).padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}
