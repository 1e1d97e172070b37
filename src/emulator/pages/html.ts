/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON safe to place inside an inline `<script>`: `<`, `>` and `&` become `\u003c`, `\u003e` and
 * `\u0026` (no `</script>`, `<!--` or entity can end or change the script), U+2028/9 are escaped
 * (line terminators in older JS). The result is still valid JSON for the same value.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value ?? null)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The URL if it is absolute http(s), else `undefined`: seed and API values become links or
 * images only when they cannot run script (`javascript:`, `data:text/html`, `vbscript:`…).
 */
export function safeLinkUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** An image source: http(s) or a `data:image/…` URI (the seed's logos); anything else becomes an empty `data:,`. */
export function safeImageUrl(value: unknown): string {
  if (typeof value === 'string' && /^data:image\/(png|gif|jpeg|webp|svg\+xml)[;,]/i.test(value)) return value;
  return safeLinkUrl(value) ?? 'data:,';
}

const STYLES = `
:root{color-scheme:light dark;--bg:#f6f7fb;--card:#fff;--text:#1d2230;--muted:#5d6578;--line:#dfe3ec;--accent:#3d5afe;--danger:#c62828;--ok:#1b873f;--warn:#b26a00}
@media (prefers-color-scheme:dark){:root{--bg:#12141a;--card:#1b1e27;--text:#e9ecf3;--muted:#a0a8ba;--line:#2d3240}}
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--text)}
main{max-width:640px;margin:0 auto;padding:24px 20px}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:20px;margin-bottom:16px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:0}p{margin:6px 0}.muted{color:var(--muted)}
.badge{display:inline-block;font-size:12px;padding:2px 8px;border-radius:999px;border:1px solid var(--line);color:var(--muted)}
.badge[data-state=connected]{color:var(--ok);border-color:currentColor}.badge[data-state=error],.badge[data-state=disconnected]{color:var(--danger);border-color:currentColor}
.row{display:flex;align-items:center;gap:12px}.row>.grow{flex:1;min-width:0}.logo{width:40px;height:40px;border-radius:8px;flex:none}
button{font:inherit;border-radius:8px;border:1px solid var(--line);background:var(--card);color:var(--text);padding:8px 14px;cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:#fff}button.danger{color:var(--danger)}
button:focus-visible,input:focus-visible,select:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.actions{display:flex;gap:8px;justify-content:flex-end;margin-top:16px}
label{display:block;margin:12px 0 4px;font-weight:600}input,select{font:inherit;width:100%;padding:8px 10px;border-radius:8px;border:1px solid var(--line);background:var(--bg);color:var(--text)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:12px 0}dt{color:var(--muted)}dd{margin:0;word-break:break-all}
.error{color:var(--danger)}.dev{font-size:12px;color:var(--warn);margin-top:16px}ul.list{list-style:none;margin:0;padding:0}ul.list li{padding:12px 0;border-top:1px solid var(--line)}ul.list li:first-child{border-top:0}
fieldset{border:0;padding:0;margin:12px 0}fieldset label{display:flex;gap:8px;font-weight:400;align-items:center}fieldset input{width:auto}
`;

/** Inline favicon: mounted under a base path (Vite plugin), `/favicon.ico` is not the emulator's. */
const FAVICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="4" fill="#3d5afe"/></svg>',
)}`;

/** A complete emulator page. */
export function renderPage(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="icon" href="${FAVICON}"><title>${escapeHtml(title)} · Membrane emulator</title><style>${STYLES}</style></head>
<body><main>${body}<p class="dev">Local Membrane emulator: development only, no real app is contacted.</p></main>${
    script ? `<script>${script}</script>` : ''
  }</body></html>`;
}
