import type { EmulatorErrorData } from './types.js';

const KEY_BY_STATUS: Record<number, string> = {
  401: 'not_authenticated',
  403: 'access_denied',
  404: 'not_found',
  409: 'already_exists',
  429: 'rate_limit_exceeded',
};

const DEFAULT_MESSAGE: Record<number, string> = {
  400: 'Bad request',
  401: 'Not authenticated',
  403: 'Access denied',
  404: 'Not found',
  409: 'Already exists',
  429: 'Too many requests, please retry later',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

/**
 * An error the emulator answers in Membrane's shape: `{ type, key, message, data? }` with the
 * matching status (`401` → `bad_request`/`not_authenticated`, `5xx` → `internal`, …).
 *
 * @example
 * ```ts
 * throw new MembraneApiError(404, 'Integration "nope" not found');
 * // → 404 { "type": "bad_request", "key": "not_found", "message": "Integration \"nope\" not found" }
 * ```
 */
export class MembraneApiError extends Error {
  readonly status: number;
  readonly data: EmulatorErrorData;

  constructor(status: number, message?: string, extra: { type?: string; key?: string; data?: unknown } = {}) {
    const text = message ?? DEFAULT_MESSAGE[status] ?? (status >= 500 ? 'Server error' : 'Request failed');
    super(text);
    this.name = 'MembraneApiError';
    this.status = status;
    const key = extra.key ?? KEY_BY_STATUS[status];
    this.data = {
      type: extra.type ?? (status >= 500 ? 'internal' : 'bad_request'),
      ...(key === undefined ? {} : { key }),
      message: text,
      ...(extra.data === undefined ? {} : { data: extra.data }),
    };
  }
}
