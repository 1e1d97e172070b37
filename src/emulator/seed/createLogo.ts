/**
 * A small hand-drawn SVG logo as a `data:` URI: a rounded tile in the brand colour with a glyph.
 * Nothing is loaded from the network, so the emulator works offline.
 *
 * @example
 * ```ts
 * createLogo('#ff7a59', 'H'); // 'data:image/svg+xml,%3Csvg…'
 * ```
 */
export function createLogo(background: string, glyph: string, foreground = '#ffffff'): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="14" fill="${background}"/>` +
    `<circle cx="50" cy="14" r="5" fill="${foreground}" fill-opacity=".35"/>` +
    `<text x="32" y="43" text-anchor="middle" font-family="Helvetica,Arial,sans-serif" font-size="30" font-weight="700" fill="${foreground}">${glyph}</text>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
