import { describe, expect, it } from 'vitest';
import { isTokenError, TokenError } from './TokenError.js';

describe('TokenError', () => {
  it('is an Error with name, code and cause', () => {
    const cause = new Error('boom');
    const error = new TokenError('fetch_failed', 'Fetching failed.', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TokenError');
    expect(error.code).toBe('fetch_failed');
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('TokenError: Fetching failed.');
  });

  it('has no cause property when none is given', () => {
    expect('cause' in new TokenError('timeout', 'Timed out.')).toBe(false);
  });

  it('isTokenError recognises TokenErrors, including look-alikes from another bundle', () => {
    expect(isTokenError(new TokenError('timeout', 'x'))).toBe(true);
    const foreign = Object.assign(new Error('x'), { name: 'TokenError', code: 'unauthorized' });
    expect(isTokenError(foreign)).toBe(true);
    expect(isTokenError(Object.assign(new Error('x'), { name: 'TokenError', code: 'nope' }))).toBe(false);
    expect(isTokenError(new Error('x'))).toBe(false);
    expect(isTokenError(null)).toBe(false);
    expect(isTokenError('TokenError')).toBe(false);
  });
});
