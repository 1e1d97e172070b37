/** Loopback hosts: a page served from one of them is the developer's own dev server. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** The origin of an absolute http(s) URL or origin string; throws a `TypeError` naming the option for anything else. */
function normalizeOrigin(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // handled below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || value.replace(/\/$/, '') !== url.origin) {
    throw new TypeError(`allowedOrigins entries must be origins such as "https://dev.example.com" (scheme, host, optional port; no path), or "*", got "${value}".`);
  }
  return url.origin;
}

/**
 * Creates the check that guards the emulator's control routes (`/_emulator/*`: tokens, faults,
 * reset, connection status) against other websites. A browser request is allowed when its
 * `Origin` is the emulator's own origin, a loopback origin (`localhost`, `*.localhost`,
 * `127.x.x.x`, `[::1]`, any port: the developer's dev servers) or one of `allowedOrigins`
 * (`'*'`: any). A request without `Origin` is allowed unless `Sec-Fetch-Site` says it comes from
 * another site (`cross-site`, `same-site`): curl, Node scripts and tests send neither header.
 * Invalid `allowedOrigins` entries throw a `TypeError`.
 *
 * @example
 * ```ts
 * const allowed = createControlOriginCheck(['https://dev.example.com']);
 * allowed({ origin: 'https://evil.example', secFetchSite: 'cross-site', ownOrigin: 'http://127.0.0.1:4010' }); // false
 * allowed({ origin: 'http://localhost:5173', secFetchSite: 'same-site', ownOrigin: 'http://127.0.0.1:4010' }); // true
 * ```
 */
export function createControlOriginCheck(
  allowedOrigins: readonly string[] = [],
): (request: { origin: string | undefined; secFetchSite: string | undefined; ownOrigin: string }) => boolean {
  if (!Array.isArray(allowedOrigins)) throw new TypeError('allowedOrigins must be an array of origins such as ["https://dev.example.com"].');
  const anyOrigin = allowedOrigins.includes('*');
  const configured = new Set(allowedOrigins.filter((origin) => origin !== '*').map(normalizeOrigin));
  return ({ origin, secFetchSite, ownOrigin }) => {
    if (origin === undefined || origin === '') return secFetchSite !== 'cross-site' && secFetchSite !== 'same-site';
    if (anyOrigin || origin === ownOrigin || configured.has(origin)) return true;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      // `null` (sandboxed frames, file: pages) and anything unparsable
      return false;
    }
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin && isLoopbackHost(url.hostname);
  };
}
