import { svg, type TemplateResult } from "lit";
import { encode } from "uqr";

/**
 * A QR code as an inline SVG: one path of dark modules, coloured by the step's CSS (no inline styles,
 * so it renders under a strict CSP). Only the text given is encoded: for a deposit, the bare address,
 * which every wallet's scanner reads.
 */
export function qrCode(text: string, label: string): TemplateResult {
  const { size, data } = encode(text, { ecc: "M", border: 2 });
  let path = "";
  data.forEach((row, y) => {
    // One rectangle per run of dark modules keeps the path short.
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (x + run < size && row[x + run]) run++;
      path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  return svg`<svg class="qr" role="img" aria-label=${label} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><path d=${path} /></svg>`;
}
