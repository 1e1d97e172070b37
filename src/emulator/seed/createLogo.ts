/**
 * A small hand-drawn SVG logo as a `data:` URI: a rounded tile in the brand colour with a glyph (no
 * decoration that could read as a status light; light tiles get a hairline edge). Nothing is loaded
 * from the network, so the emulator works offline.
 *
 * @example
 * ```ts
 * createLogo('#ff7a59', 'H'); // 'data:image/svg+xml,%3Csvg…'
 * ```
 */
export function createLogo(background: string, glyph: string, foreground = '#ffffff'): string {
  // A light tile gets a hairline edge, so a white logo stays visible on a white page.
  const edge = isLight(background) ? ` stroke="#0b1220" stroke-opacity=".16" stroke-width="2"` : '';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect x="1" y="1" width="62" height="62" rx="13" fill="${background}"${edge}/>` +
    `<text x="32" y="43" text-anchor="middle" font-family="Helvetica,Arial,sans-serif" font-size="30" font-weight="700" fill="${foreground}">${glyph}</text>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Relative luminance of a `#rrggbb` colour above 0.8 (white, pale yellow…). */
function isLight(hex: string): boolean {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.8;
}
