/** jsdom tests: the emulator's MSW handlers behind a fixed fake origin, one app per file. */
import { cleanup } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { resetSharedKits } from '../../src/react/kit/getSharedKit.ts';
import { createEmulatorApp } from '../../src/emulator/createEmulatorApp.ts';
import { createEmulatorHandlers } from '../../src/emulator/createEmulatorHandlers.ts';

export const API_URI = 'http://membrane.test';

export function startEmulatorServer() {
  const emulator = createEmulatorApp();
  const server = setupServer(...createEmulatorHandlers({ baseUrl: API_URI, emulator }));
  const fetchToken = async (): Promise<string> => {
    const response = await fetch(`${API_URI}/_emulator/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    const { token } = (await response.json()) as { token: string };
    return token;
  };
  const requests = (method: string, path: string) =>
    emulator.store.requests.filter((entry) => entry.method === method && entry.path === path).length;
  return { emulator, server, fetchToken, requests };
}

/**
 * The emulator server with the lifecycle every kit test file needs: MSW listening (unhandled
 * requests fail), a fresh store and no faults before each test, and after each test the React
 * tree unmounted before the shared kits are reset (a still-mounted component would refetch into
 * the kit being reset), MSW overrides dropped and mocks restored.
 */
export function startKitTestEnvironment() {
  const environment = startEmulatorServer();
  const { emulator, server } = environment;
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    emulator.store.reset();
    emulator.faults.clear();
  });
  afterEach(() => {
    cleanup();
    resetSharedKits();
    server.resetHandlers();
    vi.restoreAllMocks();
  });
  return environment;
}
