/** Options of {@link safeHttpUrl}. */
export interface SafeHttpUrlOptions {
  /** Also accept `data:image/…` URLs (for an `<img src>`, where they cannot run script). */
  allowDataImage?: boolean;
}

const DATA_IMAGE = /^data:image\/[\w.+-]+[;,]/i;

/**
 * The URL to put in an `href` or `src` that comes from API data, or `undefined` when it is not an
 * absolute `http:`/`https:` URL. React 18 renders `javascript:` hrefs as they are, so every link
 * or image built from Membrane's data (help links, logos) goes through this first.
 *
 * @example
 * ```tsx
 * const href = safeHttpUrl(option.helpUri); // undefined for 'javascript:alert(1)'
 * {href ? <a href={href}>Help</a> : null}
 * <img src={safeHttpUrl(integration.logoUri, { allowDataImage: true })} alt="" />
 * ```
 */
export function safeHttpUrl(value: unknown, options: SafeHttpUrlOptions = {}): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (options.allowDataImage && DATA_IMAGE.test(text)) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
