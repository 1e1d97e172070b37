import type { MembraneConnection, MembraneIntegration } from '../api/types.js';
import { describe, expect, it } from 'vitest';
import { createPendingConnectStore } from './createPendingConnectStore.js';
import { CONNECTION_STATES, getConnectionDetails, getConnectionErrorMessage, getConnectionState, isRepairState } from './getConnectionState.js';

const withConnection = (connection: Partial<MembraneConnection> | undefined) =>
  ({ connection: connection && { id: 'c1', ...connection } }) as Pick<MembraneIntegration, 'connection'>;
const stateOf = (connection: Partial<MembraneConnection> | undefined) => getConnectionState(withConnection(connection));
const detailsOf = (connection: Partial<MembraneConnection> | undefined) => getConnectionDetails(withConnection(connection));

/** A healthy 0.28 connection as Membrane answers it, to break one field at a time. */
const ready: Partial<MembraneConnection> = { connected: true, disconnected: false, state: 'READY', errors: [], isDefunct: false };

describe('getConnectionDetails: Membrane 0.28 fields, in the order of membrane-sdk-0.28.md §3', () => {
  it('1. a running connect flow wins over everything', () => {
    expect(getConnectionDetails(withConnection({ ...ready, state: 'DISCONNECTING' }), true)).toMatchObject({ state: 'connecting', action: 'none' });
    expect(getConnectionState(withConnection(undefined), true)).toBe('connecting');
  });

  it('2. no connection, or an archived one, is not-connected and offers Connect', () => {
    expect(detailsOf(undefined)).toEqual({
      state: 'not-connected',
      action: 'connect',
      connectionId: undefined,
      message: undefined,
      clientActionType: undefined,
      warning: undefined,
    });
    expect(getConnectionState(undefined)).toBe('not-connected');
    // archivedAt comes before every other field, even DISCONNECTING or a defunct link.
    expect(detailsOf({ ...ready, archivedAt: '2026-01-01T00:00:00Z', state: 'DISCONNECTING', isDefunct: true, connected: false })).toMatchObject({
      state: 'not-connected',
      action: 'connect',
      connectionId: undefined,
    });
  });

  it('3-4. DISCONNECTING and BUILDING are busy states with no action, before any health flag', () => {
    expect(detailsOf({ ...ready, state: 'DISCONNECTING', connected: false, errors: [{ message: 'x' }] })).toMatchObject({
      state: 'disconnecting',
      action: 'none',
      connectionId: 'c1',
    });
    expect(detailsOf({ ...ready, state: 'BUILDING', connected: false, isDefunct: true })).toMatchObject({ state: 'setting-up', action: 'none' });
  });

  it('5. CLIENT_ACTION_REQUIRED needs action: Reconnect for connect, Finish setup for provide-input, with the description', () => {
    const signIn = { ...ready, state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'connect', description: ' Sign in to HubSpot again. ' } };
    expect(detailsOf(signIn)).toEqual({
      state: 'needs-action',
      action: 'reconnect',
      connectionId: 'c1',
      message: 'Sign in to HubSpot again.',
      clientActionType: 'connect',
      warning: undefined,
    });
    const input = { ...ready, state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'provide-input', description: 'Choose a portal.' } };
    expect(detailsOf(input)).toMatchObject({ state: 'needs-action', action: 'finish-setup', message: 'Choose a portal.', clientActionType: 'provide-input' });
    // Before "disconnected" and "error": a broken link that Membrane says how to repair needs action.
    expect(stateOf({ ...signIn, connected: false, isDefunct: true, errors: [{ message: 'revoked' }] })).toBe('needs-action');
    // No clientAction (the docs say it comes with the state): still needs action, a Reconnect.
    expect(detailsOf({ ...ready, state: 'CLIENT_ACTION_REQUIRED' })).toMatchObject({ state: 'needs-action', action: 'reconnect', message: undefined });
  });

  it('6. connected false, a deprecated disconnected without connected, or isDefunct are disconnected, before errors', () => {
    expect(detailsOf({ ...ready, connected: false })).toMatchObject({ state: 'disconnected', action: 'reconnect', connectionId: 'c1' });
    expect(stateOf({ disconnected: true, state: 'READY' })).toBe('disconnected');
    // connected wins over the deprecated disconnected when both are given.
    expect(stateOf({ ...ready, connected: true, disconnected: true })).toBe('connected');
    expect(stateOf({ ...ready, isDefunct: true })).toBe('disconnected');
    expect(detailsOf({ ...ready, connected: false, state: 'CONFIGURATION_ERROR', errors: [{ message: 'Token revoked' }] })).toMatchObject({
      state: 'disconnected',
      message: 'Token revoked',
    });
  });

  it('7. CONFIGURATION_ERROR, SETUP_FAILED or errors are an error with the first message', () => {
    expect(detailsOf({ ...ready, state: 'CONFIGURATION_ERROR' })).toMatchObject({ state: 'error', action: 'reconnect', message: undefined });
    expect(stateOf({ ...ready, state: 'SETUP_FAILED' })).toBe('error');
    expect(detailsOf({ ...ready, errors: [{ message: ' ' }, { message: 'Scope missing' }, { message: 'later' }] })).toMatchObject({
      state: 'error',
      message: 'Scope missing',
    });
  });

  it('8. requestError, or the deprecated error on a 0.28 connection, is connected with a warning', () => {
    expect(detailsOf({ ...ready, requestError: { message: 'Rate limit exceeded' } })).toEqual({
      state: 'connected',
      action: 'none',
      connectionId: 'c1',
      message: undefined,
      clientActionType: undefined,
      warning: 'Rate limit exceeded',
    });
    expect(detailsOf({ ...ready, error: { message: 'Timeout' } })).toMatchObject({ state: 'connected', warning: 'Timeout' });
    // requestError's text is the one shown when both are there.
    expect(detailsOf({ ...ready, error: { message: 'old' }, requestError: { message: 'new' } }).warning).toBe('new');
    // A warning never hides a worse state.
    expect(stateOf({ ...ready, errors: [{ message: 'bad' }], requestError: { message: 'x' } })).toBe('error');
  });

  it('9. otherwise connected, with nothing to do', () => {
    expect(detailsOf(ready)).toMatchObject({ state: 'connected', action: 'none', warning: undefined, message: undefined });
    expect(stateOf({})).toBe('connected');
  });
});

describe('getConnectionDetails: 1.14 connections (only disconnected and error)', () => {
  it('keeps the 1.14 reading: error is an error (before disconnected), disconnected is disconnected', () => {
    expect(detailsOf({ disconnected: true, error: { message: ' revoked ' } })).toMatchObject({ state: 'error', action: 'reconnect', message: 'revoked' });
    expect(detailsOf({ disconnected: false, error: { message: 'bad' } })).toMatchObject({ state: 'error', warning: undefined });
    expect(detailsOf({ disconnected: true })).toMatchObject({ state: 'disconnected', action: 'reconnect', message: undefined });
    expect(stateOf({ disconnected: false })).toBe('connected');
  });

  it('reads an archived 1.14 connection as not connected', () => {
    expect(stateOf({ disconnected: true, archivedAt: '2026-01-01T00:00:00Z' })).toBe('not-connected');
  });
});

describe('helpers', () => {
  it('lists every state once and knows which ones repair the existing connection', () => {
    expect(new Set(CONNECTION_STATES).size).toBe(8);
    expect(CONNECTION_STATES.filter(isRepairState)).toEqual(['needs-action', 'disconnected', 'error']);
  });

  it('gives the text to show: the error, or what the customer has to do', () => {
    expect(getConnectionErrorMessage(withConnection({ error: { message: ' revoked ' } }))).toBe('revoked');
    expect(getConnectionErrorMessage(withConnection({ errors: [{}, { message: 'second' }] }))).toBe('second');
    expect(
      getConnectionErrorMessage(withConnection({ ...ready, state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'provide-input', description: 'Pick a team' } })),
    ).toBe('Pick a team');
    // A connected connection's last-request failure is a warning, not its error text.
    expect(getConnectionErrorMessage(withConnection({ ...ready, requestError: { message: 'x' } }))).toBeUndefined();
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
