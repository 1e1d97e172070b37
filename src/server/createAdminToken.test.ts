import { jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAdminToken } from './createAdminToken.js';
import { WORKSPACE_KEY, expectRefusal, keyPair, secretBytes, secretCredentials } from './test-utils/fixtures.js';

const NOW_SECONDS = Date.UTC(2026, 2, 1, 12) / 1000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW_SECONDS * 1000);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createAdminToken', () => {
  it('carries isAdmin true, iss, iat and exp, and no id', async () => {
    const token = await createAdminToken(secretCredentials);
    const { payload, protectedHeader } = await jwtVerify(token, secretBytes, { algorithms: ['HS256'], issuer: WORKSPACE_KEY });
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({ isAdmin: true, iss: WORKSPACE_KEY, iat: NOW_SECONDS, exp: NOW_SECONDS + 7200 });
    expect(payload).not.toHaveProperty('id');
  });

  it('honours algorithm and expiresIn (HS512, 10 minutes)', async () => {
    const token = await createAdminToken(secretCredentials, { algorithm: 'HS512', expiresIn: '10m' });
    const { payload, protectedHeader } = await jwtVerify(token, secretBytes, { algorithms: ['HS512'] });
    expect(protectedHeader.alg).toBe('HS512');
    expect(payload.exp).toBe(NOW_SECONDS + 600);
  });

  it('signs with a private key (ES256) that jose verifies with the public key', async () => {
    const { pem, publicKey } = await keyPair('ES256');
    const token = await createAdminToken({ workspaceKey: WORKSPACE_KEY, privateKey: pem });
    const { payload } = await jwtVerify(token, publicKey, { algorithms: ['ES256'] });
    expect(payload.isAdmin).toBe(true);
    expect(payload).not.toHaveProperty('id');
  });

  it('refuses a customer, because admin tokens must not carry an id', async () => {
    await expectRefusal(
      createAdminToken(secretCredentials, { customer: { id: 'x' } } as never),
      'invalid_options',
      /admin tokens must not carry an id/,
    );
  });

  it('applies the same refusals as customer tokens (expiresIn over 24 hours)', async () => {
    await expectRefusal(createAdminToken(secretCredentials, { expiresIn: '25h' }), 'expires_in_too_long', /more than 24 hours/);
  });
});
