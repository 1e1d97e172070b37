import { describe, expect, it, vi } from 'vitest';
import { createTokenManager } from './createTokenManager.js';
import { TokenError } from './TokenError.js';
import { base64UrlEncode, makeJwt, makeTokenAt } from './test-utils/makeJwt.js';

const header = base64UrlEncode(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const HOUR = 3_600_000;

async function failureFor(value: unknown): Promise<TokenError> {
  const fetchToken = vi.fn(async () => value as string);
  const manager = createTokenManager({ fetchToken });
  const error = await manager.getToken().then(
    () => {
      throw new Error('expected getToken to reject');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TokenError);
  // A bad answer is not a transient failure: it is not retried.
  expect(fetchToken).toHaveBeenCalledTimes(1);
  expect(manager.getSnapshot()).toEqual({ status: 'error', error });
  return error as TokenError;
}

describe('createTokenManager: invalid fetchToken results', () => {
  const cases: { name: string; value: unknown; message: RegExp }[] = [
    { name: 'a number', value: 42, message: /must resolve to the token string \(or \{ token: string \}\), but it resolved to a number/ },
    { name: 'undefined', value: undefined, message: /but it resolved to undefined/ },
    { name: 'null', value: null, message: /but it resolved to null/ },
    { name: 'an object without token', value: { access_token: 'x' }, message: /an object without a "token" property/ },
    { name: 'an object with a non-string token', value: { token: 123 }, message: /but it resolved to a number/ },
    { name: 'an empty string', value: '', message: /resolved to an empty string/ },
    { name: 'a blank string', value: '  \n', message: /resolved to an empty string/ },
    { name: 'a string that is not a JWT', value: 'abc', message: /expected 3 dot-separated parts \(header\.payload\.signature\) but found 1/ },
    { name: 'a 2-part string', value: `${header}.${base64UrlEncode('{"exp":1}')}`, message: /but found 2/ },
    { name: 'a payload in bad base64', value: `${header}.@@not*base64@@.sig`, message: /its payload part is not valid base64url/ },
    { name: 'a header in bad base64', value: `a!b.${base64UrlEncode('{}')}.sig`, message: /its header part is not valid base64url/ },
    { name: 'a payload that is not JSON', value: `${header}.${base64UrlEncode('not json at all')}.sig`, message: /its payload part decodes to text that is not JSON/ },
    { name: 'a JSON array payload', value: `${header}.${base64UrlEncode('[1,2]')}.sig`, message: /its payload part is JSON but not an object \(it is an array\)/ },
    { name: 'an empty payload', value: `${header}..sig`, message: /its payload part is empty/ },
    { name: 'a string exp', value: makeJwt({ exp: '1735693200' }), message: /its "exp" claim must be a number of seconds since 1970, but it is a string/ },
    { name: 'exp before iat', value: makeJwt({ iat: 2_000_000_000, exp: 1_999_999_000 }), message: /"exp" is not after its "iat"/ },
  ];

  for (const { name, value, message } of cases) {
    it(`refuses ${name} with invalid_token and a message that explains it`, async () => {
      const error = await failureFor(value);
      expect(error.code).toBe('invalid_token');
      expect(error.message).toMatch(message);
      if (typeof value === 'string' && value.trim() !== '') {
        expect(error.message).not.toContain(value);
        for (const part of value.split('.')) if (part.length > 3) expect(error.message).not.toContain(part);
      }
    });
  }

  it('refuses a token that expired beyond the clock-skew allowance with expired_token', async () => {
    const token = makeJwt({ id: 'customer-1', exp: Math.floor((Date.now() - 3 * 60_000) / 1000) });
    const error = await failureFor(token);
    expect(error.code).toBe('expired_token');
    expect(error.message).toMatch(/^fetchToken returned a token that expired 3 minutes ago by this device's clock\. If your backend or the page caches tokens/);
    expect(error.message).not.toContain(token.split('.')[1]!);
  });

  it('trims whitespace around a token (as read from a text response)', async () => {
    const token = makeTokenAt(Date.now(), HOUR);
    const manager = createTokenManager({ fetchToken: async () => `${token}\n` });
    await expect(manager.getToken()).resolves.toBe(token);
  });
});
