import { describe, expect, it } from 'vitest';
import { normalizeConnection } from './normalizeConnection.js';
import { normalizeErrorData } from './normalizeErrorData.js';
import { normalizeIntegration } from './normalizeIntegration.js';
import { normalizePage } from './normalizePage.js';

describe('normalizeIntegration', () => {
  it('turns a numeric name into text and falls back to the key, then the id, when the name is missing', () => {
    expect(normalizeIntegration({ id: 'i1', key: 'k1', name: 42 })?.name).toBe('42');
    expect(normalizeIntegration({ id: 'i1', key: 'k1' })?.name).toBe('k1');
    expect(normalizeIntegration({ id: 'i1', name: { en: 'x' } })).toMatchObject({ id: 'i1', key: 'i1', name: 'i1' });
  });

  it('keeps an item without id (list items may lack one) and drops one with neither id nor key', () => {
    const keyOnly = normalizeIntegration({ key: 'k1', name: 'Key only' });
    expect(keyOnly).toEqual({ key: 'k1', name: 'Key only' });
    expect(normalizeIntegration({ name: 'Nothing' })).toBeUndefined();
    expect(normalizeIntegration({ id: '  ', key: '' })).toBeUndefined();
    for (const value of [null, undefined, 'hubspot', 7, ['k']]) expect(normalizeIntegration(value)).toBeUndefined();
  });

  it('drops a logoUri that is not a string, an unknown state and authOptions that are not an array', () => {
    const integration = normalizeIntegration({ id: 'i', key: 'k', name: 'N', logoUri: { url: 'x' }, state: 'EXPLODED', authOptions: { key: 'a' } });
    expect(integration).toEqual({ id: 'i', key: 'k', name: 'N' });
    expect(normalizeIntegration({ id: 'i', key: 'k', state: 'READY', authOptions: [{ key: 'a' }, 'x', null] })).toMatchObject({
      state: 'READY',
      authOptions: [{ key: 'a' }],
    });
  });

  it('normalises the nested connection and drops one without an id', () => {
    expect(normalizeIntegration({ key: 'k', connection: { id: 'c', errors: { message: 'no' } } })?.connection).toEqual({ id: 'c' });
    expect(normalizeIntegration({ key: 'k', connection: { connected: true } })?.connection).toBeUndefined();
  });
});

describe('normalizeConnection', () => {
  it('keeps errors only as an array of { message: string }', () => {
    const connection = normalizeConnection({ id: 'c', errors: [{ message: 'Token revoked' }, { key: 'defunct' }, { message: 5 }, 'bare', 3] });
    expect(connection?.errors).toEqual([{ message: 'Token revoked' }, { key: 'defunct', message: 'defunct' }, { message: '5' }, { message: 'bare' }]);
    expect(normalizeConnection({ id: 'c', errors: { message: 'x' } })).toEqual({ id: 'c' });
  });

  it('turns requestError and error into error objects and drops wrong-typed flags and states', () => {
    const connection = normalizeConnection({ id: 9, name: 3, requestError: 'timeout', error: [1], connected: 'yes', state: 7, archivedAt: 0 });
    expect(connection).toEqual({ id: '9', name: '3', requestError: { message: 'timeout' } });
    expect(normalizeConnection({ id: 'c', state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'connect', uiUrl: 5 } })).toEqual({
      id: 'c',
      state: 'CLIENT_ACTION_REQUIRED',
      clientAction: { type: 'connect' },
    });
  });
});

describe('normalizeErrorData', () => {
  it('answers undefined for values that cannot be an error', () => {
    for (const value of [null, 5, [], true]) expect(normalizeErrorData(value)).toBeUndefined();
  });
});

describe('normalizePage', () => {
  it('drops items the normaliser refuses and a cursor that is not a string', () => {
    expect(normalizePage({ items: [{ key: 'a' }, {}, null], cursor: 5 }, normalizeIntegration, 'GET /integrations')).toEqual({
      items: [{ key: 'a', name: 'a' }],
    });
    expect(normalizePage({ items: [], cursor: 'next' }, normalizeIntegration, 'GET /integrations')).toEqual({ items: [], cursor: 'next' });
  });

  it('rejects an answer that is not a page with a server KitError naming the request', () => {
    expect(() => normalizePage([{ key: 'a' }], normalizeIntegration, 'GET /integrations')).toThrow(
      expect.objectContaining({ code: 'server', message: expect.stringContaining('GET /integrations with an array') }),
    );
    expect(() => normalizePage({ data: [] }, normalizeIntegration, 'GET /connections')).toThrow(/without an "items" array/);
  });
});
