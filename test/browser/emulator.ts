/**
 * Helpers for browser tests that talk to the shared emulator started by globalSetup.ts.
 * They run in the test page and reach the emulator over HTTP (CORS is open).
 */
import { inject } from 'vitest';
import type { FaultSettings } from '../../src/emulator/createFaultController.ts';
import type { EmulatorRequestLogEntry } from '../../src/emulator/types.ts';
import type { ProvidedEmulator } from './globalSetup.ts';

/** URLs of the shared emulator: `{ url, apiUri, uiUri, tokenUrl, workspaceKey }`. */
export function emulator(): ProvidedEmulator {
  return inject('emulator');
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator().url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path} failed with ${response.status}: ${JSON.stringify(data)}`);
  return data;
}

/** A real signed token from `POST /_emulator/token` (default customer: `demo-customer`, "Acme Inc."). */
export async function getToken(customerId?: string, name?: string, options: { expiresIn?: number; fields?: Record<string, unknown> } = {}): Promise<string> {
  const { token } = await call<{ token: string }>('POST', '/_emulator/token', {
    ...(customerId === undefined ? {} : { customerId }),
    ...(name === undefined ? {} : { name }),
    ...options,
  });
  return token;
}

/** Merges fault settings (e.g. `{ consent: 'allow' }`, `{ errors: [{ status: 500, times: 1 }] }`). */
export function setFaults(settings: Partial<FaultSettings>): Promise<FaultSettings> {
  return call('POST', '/_emulator/faults', settings);
}

/** Back to the seed: customers, connections, request log and faults. */
export async function resetEmulator(): Promise<void> {
  await call('POST', '/_emulator/reset');
}

/** Every request the emulator served since the last reset, oldest first. */
export function requestLog(): Promise<EmulatorRequestLogEntry[]> {
  return call('GET', '/_emulator/requests');
}
