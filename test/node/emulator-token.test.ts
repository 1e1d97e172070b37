import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { EMULATOR_WORKSPACE_KEY, EMULATOR_WORKSPACE_SECRET } from '../../src/emulator/constants.ts';
import { useEmulator } from './emulator-helpers.ts';

describe('POST /_emulator/token', () => {
  const emulator = useEmulator();
  const post = async (body?: unknown) => {
    const response = await fetch(emulator().tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:6006' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { response, body: (await response.json()) as Record<string, string> };
  };

  it('signs a real token for the default customer, verifiable with the workspace secret', async () => {
    const { response, body } = await post();
    expect(response.headers.get('cache-control')).toBe('no-store');
    // The controls answer CORS only for allowed origins (a localhost dev server is one), by name.
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
    const { payload, protectedHeader } = await jwtVerify(body.token!, new TextEncoder().encode(EMULATOR_WORKSPACE_SECRET), {
      issuer: EMULATOR_WORKSPACE_KEY,
    });
    expect(protectedHeader).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ id: 'demo-customer', name: 'Acme Inc.', fields: { plan: 'pro' } });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(Date.parse(body.expiresAt!)).toBe(payload.exp! * 1000);
  });

  it('signs for the customer in the body (customerId or id), with expiresIn', async () => {
    const { body } = await post({ customerId: 'cust-7', name: 'Initech', fields: { seats: 3 }, expiresIn: 120 });
    const { payload } = await jwtVerify(body.token!, new TextEncoder().encode(EMULATOR_WORKSPACE_SECRET));
    expect(payload).toMatchObject({ id: 'cust-7', name: 'Initech', fields: { seats: 3 } });
    expect(payload.exp! - payload.iat!).toBe(120);
    const viaId = await post({ id: 'cust-8' });
    expect((await jwtVerify(viaId.body.token!, new TextEncoder().encode(EMULATOR_WORKSPACE_SECRET))).payload.id).toBe('cust-8');
  });

  it('refuses a bad body with a 400 naming the field', async () => {
    for (const [body, pattern] of [
      [{ customerId: '' }, /customerId/],
      [{ name: 5 }, /name/],
      [{ fields: [] }, /fields/],
      [{ expiresIn: 0 }, /expiresIn/],
      [{ expiresIn: 100_000 }, /expiresIn/],
    ] as const) {
      const { response, body: answer } = await post(body);
      expect(response.status).toBe(400);
      expect(answer.message).toMatch(pattern);
    }
    const notJson = await fetch(emulator().tokenUrl, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('GET /_emulator describes the running emulator', async () => {
    const info = (await (await fetch(`${emulator().url}/_emulator`)).json()) as Record<string, unknown>;
    expect(info).toMatchObject({
      apiUri: emulator().apiUri,
      uiUri: emulator().uiUri,
      tokenUrl: emulator().tokenUrl,
      workspaceKey: EMULATOR_WORKSPACE_KEY,
      integrations: 16,
    });
  });
});
