import type { MembraneIntegration } from '../api/types.js';
import { describe, expect, it } from 'vitest';
import { createPendingConnectStore } from './createPendingConnectStore.js';
import { getConnectionErrorMessage, getConnectionState } from './getConnectionState.js';

const withConnection = (connection: unknown) => ({ connection }) as Pick<MembraneIntegration, 'connection'>;

describe('getConnectionState', () => {
  it('derives the five states', () => {
    expect(getConnectionState(withConnection(undefined))).toBe('not-connected');
    expect(getConnectionState(withConnection({ id: 'c', disconnected: false }))).toBe('connected');
    expect(getConnectionState(withConnection({ id: 'c', disconnected: true }))).toBe('disconnected');
    expect(getConnectionState(withConnection({ id: 'c', connected: false }))).toBe('disconnected');
    expect(getConnectionState(withConnection({ id: 'c', disconnected: true, error: { message: 'revoked' } }))).toBe('error');
    expect(getConnectionState(withConnection({ id: 'c', errors: [{ message: 'bad' }] }))).toBe('error');
    expect(getConnectionState(withConnection({ id: 'c' }), true)).toBe('connecting');
    expect(getConnectionState(undefined)).toBe('not-connected');
  });

  it('reads the error text', () => {
    expect(getConnectionErrorMessage(withConnection({ error: { message: ' revoked ' } }))).toBe('revoked');
    expect(getConnectionErrorMessage(withConnection({ errors: [{}, { message: 'second' }] }))).toBe('second');
    expect(getConnectionErrorMessage(withConnection({}))).toBeUndefined();
  });
});

describe('createPendingConnectStore', () => {
  it('counts overlapping flows and notifies subscribers', () => {
    const store = createPendingConnectStore();
    let calls = 0;
    store.subscribe(() => calls++);
    const endA = store.begin('hubspot');
    const endB = store.begin('hubspot');
    endA();
    endA();
    expect(store.isPending('hubspot')).toBe(true);
    endB();
    expect(store.isPending('hubspot')).toBe(false);
    expect(calls).toBe(2);
  });
});
