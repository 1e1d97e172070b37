import { jwtVerify } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import type { MembraneTokenError } from './MembraneTokenError.js';
import { createTokenHandler } from './createTokenHandler.js';
import type { TokenResponseBody } from './createTokenHandler.js';
import { WORKSPACE_KEY, WORKSPACE_SECRET, expectRefusal, inFakeBrowser, secretBytes, secretCredentials } from './test-utils/fixtures.js';

const URL_ = 'https://app.example.com/api/membrane-token';
const customer = { id: 'user-7', name: 'Ada', fields: { plan: 'team' } };

function request(method = 'GET', headers?: Record<string, string>): Request {
  return new Request(URL_, { method, headers });
}

describe('createTokenHandler', () => {
  it('answers 200 { token, expiresAt, serverTime } as uncacheable JSON for GET', async () => {
    const handler = createTokenHandler({ credentials: secretCredentials, getCustomer: () => customer, algorithm: 'HS512' });
    const before = Math.floor(Date.now() / 1000);
    const response = await handler(request());

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as TokenResponseBody;
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'serverTime', 'token']);
    expect(Math.abs(Date.parse(body.serverTime) - Date.now())).toBeLessThan(5_000);

    const { payload, protectedHeader } = await jwtVerify(body.token, secretBytes, { algorithms: ['HS512'], issuer: WORKSPACE_KEY });
    expect(protectedHeader).toEqual({ alg: 'HS512', typ: 'JWT' });
    expect(payload).toMatchObject({ id: 'user-7', name: 'Ada', fields: { plan: 'team' } });
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.exp).toBe(payload.iat! + 7200);
    expect(body.expiresAt).toBe(new Date(payload.exp! * 1000).toISOString());
  });

  it('answers POST the same way and applies expiresIn', async () => {
    const handler = createTokenHandler({ credentials: secretCredentials, getCustomer: () => customer, expiresIn: '15m' });
    const response = await handler(request('POST'));
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as TokenResponseBody;
    const { payload } = await jwtVerify(token, secretBytes);
    expect(payload.exp! - payload.iat!).toBe(900);
  });

  it('passes the request and the context to getCustomer, and awaits an async getCustomer', async () => {
    const context = { user: { id: 'ctx-user' } };
    const getCustomer = vi.fn(async (incoming: Request, ctx: typeof context) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return incoming.headers.get('authorization') === 'Bearer session' ? { id: ctx.user.id } : null;
    });
    const handler = createTokenHandler({ credentials: secretCredentials, getCustomer });

    const incoming = request('GET', { authorization: 'Bearer session' });
    const response = await handler(incoming, context);
    expect(getCustomer).toHaveBeenCalledWith(incoming, context);
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as TokenResponseBody;
    expect((await jwtVerify(token, secretBytes)).payload.id).toBe('ctx-user');

    const anonymous = await handler(request(), context);
    expect(anonymous.status).toBe(401);
  });

  it.each([null, undefined])('answers 401 { error } when getCustomer returns %s', async (nobody) => {
    const handler = createTokenHandler({ credentials: secretCredentials, getCustomer: async () => nobody });
    const response = await handler(request());
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/Not authenticated/) });
  });

  it('answers a generic 500 when getCustomer throws, and reports the error to onError', async () => {
    const failure = new Error(`session store down; secret=${WORKSPACE_SECRET}`);
    const onError = vi.fn();
    const handler = createTokenHandler({
      credentials: secretCredentials,
      getCustomer: () => {
        throw failure;
      },
      onError,
    });
    const incoming = request();
    const response = await handler(incoming);
    expect(response.status).toBe(500);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'Could not create a Membrane token.' });
    expect(text).not.toContain('session store down');
    expect(text).not.toContain(WORKSPACE_SECRET);
    expect(text).not.toMatch(/at .*\.ts/);
    expect(onError).toHaveBeenCalledWith(failure, incoming);
  });

  it('answers 500 for a misconfigured server and logs one line with the error’s name, code and message by default', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const shortSecret = 'only-sixteen-byt';
    const handler = createTokenHandler({ credentials: { workspaceKey: WORKSPACE_KEY, workspaceSecret: shortSecret }, getCustomer: () => customer });
    const response = await handler(request());
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'Could not create a Membrane token.' });
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls[0]).toHaveLength(1);
    const line = errors.mock.calls[0]![0] as string;
    expect(line).toMatch(/^\[membrane-react-kit\/server\] token endpoint failed: MembraneTokenError \(weak_workspace_secret\): \S/);
    expect(line).not.toContain('\n');
    expect(line).not.toContain(shortSecret);
    errors.mockRestore();
  });

  it('never logs the request, its credentials, the workspace secret, keys or tokens by default, and still hands onError the real error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6InVzZXItNyJ9.c2lnbmF0dXJlLXZhbHVl';
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    const failure = Object.assign(
      new Error(`session store down\nsecret=${WORKSPACE_SECRET} auth=Bearer abc.def-ghi token=${jwt} key=${pem}`),
      { code: 'ECONNREFUSED', config: { headers: { cookie: 'session=s3cr3t-cookie' } } },
    );
    const handler = createTokenHandler({
      credentials: secretCredentials,
      getCustomer: () => {
        throw failure;
      },
    });
    const response = await handler(request('POST', { cookie: 'session=s3cr3t-cookie', authorization: 'Bearer app-session-token' }));
    expect(response.status).toBe(500);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls[0]).toHaveLength(1);
    const line = errors.mock.calls[0]![0] as string;
    expect(line).toMatch(/^\[membrane-react-kit\/server\] token endpoint failed: Error \(ECONNREFUSED\): session store down secret=\[redacted secret\]/);
    expect(line).not.toContain('\n');
    for (const leaked of [WORKSPACE_SECRET, jwt, 'abc.def-ghi', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 's3cr3t-cookie', 'app-session-token', URL_]) {
      expect(line).not.toContain(leaked);
    }
    errors.mockRestore();

    const onError = vi.fn();
    const custom = createTokenHandler({
      credentials: secretCredentials,
      getCustomer: () => {
        throw failure;
      },
      onError,
    });
    await custom(request());
    expect(onError.mock.calls[0]?.[0]).toBe(failure);
  });

  it('logs thrown non-errors as one line too', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = createTokenHandler({
      credentials: secretCredentials,
      getCustomer: () => Promise.reject(`plain failure with ${WORKSPACE_SECRET}`),
    });
    await handler(request());
    expect(errors.mock.calls[0]).toEqual(['[membrane-react-kit/server] token endpoint failed: string: plain failure with [redacted secret]']);
    errors.mockRestore();
  });

  it('answers 500 when getCustomer returns a customer without an id', async () => {
    const onError = vi.fn();
    const handler = createTokenHandler({ credentials: secretCredentials, getCustomer: () => ({ id: '' }), onError });
    const response = await handler(request());
    expect(response.status).toBe(500);
    expect((onError.mock.calls[0]?.[0] as MembraneTokenError).code).toBe('missing_customer_id');
  });

  it('still answers 500 when onError itself throws', async () => {
    const handler = createTokenHandler({
      credentials: secretCredentials,
      getCustomer: () => Promise.reject(new Error('boom')),
      onError: () => {
        throw new Error('logger down');
      },
    });
    expect((await handler(request())).status).toBe(500);
  });

  it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])('answers %s with 405 and Allow: GET, POST without calling getCustomer', async (method) => {
    const getCustomer = vi.fn(() => customer);
    const handler = createTokenHandler({ credentials: secretCredentials, getCustomer });
    const response = await handler(request(method));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(getCustomer).not.toHaveBeenCalled();
  });

  it('refuses to be created in a browser', async () => {
    await inFakeBrowser(() =>
      expectRefusal(
        () => createTokenHandler({ credentials: secretCredentials, getCustomer: () => customer }),
        'browser_environment',
        /createTokenHandler refused to run in a browser/,
      ),
    );
  });

  it('refuses options without getCustomer', async () => {
    await expectRefusal(
      () => createTokenHandler({ credentials: secretCredentials } as never),
      'invalid_options',
      /needs getCustomer\(request\)/,
    );
  });

  it('refuses an expiresIn over 24 hours at creation, before any request', async () => {
    await expectRefusal(
      () => createTokenHandler({ credentials: secretCredentials, getCustomer: () => customer, expiresIn: 90_000 }),
      'expires_in_too_long',
      /more than 24 hours/,
    );
  });
});
