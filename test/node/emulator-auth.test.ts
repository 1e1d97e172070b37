import { exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/startEmulator.ts';
import type { RunningEmulator } from '../../src/emulator/startEmulator.ts';
import { createMembraneToken } from '../../src/server/createMembraneToken.ts';
import type { AsymmetricAlgorithm } from '../../src/server/types.ts';
import { EMULATOR_WORKSPACE_KEY, EMULATOR_WORKSPACE_SECRET } from '../../src/emulator/constants.ts';
import { createEmulatorApp } from '../../src/emulator/createEmulatorApp.ts';
import { fetchToken, rejection, sdkClient, signToken, useEmulator } from './emulator-helpers.ts';

const rsa = await generateKeyPair('RS256', { extractable: true });
const rsaPublicPem = await exportSPKI(rsa.publicKey);
const ec = await generateKeyPair('ES256', { extractable: true });

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('emulator token verification', () => {
  const emulator = useEmulator({ publicKey: rsaPublicPem });

  async function status(token: string | undefined, path = '/self'): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${emulator().apiUri}${path}`, {
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function expectRefused(token: string | undefined, message: RegExp): Promise<void> {
    const { status: code, body } = await status(token);
    expect(code).toBe(401);
    expect(body).toMatchObject({ type: 'bad_request', key: 'not_authenticated' });
    expect(body.message).toMatch(message);
    if (token) expect(JSON.stringify(body)).not.toContain(token);
  }

  it('accepts HS256, HS384 and HS512 tokens signed with the workspace secret', async () => {
    for (const alg of ['HS256', 'HS384', 'HS512']) {
      expect((await status(await signToken({ id: 'demo-customer' }, { alg }))).status).toBe(200);
    }
  });

  it('accepts RS256 tokens verified with the registered public key', async () => {
    const token = await new SignJWT({ id: 'rsa-customer', name: 'RSA Ltd' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(EMULATOR_WORKSPACE_KEY)
      .setExpirationTime('10m')
      .sign(rsa.privateKey);
    const self = await sdkClient(emulator(), token).self.get();
    expect(self).toMatchObject({ internalId: 'rsa-customer', name: 'RSA Ltd' });
  });

  it('refuses a request without a token', async () => {
    await expectRefused(undefined, /Missing access token/);
  });

  it('refuses a string that is not a JWT', async () => {
    await expectRefused('not-a-jwt', /not a valid JWT/);
  });

  it('refuses alg: none', async () => {
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ id: 'x', iss: EMULATOR_WORKSPACE_KEY, exp: 9e9 })}.`;
    await expectRefused(unsigned, /"none" is not accepted/);
  });

  it('refuses a token signed with another secret', async () => {
    await expectRefused(await signToken({ id: 'x' }, { secret: 'another-secret-that-is-long-enough-123456' }), /Invalid token signature/);
  });

  it('refuses a token whose iss is not the workspace key', async () => {
    await expectRefused(await signToken({ id: 'x' }, { issuer: 'someone-elses-workspace' }), /issuer/);
  });

  it('refuses a token without iss', async () => {
    await expectRefused(await signToken({ id: 'x' }, { issuer: '' }), /issuer/);
  });

  it('refuses a token without exp', async () => {
    await expectRefused(await signToken({ id: 'x' }, { expiresIn: null }), /exp/);
  });

  it('refuses an expired token with "Token expired" (what the SDK surfaces)', async () => {
    const token = await new SignJWT({ id: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(EMULATOR_WORKSPACE_KEY)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(EMULATOR_WORKSPACE_SECRET));
    await expectRefused(token, /^Token expired$/);
    const error = await rejection(sdkClient(emulator(), token).self.get());
    expect(error.data).toEqual({ type: 'bad_request', key: 'not_authenticated', message: 'Token expired' });
  });

  it('refuses algorithm confusion: HS256 signed with the public key as HMAC secret', async () => {
    const token = await new SignJWT({ id: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(EMULATOR_WORKSPACE_KEY)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(rsaPublicPem));
    await expectRefused(token, /Invalid token signature/);
  });

  it('refuses an ES256 token when the registered key is RSA', async () => {
    const token = await new SignJWT({ id: 'x' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(EMULATOR_WORKSPACE_KEY)
      .setExpirationTime('5m')
      .sign(ec.privateKey);
    await expectRefused(token, /does not fit the workspace's registered public key/);
  });

  it('refuses an RS256 token signed by another key', async () => {
    const other = await generateKeyPair('RS256');
    const token = await new SignJWT({ id: 'x' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(EMULATOR_WORKSPACE_KEY)
      .setExpirationTime('5m')
      .sign(other.privateKey);
    await expectRefused(token, /Invalid token signature/);
  });

  it('refuses a customer token without id', async () => {
    await expectRefused(await signToken({ name: 'No id' }), /no customer id/);
  });

  it('lets admin tokens list customers, and keeps customer tokens out', async () => {
    await status(await fetchToken(emulator(), { customerId: 'second', name: 'Second Co' }));
    const admin = await signToken({ isAdmin: true });
    const listed = await status(admin, '/customers');
    expect(listed.status).toBe(200);
    const names = (listed.body.items as Array<{ name: string }>).map((customer) => customer.name);
    expect(names).toEqual(expect.arrayContaining(['Acme Inc.', 'Second Co']));
    const one = await status(admin, '/customers/demo-customer');
    expect(one.body).toMatchObject({ internalId: 'demo-customer' });
    const customer = await status(await signToken({ id: 'demo-customer' }), '/customers');
    expect(customer.status).toBe(403);
    expect(customer.body).toMatchObject({ type: 'bad_request', key: 'access_denied' });
    const adminSelf = await status(admin, '/self');
    expect(adminSelf.status).toBe(403);
  });

  it('lets admin tokens list every connection, filtered by userId', async () => {
    const admin = await signToken({ isAdmin: true });
    expect(((await status(admin, '/connections')).body.items as unknown[]).length).toBe(3);
    expect(((await status(admin, '/connections?userId=demo-customer')).body.items as unknown[]).length).toBe(3);
    expect(((await status(admin, '/connections?userId=nobody')).body.items as unknown[]).length).toBe(0);
  });

  it('refuses ES/RS/PS tokens when no public key is registered', async () => {
    const app = createEmulatorApp();
    const token = await new SignJWT({ id: 'x' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(EMULATOR_WORKSPACE_KEY)
      .setExpirationTime('5m')
      .sign(rsa.privateKey);
    const response = await app.fetch(new Request('http://emulator.test/self', { headers: { authorization: `Bearer ${token}` } }));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { message: string }).message).toMatch(/no public key registered/);
  });

  it('refuses to start with a secret shorter than 32 bytes or an empty workspace key', () => {
    expect(() => createEmulatorApp({ workspaceSecret: 'short' })).toThrow(/at least 32 bytes/);
    expect(() => createEmulatorApp({ workspaceKey: ' ' })).toThrow(/workspaceKey/);
  });
});

describe.each<AsymmetricAlgorithm>(['ES256', 'ES384', 'PS256', 'RS512'])('emulator with a registered %s public key', (alg) => {
  let emulator: RunningEmulator;
  let publicPem: string;
  let privatePem: string;

  beforeAll(async () => {
    const pair = await generateKeyPair(alg, { extractable: true });
    publicPem = await exportSPKI(pair.publicKey);
    privatePem = await exportPKCS8(pair.privateKey);
    emulator = await startEmulator({ port: 0, publicKey: publicPem });
  });
  afterAll(() => emulator.close());

  async function self(token: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${emulator.apiUri}/self`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it(`accepts a ${alg} token signed by createMembraneToken with the private key`, async () => {
    const token = await createMembraneToken(
      { workspaceKey: EMULATOR_WORKSPACE_KEY, privateKey: privatePem },
      { customer: { id: `${alg}-customer`, name: `${alg} Ltd` }, algorithm: alg, expiresIn: 600 },
    );
    expect(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())).toMatchObject({ alg });
    const { status, body } = await self(token);
    expect(status).toBe(200);
    expect(body).toMatchObject({ internalId: `${alg}-customer`, name: `${alg} Ltd` });
    expect(await sdkClient(emulator, token).self.get()).toMatchObject({ internalId: `${alg}-customer` });
  });

  it('refuses algorithm confusion: HS256 signed with the PEM public key text as the secret', async () => {
    const token = await new SignJWT({ id: 'attacker' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(EMULATOR_WORKSPACE_KEY)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(publicPem));
    const { status, body } = await self(token);
    expect(status).toBe(401);
    expect(body).toMatchObject({ type: 'bad_request', key: 'not_authenticated', message: 'Invalid token signature.' });
    expect(emulator.store.findCustomer('attacker')).toBeUndefined();
  });

  it(`refuses a ${alg} token signed by another key of the same type`, async () => {
    const other = await generateKeyPair(alg);
    const token = await createMembraneToken(
      { workspaceKey: EMULATOR_WORKSPACE_KEY, privateKey: other.privateKey },
      { customer: { id: 'intruder' }, algorithm: alg },
    );
    const { status, body } = await self(token);
    expect(status).toBe(401);
    expect(body.message).toBe('Invalid token signature.');
  });
});
