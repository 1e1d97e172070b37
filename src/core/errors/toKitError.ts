import { KitError, isKitError, type KitErrorCode } from './KitError.js';

interface ErrorBody {
  type?: unknown;
  key?: unknown;
  message?: unknown;
  data?: unknown;
}

const TOKEN_ERROR_CODES = new Set([
  'fetch_failed',
  'timeout',
  'invalid_token',
  'expired_token',
  'invalid_response',
  'aborted',
  'unauthorized',
]);

/** Node's and axios's codes for "no answer from the server" (ECONNREFUSED: nothing listens on the port). */
const NETWORK_CODES = new Set(['ERR_NETWORK', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

const JWT_PATTERN = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g;

/** Error text can echo a request URL that carries `?token=`; never let a JWT reach the UI or logs. */
function redact(message: string): string {
  return message.replace(JWT_PATTERN, '[token]').replace(/([?&]token=)[^&\s]+/g, '$1[token]');
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function codeFromStatus(status: number): KitErrorCode {
  if (status === 401 || status === 403) return 'auth';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'invalid_parameters';
}

function codeFromBody(body: ErrorBody): KitErrorCode | undefined {
  switch (body.key) {
    case 'not_authenticated':
    case 'access_denied':
      return 'auth';
    case 'rate_limit_exceeded':
      return 'rate_limited';
    case 'not_found':
    case 'already_exists':
      return 'invalid_parameters';
  }
  switch (body.type) {
    case 'internal':
    case 'dependency_error':
    case 'concurrency':
      return 'server';
    case 'connection':
      return 'auth';
    case 'bad_request':
    case 'configuration':
      return 'invalid_parameters';
  }
  return undefined;
}

function messageOf(value: unknown, fallback: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  return redact(text || fallback);
}

/**
 * Maps anything thrown by the SDK, axios, the token manager, `fetch` or a connect flow to a
 * {@link KitError}. A `KitError` is returned unchanged.
 *
 * Recognises: Membrane error bodies (`{ type, key, message }`, also on `.data` of the kit client's
 * `MembraneHttpError`, 1.14's `IntegrationAppError` and 0.28's `MembraneError`),
 * axios errors (HTTP status, or no response = network), the token manager's `TokenError`
 * (`code` such as `fetch_failed`, `timeout`), the SDK's plain `{ message: 'Popup has been blocked.' }`,
 * `AbortError` (cancelled) and `TypeError: Failed to fetch` (network).
 *
 * @example
 * ```ts
 * const error = toKitError(caught);
 * showMessage(labels.errors[error.code]);
 * ```
 */
export function toKitError(error: unknown): KitError {
  if (isKitError(error)) return error;
  const record = asRecord(error);
  const rawMessage = record?.message ?? (typeof error === 'string' ? error : undefined);

  if (record?.name === 'TokenError' || (typeof record?.code === 'string' && TOKEN_ERROR_CODES.has(record.code) && record.name !== 'AxiosError')) {
    const code: KitErrorCode = record?.code === 'timeout' ? 'timeout' : 'auth';
    // `unauthorized`: the API answered 401 even to a fresh token; the status lets callers drop it.
    return new KitError(code, messageOf(rawMessage, 'Could not get a Membrane token.'), {
      cause: error,
      ...(record?.code === 'unauthorized' ? { status: 401 } : {}),
    });
  }

  if (record?.name === 'AbortError') {
    return new KitError('cancelled', messageOf(rawMessage, 'The operation was cancelled.'), { cause: error });
  }

  // SDK errors keep Membrane's body on `.data`; axios errors keep it on `.response.data`.
  const response = asRecord(record?.response);
  const status = typeof response?.status === 'number' ? response.status : typeof record?.status === 'number' ? record.status : undefined;
  const body: ErrorBody | undefined =
    record?.isIntegrationAppError || record?.isMembraneError || record?.isMembraneHttpError
    ? (asRecord(record.data) as ErrorBody | undefined)
    : (asRecord(response?.data) as ErrorBody | undefined) ?? (record && ('type' in record || 'key' in record) ? (record as ErrorBody) : undefined);

  if (body) {
    const code = codeFromBody(body) ?? (status === undefined ? undefined : codeFromStatus(status));
    if (code) {
      const safeBody = { type: body.type, key: body.key, message: typeof body.message === 'string' ? redact(body.message) : undefined };
      return new KitError(code, messageOf(body.message ?? rawMessage, 'Membrane returned an error.'), {
        cause: error,
        status,
        data: safeBody,
      });
    }
  }

  if (status !== undefined) {
    return new KitError(codeFromStatus(status), messageOf(rawMessage, `Membrane answered with HTTP ${status}.`), {
      cause: error,
      status,
    });
  }

  const text = typeof rawMessage === 'string' ? rawMessage : '';
  if (/popup.*blocked/i.test(text)) {
    return new KitError('popup_blocked', 'The browser blocked the connection window.', { cause: error });
  }
  if (record?.code === 'ECONNABORTED' || record?.code === 'ETIMEDOUT' || /timeout|timed out/i.test(text)) {
    return new KitError('timeout', messageOf(text, 'The request timed out.'), { cause: error });
  }
  if (
    (typeof record?.code === 'string' && NETWORK_CODES.has(record.code)) ||
    (record?.name === 'TypeError' && /fetch|network|load failed/i.test(text)) ||
    /network error/i.test(text)
  ) {
    return new KitError('network', messageOf(text, 'Could not reach Membrane.'), { cause: error });
  }
  return new KitError('server', messageOf(text, 'Something went wrong while talking to Membrane.'), { cause: error });
}
