import { decodeJwt, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAdminToken } from './createAdminToken.js';
import { createMembraneToken } from './createMembraneToken.js';
import { createTokenHandler } from './createTokenHandler.js';
import { WORKSPACE_KEY, WORKSPACE_SECRET, expectRefusal, secretCredentials } from './test-utils/fixtures.js';

// Issue 11 item 10: credentials pasted with whitespace, and claims too large for an HTTP header.
const secretBytes = new TextEncoder().encode(WORKSPACE_SECRET);

describe('credentials with surrounding whitespace', () => {
  it.each([
    ['a trailing newline', `${WORKSPACE_KEY}\n`, `${WORKSPACE_SECRET}\n`],
    ['surrounding spaces', `  ${WORKSPACE_KEY} `, ` ${WORKSPACE_SECRET}  `],
    ['CRLF from a Windows .env', `${WORKSPACE_KEY}\r\n`, `${WORKSPACE_SECRET}\r\n`],
  ])('signs with the trimmed key and secret (%s), so Membrane can verify the token', async (_case, workspaceKey, workspaceSecret) => {
    const token = await createMembraneToken({ workspaceKey, workspaceSecret }, { customer: { id: 'cust-1' } });
    const { payload } = await jwtVerify(token, secretBytes, { issuer: WORKSPACE_KEY });
    expect(payload.iss).toBe(WORKSPACE_KEY);
  });
});

describe('claims too large for an HTTP header', () => {
  it.each([
    ['id', { id: 'x'.repeat(100_000) }],
    ['name', { id: 'cust-1', name: 'n'.repeat(100_000) }],
    ['fields', { id: 'cust-1', fields: { notes: 'f'.repeat(10_000) } }],
  ])('refuses a 100k-character %s with claims_too_large, naming sizes but no values', async (_case, customer) => {
    const error = await expectRefusal(createMembraneToken(secretCredentials, { customer }), 'claims_too_large', /bytes.*limit is 4096/);
    expect(error.message.length).toBeLessThan(600);
    expect(error.message).not.toMatch(/xxxx|nnnn|ffff/);
  });

  it('refuses through the handler with a 500 and a log line that names the code', async () => {
    const logged: unknown[] = [];
    const handler = createTokenHandler({
      credentials: secretCredentials,
      getCustomer: () => ({ id: 'x'.repeat(100_000) }),
      onError: (error) => logged.push(error),
    });
    const response = await handler(new Request('http://app.test/api/membrane-token', { method: 'POST' }));
    expect(response.status).toBe(500);
    expect(logged).toEqual([expect.objectContaining({ code: 'claims_too_large' })]);
  });

  it('still signs ordinary customers and admin tokens well under 8 kB', async () => {
    const token = await createMembraneToken(secretCredentials, {
      customer: { id: 'cust-1', name: 'Acme Corporation', fields: { plan: 'enterprise', region: 'eu', seats: 250, apiKey: 'k'.repeat(200) } },
    });
    expect(token.length).toBeLessThan(8192);
    expect(decodeJwt(await createAdminToken(secretCredentials))).toMatchObject({ isAdmin: true });
  });
});
