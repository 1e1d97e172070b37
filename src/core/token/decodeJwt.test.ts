import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeJwt } from './decodeJwt.js';
import { isTokenError } from './TokenError.js';
import { base64UrlEncode, makeJwt } from './test-utils/makeJwt.js';

describe('decodeJwt', () => {
  it('returns the claims, including non-ASCII text', () => {
    const token = makeJwt({ id: 'c-1', name: 'Zoë Ångström', exp: 2_000_000_000, iat: 1_999_996_400 });
    expect(decodeJwt(token)).toEqual({ id: 'c-1', name: 'Zoë Ångström', exp: 2_000_000_000, iat: 1_999_996_400 });
  });

  it('reads tokens signed by jose, as the server helper issues them', async () => {
    const token = await new SignJWT({ id: 'customer-1', name: 'Ada' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('workspace-key')
      .setIssuedAt(1_900_000_000)
      .setExpirationTime(1_900_003_600)
      .sign(new TextEncoder().encode('a-workspace-secret-of-at-least-32-bytes!'));
    expect(decodeJwt(token)).toEqual({ id: 'customer-1', name: 'Ada', iss: 'workspace-key', iat: 1_900_000_000, exp: 1_900_003_600 });
  });

  it('accepts padded and standard-alphabet base64 segments', () => {
    const payload = Buffer.from(JSON.stringify({ sub: '??>>' })).toString('base64');
    expect(decodeJwt(`${base64UrlEncode('{"alg":"none"}')}.${payload}.`)).toEqual({ sub: '??>>' });
  });

  it('throws invalid_token for invalid UTF-8 in the payload', () => {
    const payload = Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url');
    let error: unknown;
    try {
      decodeJwt(`${base64UrlEncode('{}')}.${payload}.sig`);
    } catch (caught) {
      error = caught;
    }
    expect(isTokenError(error) && error.code).toBe('invalid_token');
  });

  it('rejects a non-finite iat', () => {
    expect(() => decodeJwt(`${base64UrlEncode('{}')}.${base64UrlEncode('{"iat":null}')}.s`)).toThrow(
      /"iat" claim must be a number of seconds since 1970, but it is a null/,
    );
  });
});
