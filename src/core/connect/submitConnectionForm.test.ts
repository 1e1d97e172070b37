import { describe, expect, it } from 'vitest';
import { createRequestId } from './createRequestId.js';
import { getAuthOptions, needsParameters } from './getAuthOptions.js';
import { getConnectTransport } from './getConnectTransport.js';
import { findConnectionOption } from './findConnectionOption.js';
import { connectionPayload, connectUrl } from './submitConnectionForm.js';

describe('POST /connect request', () => {
  it('posts to {apiUri}/connect with no query: ids and token travel in the payload', () => {
    expect(connectUrl('https://api.test')).toBe('https://api.test/connect');
    expect(connectUrl('https://api.test/base/')).toBe('https://api.test/base/connect');
    expect(() => connectionPayload({ apiUri: 'https://api.test', token: 't', requestId: 'r' })).toThrow(/integrationId or a connectionId/);
  });

  it("serialises SDK 0.28's payload: keys in its order, typed values in `input`, undefined keys dropped", () => {
    const text = connectionPayload({
      apiUri: 'https://api.test',
      token: 't',
      requestId: 'r',
      integrationId: 'i',
      parameters: { a: 1 },
      connectorParameters: { region: 'eu' },
      name: 'Mine',
      authOptionKey: 'k',
      allowMultipleConnections: true,
      redirectUri: 'https://app.test/back',
    });
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'token',
      'input',
      'connectorParameters',
      'integrationId',
      'name',
      'authOptionKey',
      'allowMultipleConnections',
      'requestId',
      'redirectUri',
    ]);
    expect(JSON.parse(text)).toMatchObject({ input: { a: 1 }, allowMultipleConnections: true });
    expect(JSON.parse(text)).not.toHaveProperty('connectionParameters');
    // A reconnect names only the connection, as `connection(x).reconnect` does.
    expect(JSON.parse(connectionPayload({ apiUri: 'https://api.test', token: 't', requestId: 'r', integrationId: 'i', connectionId: 'c' }))).toEqual({
      token: 't',
      connectionId: 'c',
      requestId: 'r',
    });
  });

  it('creates 22-character base-36 request ids', () => {
    const id = createRequestId();
    expect(id).toMatch(/^[0-9a-z]{22}$/);
    expect(createRequestId()).not.toBe(id);
  });
});

describe('auth options', () => {
  it('prefers integration.authOptions, falls back to the connector spec', () => {
    const fromIntegration = getAuthOptions({ authOptions: [{ key: 'k', type: 'client-credentials', ui: { schema: { properties: { a: {} } }, helpUri: 'h' } }] } as never);
    expect(fromIntegration).toEqual([{ key: 'k', type: 'client-credentials', title: undefined, description: undefined, schema: { properties: { a: {} } }, helpUri: 'h' }]);
    expect(needsParameters(fromIntegration[0])).toBe(true);
    expect(getAuthOptions({}, { auth: { type: 'oauth2', options: { a: { type: 'oauth1' }, b: { type: 'oauth2' } } } } as never).map((o) => o.key)).toEqual(['a', 'b']);
    expect(getAuthOptions({}, { auth: { type: 'oauth2' } } as never)).toMatchObject([{ key: undefined, type: 'oauth2' }]);
    expect(needsParameters(getAuthOptions({}, { auth: { type: 'oauth2' } } as never)[0])).toBe(false);
  });

  it('matches the /connection-options element by authOptionKey (the only option when none is named)', () => {
    const options = [
      { key: 'oauth', type: 'oauth2' },
      { key: 'cc', type: 'client-credentials' },
    ];
    expect(findConnectionOption(options, 'cc')).toEqual({ key: 'cc', type: 'client-credentials' });
    expect(findConnectionOption(options, 'missing')).toBeUndefined();
    expect(findConnectionOption(options, undefined)).toBeUndefined();
    expect(findConnectionOption([{ type: 'client-credentials' }], undefined)).toEqual({ type: 'client-credentials' });
    expect(findConnectionOption([{ key: 'only', type: 'oauth2' }], undefined)).toEqual({ key: 'only', type: 'oauth2' });
    expect(findConnectionOption([{ key: 'only', type: 'oauth2' }], 'other')).toBeUndefined();
  });

  it('chooses iframe for client credentials, redirect with a redirectUri, else popup', () => {
    expect(getConnectTransport({ type: 'client-credentials' }, 'https://app')).toBe('iframe');
    expect(getConnectTransport({ type: 'oauth2' }, 'https://app')).toBe('redirect');
    expect(getConnectTransport({ type: 'oauth2' })).toBe('popup');
    expect(getConnectTransport(undefined)).toBe('popup');
  });
});
