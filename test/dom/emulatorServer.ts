/** jsdom tests: the emulator's MSW handlers behind a fixed fake origin, one app per file. */
import { setupServer } from 'msw/node';
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
