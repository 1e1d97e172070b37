import { redactSecrets } from './redactSecrets.js';
import { TokenError } from './TokenError.js';
import type { TokenAnswer } from './types.js';

/**
 * Makes a `fetchToken` function that asks your backend's token endpoint (for example the handler
 * from `membrane-react-kit/server`, which answers `{ token, expiresAt, serverTime }`) and resolves
 * to `{ token, serverTime? }`. `serverTime` (ms since 1970) is the body's `serverTime`, else the
 * response's `Date` header (readable for a same-origin URL): the token manager uses it to tell a
 * wrong device clock from a stale token.
 *
 * Sends `POST` with `Accept: application/json` and the app's cookies (`credentials: 'same-origin'`)
 * unless `init` says otherwise. Accepts `{ "token": "<jwt>" }`, a JSON string, or the plain JWT as
 * text. A non-2xx answer or any other body rejects with a {@link TokenError} (code `fetch_failed`)
 * that names the endpoint and the problem, never the token.
 *
 * @example
 * ```tsx
 * const fetchToken = fetchTokenFromEndpoint('/api/membrane-token');
 * <IntegrationsList fetchToken={fetchToken} />
 * const { token } = await fetchToken(); // for an SDK client that wants the string
 *
 * // GET with a header:
 * fetchTokenFromEndpoint('/api/membrane-token', { method: 'GET', headers: { 'x-csrf': csrf } });
 * ```
 */
export function fetchTokenFromEndpoint(url: string | URL, init?: RequestInit): () => Promise<TokenAnswer & { serverTime?: number }> {
  if (typeof url !== 'string' && !(url instanceof URL)) {
    throw new TypeError('fetchTokenFromEndpoint(url): url must be a string or URL of your token endpoint.');
  }
  if (typeof url === 'string' && url.trim() === '') {
    throw new TypeError('fetchTokenFromEndpoint(url): url is empty; pass the path of your token endpoint, e.g. "/api/membrane-token".');
  }

  return async function fetchToken(): Promise<TokenAnswer & { serverTime?: number }> {
    const method = (init?.method ?? 'POST').toUpperCase();
    const headers = new Headers(init?.headers);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    const label = `${method} ${withoutQuery(url)}`;

    let response: Response;
    try {
      response = await fetch(url, { credentials: 'same-origin', ...init, method, headers });
    } catch (error) {
      throw new TokenError(
        'fetch_failed',
        `Could not reach the token endpoint ${label}: ${redactSecrets(error instanceof Error ? error.message : String(error))}. Check the URL and that the server is running.`,
        { cause: error },
      );
    }

    const text = await response.text().catch(() => '');
    let body: unknown;
    let isJson = true;
    try {
      body = JSON.parse(text);
    } catch {
      isJson = false;
    }

    if (!response.ok) {
      const detail = isJson ? errorDetail(body) : '';
      const hint =
        response.status === 401 || response.status === 403
          ? 'The user is probably not signed in to your app, or the endpoint does not recognise them.'
          : response.status === 404 || response.status === 405
            ? 'Check the endpoint URL and HTTP method.'
            : 'Check the token endpoint server logs.';
      throw new TokenError(
        'fetch_failed',
        `The token endpoint ${label} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${detail}. ${hint}`,
      );
    }
    const answer = (token: string) => {
      const serverTime = readServerTime(isJson ? body : undefined, response.headers.get('date'));
      return serverTime === undefined ? { token } : { token, serverTime };
    };
    const plain = text.trim();
    if (!isJson && JWT_TEXT.test(plain)) return answer(plain);
    if (isJson && typeof body === 'string' && body !== '') return answer(body);
    if (!isJson) {
      const type = response.headers.get('content-type') ?? 'no content type';
      throw new TokenError(
        'fetch_failed',
        `The token endpoint ${label} answered ${response.status} with a body that is not JSON (${type}). It must answer JSON like { "token": "…" } or the plain token; check the URL (an HTML page usually means a wrong path).`,
      );
    }
    const token = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || token === '') {
      throw new TokenError(
        'fetch_failed',
        `The token endpoint ${label} answered JSON without a non-empty string "token" field. It must answer { "token": "<jwt>" }.`,
      );
    }
    return answer(token);
  };
}

/** The server's clock in ms: the body's `serverTime` (the kit's handler), else the `Date` header. */
function readServerTime(body: unknown, dateHeader: string | null): number | undefined {
  const fromBody = typeof body === 'object' && body !== null ? (body as { serverTime?: unknown }).serverTime : undefined;
  for (const value of [fromBody, dateHeader]) {
    const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isFinite(ms) && ms > 0) return ms;
  }
  return undefined;
}

/** A compact JWT (three base64url parts) or a `pat-` token, answered as plain text. */
const JWT_TEXT = /^(?:[\w-]+\.[\w-]+\.[\w-]*|pat-[\w-]+)$/;

function withoutQuery(url: string | URL): string {
  const text = url.toString();
  const cut = text.search(/[?#]/);
  return cut === -1 ? text : text.slice(0, cut);
}

function errorDetail(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const { error, message } = body as { error?: unknown; message?: unknown };
  const text = typeof error === 'string' ? error : typeof message === 'string' ? message : undefined;
  return text ? ` ("${redactSecrets(text)}")` : '';
}
