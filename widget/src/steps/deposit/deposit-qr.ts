import { nothing, svg, type TemplateResult } from "lit";
import { qrMatrix } from "./qr-matrix";

/**
 * A QR code as an inline SVG: one path of dark modules, coloured by the step's CSS (no inline styles,
 * so it renders under a strict CSP). Only the text given is encoded: for a deposit, the bare address,
 * which every wallet's scanner reads. An address too long for a code (none is, today) shows as text alone.
 */
export function qrCode(text: string, label: string): TemplateResult | typeof nothing {
  let matrix;
  try {
    matrix = qrMatrix(text);
  } catch {
    return nothing;
  }
  const { size: codeSize, modules } = matrix;
  // A quiet zone of two modules around the code, as scanners need.
  const size = codeSize + 4;
  let path = "";
  modules.forEach((row, i) => {
    const y = i + 2;
    // One rectangle per run of dark modules keeps the path short.
    for (let x = 0; x < codeSize; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (x + run < codeSize && row[x + run]) run++;
      path += `M${x + 2} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  return svg`<svg class="qr" role="img" aria-label=${label} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><path d=${path} /></svg>`;
}
