import { describe, expect, it } from 'vitest';
import { KitError, isKitError } from './KitError.js';
import { toKitError } from './toKitError.js';

describe('toKitError', () => {
  it('returns a KitError unchanged', () => {
    const error = new KitError('network', 'offline');
    expect(toKitError(error)).toBe(error);
  });

  it.each([
    [{ isIntegrationAppError: true, message: 'x', data: { type: 'bad_request', key: 'not_authenticated', message: 'Token expired' } }, 'auth'],
    [{ isIntegrationAppError: true, message: 'x', data: { type: 'bad_request', key: 'rate_limit_exceeded', message: 'Slow down' } }, 'rate_limited'],
    [{ isIntegrationAppError: true, message: 'x', data: { type: 'internal', message: 'Boom' } }, 'server'],
    [{ isIntegrationAppError: true, message: 'x', data: { type: 'bad_request', message: 'Missing field' } }, 'invalid_parameters'],
    [{ name: 'AxiosError', code: 'ERR_BAD_RESPONSE', message: 'fail', response: { status: 502, data: '<html>' } }, 'server'],
    [{ name: 'AxiosError', code: 'ERR_BAD_REQUEST', message: 'fail', response: { status: 429, data: {} } }, 'rate_limited'],
    [{ name: 'AxiosError', code: 'ERR_NETWORK', message: 'Network Error' }, 'network'],
    [{ name: 'AxiosError', code: 'ECONNABORTED', message: 'timeout of 1000ms exceeded' }, 'timeout'],
    [{ name: 'TokenError', code: 'fetch_failed', message: 'fetchToken failed' }, 'auth'],
    [{ name: 'TokenError', code: 'timeout', message: 'fetchToken timed out' }, 'timeout'],
    [{ message: 'Popup has been blocked.' }, 'popup_blocked'],
    [new DOMException('aborted', 'AbortError'), 'cancelled'],
    [new TypeError('Failed to fetch'), 'network'],
    ['something odd', 'server'],
  ])('maps %j to %s', (input, code) => {
    const error = toKitError(input);
    expect(isKitError(error)).toBe(true);
    expect(error.code).toBe(code);
  });

  it('keeps Membrane’s message and never lets a token through', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjEifQ.c2lnbmF0dXJl';
    const error = toKitError({ isIntegrationAppError: true, message: 'x', data: { type: 'bad_request', key: 'not_authenticated', message: `Bad token ${token}` } });
    expect(error.message).toBe('Bad token [token]');
    expect(JSON.stringify(error.data)).not.toContain(token);
    expect(toKitError(new Error(`GET https://api/x?token=${token}&a=1 failed`)).message).not.toContain(token);
  });

  it('marks only transient failures as retryable', () => {
    expect(new KitError('network', 'x').retryable).toBe(true);
    expect(new KitError('server', 'x').retryable).toBe(true);
    expect(new KitError('auth', 'x').retryable).toBe(false);
    expect(new KitError('invalid_parameters', 'x').retryable).toBe(false);
  });
});
