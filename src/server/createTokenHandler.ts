import { redactSecrets } from '../core/token/redactSecrets.js';
import { MembraneTokenError } from './MembraneTokenError.js';
import { assertServerEnvironment } from './assertServerEnvironment.js';
import { createMembraneTokenWithExpiry } from './createMembraneToken.js';
import { parseExpiresIn } from './parseExpiresIn.js';
import type { MembraneCredentials, MembraneCustomer, SignTokenOptions } from './types.js';

/** Options of `createTokenHandler`. */
export interface TokenHandlerOptions<Context = unknown> extends SignTokenOptions {
  /** The workspace credentials. Read lazily on each request, so a missing variable surfaces as a logged 500, not a crash at import. */
  credentials: MembraneCredentials;
  /**
   * Who is asking: return the signed-in customer, or `null`/`undefined` to answer 401. May be
   * async. `context` is whatever the caller passes as the handler's second argument (for
   * example Express's `req`, or Hono's `c`).
   */
  getCustomer: (
    request: Request,
    context: Context,
  ) => MembraneCustomer | null | undefined | Promise<MembraneCustomer | null | undefined>;
  /**
   * Called with the error itself when signing fails or `getCustomer` throws (the client only sees
   * a generic 500). By default one `console.error` line with the error's name, code and message,
   * with the workspace secret, private keys and tokens removed; never the request or its headers.
   */
  onError?: (error: unknown, request: Request) => void;
}

/** A Fetch-API request handler: `(request) => Promise<Response>`. */
export type TokenHandler<Context = unknown> = undefined extends Context
  ? (request: Request, context?: Context) => Promise<Response>
  : (request: Request, context: Context) => Promise<Response>;

/** The JSON body of a successful answer. */
export interface TokenResponseBody {
  token: string;
  /** ISO 8601 date-time at which the token expires. */
  expiresAt: string;
  /**
   * This server's clock when it answered (ISO 8601), so the front end's token manager can tell a
   * wrong device clock from a stale token.
   */
  serverTime: string;
}

const ALLOW = 'GET, POST';

function json(status: number, body: unknown, extraHeaders?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      // A token is per user and short-lived: no shared or browser cache may keep it.
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...extraHeaders,
    },
  });
}

const PEM_PATTERN = /-----BEGIN [A-Z ]+-----[\s\S]*?(?:-----END [A-Z ]+-----|$)/g;

function readSecrets(credentials: MembraneCredentials): string[] {
  try {
    const { workspaceSecret, privateKey } = credentials as { workspaceSecret?: unknown; privateKey?: unknown };
    return [workspaceSecret, privateKey].filter((value): value is string => typeof value === 'string' && value.length >= 8);
  } catch {
    return [];
  }
}

/**
 * One line for the default log: the error's name, code and message, with the workspace secret,
 * private keys, JWTs and bearer credentials removed. The request is never part of it: its headers
 * carry the user's session.
 */
function describeHandlerError(error: unknown, credentials: MembraneCredentials): string {
  const record = typeof error === 'object' && error !== null ? (error as { name?: unknown; code?: unknown; message?: unknown }) : undefined;
  const name = typeof record?.name === 'string' && record.name ? record.name : error instanceof Error ? 'Error' : typeof error;
  const code = typeof record?.code === 'string' || typeof record?.code === 'number' ? ` (${String(record.code)})` : '';
  const raw = typeof record?.message === 'string' ? record.message : typeof error === 'string' ? error : '';
  let message = raw.replace(PEM_PATTERN, '[redacted key]');
  for (const secret of readSecrets(credentials)) message = message.split(secret).join('[redacted secret]');
  message = redactSecrets(message.replace(/\s+/g, ' ').trim());
  return `${name}${code}${message ? `: ${message}` : ''}`;
}

/**
 * Builds a token endpoint for the front end's `fetchToken`: a Fetch-API handler usable as is in
 * Next.js route handlers, Hono, Remix, Bun, Deno and Cloudflare Workers (and Express in a few
 * lines, see docs/server.md).
 *
 * - `GET` or `POST`: `200 { token, expiresAt, serverTime }` (ISO dates) with `Cache-Control: no-store`;
 *   `401 { error }` when `getCustomer` returns `null`/`undefined`; `500 { error }` with a generic
 *   message when `getCustomer` throws or signing fails (the details go to `onError`).
 * - Any other method: `405` with `Allow: GET, POST`.
 *
 * Throws a `MembraneTokenError` at once when the options are invalid or when called in a browser.
 *
 * @example
 * ```ts
 * // app/api/membrane-token/route.ts (Next.js)
 * import { createTokenHandler } from 'membrane-react-kit/server';
 * import { auth } from '@/auth';
 *
 * const handler = createTokenHandler({
 *   credentials: { workspaceKey: process.env.MEMBRANE_WORKSPACE_KEY!, workspaceSecret: process.env.MEMBRANE_WORKSPACE_SECRET! },
 *   algorithm: 'HS512',
 *   async getCustomer() {
 *     const session = await auth();
 *     return session?.user ? { id: session.user.id, name: session.user.name ?? undefined } : null;
 *   },
 * });
 * export { handler as GET, handler as POST };
 * ```
 */
export function createTokenHandler<Context = unknown>(options: TokenHandlerOptions<Context>): TokenHandler<Context> {
  assertServerEnvironment(
    (options as Partial<TokenHandlerOptions<Context>> | null)?.dangerouslyAllowBrowser,
    'createTokenHandler',
  );
  if (typeof options !== 'object' || options === null) {
    throw new MembraneTokenError('invalid_options', 'createTokenHandler needs an options object: { credentials, getCustomer }.');
  }
  const {
    credentials,
    getCustomer,
    onError = (error: unknown) => console.error(`[membrane-react-kit/server] token endpoint failed: ${describeHandlerError(error, credentials)}`),
    ...signOptions
  } = options;
  if (typeof getCustomer !== 'function') {
    throw new MembraneTokenError(
      'invalid_options',
      'createTokenHandler needs getCustomer(request): return the signed-in customer { id, name? }, or null to answer 401.',
    );
  }
  if (typeof onError !== 'function') {
    throw new MembraneTokenError('invalid_options', 'createTokenHandler onError must be a function when given.');
  }
  // Fail at startup for mistakes that do not depend on the environment.
  parseExpiresIn(signOptions.expiresIn, signOptions.allowLongLived === true);

  const handler = async (request: Request, context?: Context): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'POST') {
      return json(405, { error: `Method ${request.method} not allowed: use GET or POST.` }, { Allow: ALLOW });
    }
    try {
      const customer = await getCustomer(request, context as Context);
      if (customer === null || customer === undefined) {
        return json(401, { error: 'Not authenticated: sign in to get a Membrane token.' });
      }
      const { token, expiresAt } = await createMembraneTokenWithExpiry(credentials, { ...signOptions, customer });
      const body: TokenResponseBody = { token, expiresAt: expiresAt.toISOString(), serverTime: new Date().toISOString() };
      return json(200, body);
    } catch (error) {
      try {
        onError(error, request);
      } catch {
        // A failing logger must not turn a clean 500 into an unhandled rejection.
      }
      return json(500, { error: 'Could not create a Membrane token.' });
    }
  };
  return handler as TokenHandler<Context>;
}
