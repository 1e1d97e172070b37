import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMembraneToken, createMembraneTokenWithExpiry } from './createMembraneToken.js';
import type { AsymmetricAlgorithm, HmacAlgorithm } from './types.js';
import { WORKSPACE_KEY, keyPair, secretBytes, secretCredentials } from './test-utils/fixtures.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const customer = { id: 'cust-42', name: 'Acme Inc.', fields: { plan: 'pro', seats: 12, tags: ['a', 'b'] } };

beforeEach(() => {
  // Only Date: WebCrypto work must keep running on real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createMembraneToken with the workspace secret', () => {
  it('signs HS256 by default with exactly the claims of the seeds and typ JWT', async () => {
    const token = await createMembraneToken(secretCredentials, { customer });
    const { payload, protectedHeader } = await jwtVerify(token, secretBytes, { algorithms: ['HS256'], issuer: WORKSPACE_KEY });
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({
      id: 'cust-42',
      name: 'Acme Inc.',
      fields: { plan: 'pro', seats: 12, tags: ['a', 'b'] },
      iss: WORKSPACE_KEY,
      iat: NOW_SECONDS,
      exp: NOW_SECONDS + 7200,
    });
    expect(Object.keys(payload)).toEqual(['id', 'name', 'fields', 'iss', 'iat', 'exp']);
  });

  it.each<HmacAlgorithm>(['HS256', 'HS384', 'HS512'])('signs %s tokens that jose verifies with the secret', async (algorithm) => {
    const token = await createMembraneToken(secretCredentials, { customer, algorithm });
    const { protectedHeader, payload } = await jwtVerify(token, secretBytes, { algorithms: [algorithm] });
    expect(protectedHeader.alg).toBe(algorithm);
    expect(payload.id).toBe('cust-42');
  });

  it('fails verification with another secret', async () => {
    const token = await createMembraneToken(secretCredentials, { customer });
    await expect(jwtVerify(token, new TextEncoder().encode('another-secret-that-is-long-enough-0123456789'))).rejects.toThrow(
      /signature verification failed/,
    );
  });

  it('omits name and fields when the customer has none', async () => {
    const token = await createMembraneToken(secretCredentials, { customer: { id: 'only-id' } });
    const { payload } = await jwtVerify(token, secretBytes);
    expect(payload).toEqual({ id: 'only-id', iss: WORKSPACE_KEY, iat: NOW_SECONDS, exp: NOW_SECONDS + 7200 });
  });

  it.each([
    [900, 900],
    ['15m', 900],
    ['2h', 7200],
    ['90s', 90],
    ['1 day', 86400],
    ['1.5h', 5400],
    [59.9, 59],
  ] as const)('reads expiresIn %j as %i seconds', async (expiresIn, seconds) => {
    const token = await createMembraneToken(secretCredentials, { customer, expiresIn });
    const { payload } = await jwtVerify(token, secretBytes);
    expect(payload.exp! - payload.iat!).toBe(seconds);
  });

  it('allows more than 24 hours only with allowLongLived', async () => {
    const token = await createMembraneToken(secretCredentials, { customer, expiresIn: '7d', allowLongLived: true });
    const { payload } = await jwtVerify(token, secretBytes);
    expect(payload.exp).toBe(NOW_SECONDS + 7 * 86400);
  });

  it('trims whitespace around a secret from an environment variable (Membrane secrets never contain any)', async () => {
    // Signing byte for byte with a pasted newline made tokens Membrane could never verify (issue 11).
    const workspaceSecret = ` ${'s'.repeat(40)}\n`;
    const token = await createMembraneToken({ workspaceKey: WORKSPACE_KEY, workspaceSecret }, { customer });
    await expect(jwtVerify(token, new TextEncoder().encode(workspaceSecret.trim()))).resolves.toBeDefined();
    await expect(jwtVerify(token, new TextEncoder().encode(workspaceSecret))).rejects.toThrow();
  });
});

describe('createMembraneToken with a private key', () => {
  it.each<AsymmetricAlgorithm>(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'])(
    'signs %s from a PKCS#8 PEM; jose verifies it with the public key',
    async (algorithm) => {
      const { pem, publicKey } = await keyPair(algorithm);
      const token = await createMembraneToken({ workspaceKey: WORKSPACE_KEY, privateKey: pem }, { customer, algorithm });
      const { payload, protectedHeader } = await jwtVerify(token, publicKey, { algorithms: [algorithm], issuer: WORKSPACE_KEY });
      expect(protectedHeader).toEqual({ alg: algorithm, typ: 'JWT' });
      expect(payload).toEqual({ ...customer, iss: WORKSPACE_KEY, iat: NOW_SECONDS, exp: NOW_SECONDS + 7200 });
    },
  );

  it.each([
    ['RS256', 'RS256'],
    ['ES256', 'ES256'],
    ['ES384', 'ES384'],
    ['ES512', 'ES512'],
  ] as const)('defaults to the algorithm the key implies (%s key → %s)', async (keyAlgorithm, expected) => {
    const { pem, publicKey } = await keyPair(keyAlgorithm);
    const token = await createMembraneToken({ workspaceKey: WORKSPACE_KEY, privateKey: pem }, { customer });
    expect(decodeProtectedHeader(token).alg).toBe(expected);
    await expect(jwtVerify(token, publicKey)).resolves.toBeDefined();
  });

  it('accepts a PEM from an environment variable with literal \\n escapes', async () => {
    const { pem, publicKey } = await keyPair('ES256');
    const escaped = pem.replace(/\n/g, '\\n');
    const token = await createMembraneToken({ workspaceKey: WORKSPACE_KEY, privateKey: escaped }, { customer });
    await expect(jwtVerify(token, publicKey)).resolves.toBeDefined();
  });

  it.each<AsymmetricAlgorithm>(['ES256', 'RS256', 'PS256'])('accepts a WebCrypto CryptoKey (%s) and uses its algorithm', async (algorithm) => {
    const { privateKey, publicKey } = await keyPair(algorithm);
    const token = await createMembraneToken({ workspaceKey: WORKSPACE_KEY, privateKey }, { customer });
    const { protectedHeader } = await jwtVerify(token, publicKey, { algorithms: [algorithm] });
    expect(protectedHeader.alg).toBe(algorithm);
  });

  it('accepts a Node.js KeyObject', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const token = await createMembraneToken({ workspaceKey: WORKSPACE_KEY, privateKey }, { customer });
    const { protectedHeader } = await jwtVerify(token, publicKey);
    expect(protectedHeader.alg).toBe('ES384');
  });
});

describe('createMembraneTokenWithExpiry', () => {
  it('returns the token and the Date of its exp claim', async () => {
    const { token, expiresAt } = await createMembraneTokenWithExpiry(secretCredentials, { customer, expiresIn: '30m' });
    const { payload } = await jwtVerify(token, secretBytes);
    expect(expiresAt).toEqual(new Date((NOW_SECONDS + 1800) * 1000));
    expect(payload.exp).toBe(expiresAt.getTime() / 1000);
  });
});
