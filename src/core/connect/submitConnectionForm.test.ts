import { describe, expect, it } from 'vitest';
import { createRequestId } from './createRequestId.js';
import { getAuthOptions, needsParameters } from './getAuthOptions.js';
import { getConnectTransport } from './getConnectTransport.js';
import { connectionPayload, connectionPopupUrl } from './submitConnectionForm.js';

describe('connection-popup request', () => {
  it('targets the integration or the connection being repaired', () => {
    expect(connectionPopupUrl('https://api.test', { integrationId: 'i 1' })).toBe('https://api.test/connection-popup?integrationId=i+1');
    expect(connectionPopupUrl('https://api.test/base/', { integrationId: 'i', connectionId: 'c' })).toBe(
      'https://api.test/base/connection-popup?connectionId=c',
    );
    expect(() => connectionPopupUrl('https://api.test', {})).toThrow(/integrationId or a connectionId/);
  });

  it('serialises the SDK payload and drops undefined keys', () => {
    const payload = JSON.parse(
      connectionPayload({ apiUri: 'https://api.test', token: 't', requestId: 'r', integrationId: 'i', parameters: { a: 1 }, authOptionKey: 'k' }),
    );
    expect(payload).toEqual({ token: 't', connectionParameters: { a: 1 }, authOptionKey: 'k', requestId: 'r' });
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

  it('chooses iframe for client credentials, redirect with a redirectUri, else popup', () => {
    expect(getConnectTransport({ type: 'client-credentials' }, 'https://app')).toBe('iframe');
    expect(getConnectTransport({ type: 'oauth2' }, 'https://app')).toBe('redirect');
    expect(getConnectTransport({ type: 'oauth2' })).toBe('popup');
    expect(getConnectTransport(undefined)).toBe('popup');
  });
});
