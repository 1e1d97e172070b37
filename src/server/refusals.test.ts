import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMembraneToken } from './createMembraneToken.js';
import type { CreateMembraneTokenOptions, MembraneCredentials } from './types.js';
import {
  WORKSPACE_KEY,
  WORKSPACE_SECRET,
  expectRefusal,
  inFakeBrowser,
  keyPair,
  pemBody,
  secretCredentials,
} from './test-utils/fixtures.js';

const customer = { id: 'cust-1', name: 'Acme' };

function sign(credentials: unknown, options: Partial<CreateMembraneTokenOptions> = {}): Promise<string> {
  return createMembraneToken(credentials as MembraneCredentials, { customer, ...options } as CreateMembraneTokenOptions);
}

describe('credential refusals', () => {
  it.each([
    ['missing', { workspaceSecret: WORKSPACE_SECRET }, /workspaceKey is missing/],
    ['empty', { workspaceKey: '', workspaceSecret: WORKSPACE_SECRET }, /workspaceKey is empty/],
    ['blank', { workspaceKey: '   ', workspaceSecret: WORKSPACE_SECRET }, /workspaceKey is empty/],
    ['not a string', { workspaceKey: 42, workspaceSecret: WORKSPACE_SECRET }, /workspaceKey is a number/],
  ])('refuses a %s workspace key', async (_case, credentials, message) => {
    await expectRefusal(sign(credentials), 'missing_workspace_key', message);
  });

  it.each([
    ['missing', { workspaceKey: WORKSPACE_KEY }, /workspaceSecret is missing/],
    ['empty', { workspaceKey: WORKSPACE_KEY, workspaceSecret: '' }, /workspaceSecret is empty/],
  ])('refuses a %s workspace secret', async (_case, credentials, message) => {
    await expectRefusal(sign(credentials), 'missing_workspace_secret', message);
  });

  it('refuses an HS secret shorter than 32 bytes without quoting it', async () => {
    const shortSecret = 'my-short-secret-31-bytes-long!!';
    expect(new TextEncoder().encode(shortSecret).byteLength).toBe(31);
    await expectRefusal(
      sign({ workspaceKey: WORKSPACE_KEY, workspaceSecret: shortSecret }),
      'weak_workspace_secret',
      /workspaceSecret is only 31 bytes; at least 32/,
      [shortSecret],
    );
  });

  it('refuses credentials that are not an object', async () => {
    await expectRefusal(sign(null), 'invalid_credentials', /credentials must be an object/);
  });

  it('refuses credentials with both a secret and a private key', async () => {
    const { pem } = await keyPair('ES256');
    await expectRefusal(
      sign({ ...secretCredentials, privateKey: pem }),
      'invalid_credentials',
      /both workspaceSecret and privateKey/,
      [WORKSPACE_SECRET, pemBody(pem)],
    );
  });

  it('refuses an empty private key', async () => {
    await expectRefusal(sign({ workspaceKey: WORKSPACE_KEY, privateKey: '' }), 'missing_private_key', /privateKey is empty/);
  });
});

describe('algorithm refusals', () => {
  it.each(['none', 'None'])("refuses algorithm '%s'", async (algorithm) => {
    await expectRefusal(sign(secretCredentials, { algorithm: algorithm as 'HS256' }), 'unsupported_algorithm', /'none' is refused/);
  });

  it.each(['hs256', 'EdDSA', 'HS1024'])('refuses the unknown algorithm %s and lists the supported ones', async (algorithm) => {
    await expectRefusal(
      sign(secretCredentials, { algorithm: algorithm as 'HS256' }),
      'unsupported_algorithm',
      new RegExp(`algorithm "${algorithm}" is not supported: use one of HS256, .*ES512`),
    );
  });

  it.each(['RS256', 'PS256', 'ES256'] as const)('refuses %s with a workspace secret', async (algorithm) => {
    await expectRefusal(sign(secretCredentials, { algorithm }), 'algorithm_key_mismatch', new RegExp(`${algorithm} needs a private key`));
  });

  it('refuses HS256 with a private key', async () => {
    const { pem } = await keyPair('RS256');
    await expectRefusal(
      sign({ workspaceKey: WORKSPACE_KEY, privateKey: pem }, { algorithm: 'HS256' }),
      'algorithm_key_mismatch',
      /HS256 signs with the workspace secret, but the credentials carry a private key/,
      [pemBody(pem)],
    );
  });

  it.each([
    ['ES256', 'RS256', /ES256 does not fit privateKey, which is an RSA key/],
    ['ES256', 'ES384', /ES256 does not fit privateKey, which is an EC P-384 key: use ES384/],
    ['RS256', 'ES256', /RS256 does not fit privateKey, which is an EC P-256 key: use ES256/],
    ['PS512', 'ES512', /PS512 does not fit privateKey, which is an EC P-521 key/],
  ] as const)('refuses %s with a %s PEM key', async (algorithm, keyAlgorithm, message) => {
    const { pem } = await keyPair(keyAlgorithm);
    await expectRefusal(sign({ workspaceKey: WORKSPACE_KEY, privateKey: pem }, { algorithm }), 'algorithm_key_mismatch', message, [pemBody(pem)]);
  });

  it('refuses an algorithm other than the one a CryptoKey was imported for', async () => {
    const { privateKey } = await keyPair('RS256');
    await expectRefusal(
      sign({ workspaceKey: WORKSPACE_KEY, privateKey }, { algorithm: 'PS256' }),
      'algorithm_key_mismatch',
      /PS256 does not fit privateKey, which is a CryptoKey imported for RS256: use RS256/,
    );
  });
});

describe('private key refusals', () => {
  it('refuses a public key in place of the private key', async () => {
    const { publicPem } = await keyPair('ES256');
    await expectRefusal(sign({ workspaceKey: WORKSPACE_KEY, privateKey: publicPem }), 'invalid_private_key', /is a public key: sign with the private key/, [
      pemBody(publicPem),
    ]);
  });

  it('refuses a public CryptoKey', async () => {
    const { publicKey } = await keyPair('ES256');
    await expectRefusal(sign({ workspaceKey: WORKSPACE_KEY, privateKey: publicKey }), 'invalid_private_key', /is a public key/);
  });

  it('refuses a PKCS#1 RSA key and says how to convert it', async () => {
    const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    await expectRefusal(sign({ workspaceKey: WORKSPACE_KEY, privateKey: pkcs1 }), 'invalid_private_key', /PKCS#1 form.*openssl pkcs8 -topk8/, [pemBody(pkcs1)]);
  });

  it('refuses a SEC1 EC key and says how to convert it', async () => {
    const sec1 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString();
    await expectRefusal(sign({ workspaceKey: WORKSPACE_KEY, privateKey: sec1 }), 'invalid_private_key', /SEC1 form.*openssl pkcs8 -topk8/, [pemBody(sec1)]);
  });

  it('refuses an encrypted PKCS#8 key', async () => {
    const encrypted = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pass' })
      .toString();
    await expectRefusal(sign({ workspaceKey: WORKSPACE_KEY, privateKey: encrypted }), 'invalid_private_key', /is encrypted/, [pemBody(encrypted)]);
  });

  it('refuses a string that is not PEM without quoting it', async () => {
    const notPem = 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg-not-a-pem';
    await expectRefusal(sign({ workspaceKey: WORKSPACE_KEY, privateKey: notPem }), 'invalid_private_key', /is not PEM/, [notPem]);
  });

  it('refuses a damaged PEM body', async () => {
    const { pem } = await keyPair('ES256');
    const damaged = pem.replace(/[A-Za-z0-9]{10}/, '!!!!!!!!!!');
    await expectRefusal(sign({ workspaceKey: WORKSPACE_KEY, privateKey: damaged }), 'invalid_private_key', /not valid base64/, [pemBody(damaged)]);
  });

  it('refuses a truncated PEM whose DER cannot be read', async () => {
    const { pem } = await keyPair('ES256');
    const body = pemBody(pem);
    const truncated = `-----BEGIN PRIVATE KEY-----\n${body.slice(0, 20)}\n-----END PRIVATE KEY-----\n`;
    await expectRefusal(sign({ workspaceKey: WORKSPACE_KEY, privateKey: truncated }), 'invalid_private_key', /not a valid PKCS#8 private key/, [body.slice(0, 20)]);
  });

  it('refuses an Ed25519 key, which Membrane cannot verify', async () => {
    const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expectRefusal(sign({ workspaceKey: WORKSPACE_KEY, privateKey: ed }), 'invalid_private_key', /an Ed25519 key, which Membrane cannot verify/, [pemBody(ed)]);
  });

  it('refuses an RSA key shorter than 2048 bits', async () => {
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expectRefusal(sign({ workspaceKey: WORKSPACE_KEY, privateKey: weak }, { algorithm: 'RS256' }), 'weak_private_key', /1024-bit RSA key; RSA keys must be at least 2048 bits/, [
      pemBody(weak),
    ]);
  });

  it('refuses a private key of the wrong type (a number)', async () => {
    await expectRefusal(sign({ workspaceKey: WORKSPACE_KEY, privateKey: 12345 }), 'invalid_private_key', /privateKey is a number: pass a PEM string/);
  });
});

describe('customer refusals', () => {
  it.each([
    ['without an id', { name: 'Acme' }, /customer\.id is missing/],
    ['with an empty id', { id: '' }, /customer\.id is empty/],
    ['with a blank id', { id: '  ' }, /customer\.id is empty/],
  ])('refuses a customer %s and points to createAdminToken', async (_case, badCustomer, message) => {
    const error = await expectRefusal(sign(secretCredentials, { customer: badCustomer as never }), 'missing_customer_id', message);
    expect(error.message).toContain('createAdminToken');
  });

  it('refuses a numeric id and suggests String()', async () => {
    await expectRefusal(sign(secretCredentials, { customer: { id: 42 } as never }), 'invalid_customer', /customer\.id must be a string, got a number: pass String/);
  });

  it('refuses a missing customer', async () => {
    await expectRefusal(sign(secretCredentials, { customer: undefined as never }), 'invalid_customer', /customer must be an object/);
  });

  it('refuses a non-string name', async () => {
    await expectRefusal(sign(secretCredentials, { customer: { id: 'a', name: 7 } as never }), 'invalid_customer', /customer\.name must be a string/);
  });

  it.each([
    ['an array', ['x'], /got an array/],
    ['a string', 'plan=pro', /got a string/],
    ['a class instance', new Date(), /got a class instance/],
    ['null', null, /got null/],
  ])('refuses fields that are %s', async (_case, fields, message) => {
    await expectRefusal(sign(secretCredentials, { customer: { id: 'a', fields } as never }), 'invalid_fields', message);
  });

  it('refuses fields that cannot become JSON, without quoting their values', async () => {
    const fields: Record<string, unknown> = { apiKey: 'sk_live_do_not_leak_0123456789' };
    fields.self = fields;
    await expectRefusal(sign(secretCredentials, { customer: { id: 'a', fields } }), 'invalid_fields', /cannot be serialised to JSON/, [
      'sk_live_do_not_leak_0123456789',
    ]);
  });
});

describe('expiresIn refusals', () => {
  it.each([
    [0, /at least 1 second/],
    [-60, /at least 1 second/],
    [0.5, /at least 1 second/],
    ['0s', /at least 1 second/],
    [Number.NaN, /finite number of seconds, got NaN/],
    [Number.POSITIVE_INFINITY, /finite number of seconds, got Infinity/],
  ])('refuses expiresIn %s', async (expiresIn, message) => {
    await expectRefusal(sign(secretCredentials, { expiresIn: expiresIn as number }), 'invalid_expires_in', message);
  });

  it.each([
    ['3600', /without a unit is ambiguous/],
    ['two hours', /is not a duration/],
    ['2 weeks', /is not a duration/],
    ['', /is not a duration/],
  ])('refuses expiresIn %j', async (expiresIn, message) => {
    await expectRefusal(sign(secretCredentials, { expiresIn: expiresIn as '1h' }), 'invalid_expires_in', message);
  });

  it.each([86401, '25h', '2d'])('refuses expiresIn %j over 24 hours unless allowLongLived', async (expiresIn) => {
    await expectRefusal(sign(secretCredentials, { expiresIn: expiresIn as number }), 'expires_in_too_long', /more than 24 hours.*allowLongLived: true/);
  });

  it('accepts exactly 24 hours', async () => {
    await expect(sign(secretCredentials, { expiresIn: '24h' })).resolves.toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });
});

describe('browser refusal', () => {
  it('refuses to sign where window and document exist', async () => {
    await inFakeBrowser(() =>
      expectRefusal(sign(secretCredentials), 'browser_environment', /refused to run in a browser.*must never reach one/),
    );
  });

  it('signs in a browser-like scope only with dangerouslyAllowBrowser', async () => {
    await inFakeBrowser(async () => {
      await expect(sign(secretCredentials, { dangerouslyAllowBrowser: true })).resolves.toMatch(/^eyJ/);
    });
  });

  it('signs where only window exists (Deno 1 defines window but no document)', async () => {
    const scope = globalThis as { window?: unknown };
    scope.window = globalThis;
    try {
      await expect(sign(secretCredentials)).resolves.toMatch(/^eyJ/);
    } finally {
      delete scope.window;
    }
  });
});
