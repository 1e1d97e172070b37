import { IntegrationAppClient } from '@integration-app/sdk';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { EMULATOR_WORKSPACE_KEY, EMULATOR_WORKSPACE_SECRET } from '../../src/emulator/constants.ts';
import { startEmulator } from '../../src/emulator/startEmulator.ts';
import type { RunningEmulator, StartEmulatorOptions } from '../../src/emulator/startEmulator.ts';

/** Starts one emulator for the file, resets it before each test and closes it after. */
export function useEmulator(options: StartEmulatorOptions = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...options });
  });
  beforeEach(() => {
    emulator?.store.reset();
    emulator?.faults.clear();
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error('The emulator is not started yet.');
    return emulator;
  };
}

/** A token from the emulator's own token endpoint. */
export async function fetchToken(emulator: RunningEmulator, body: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(emulator.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** An HS256 token signed here with jose, claims overridable (for refusal tests). */
export function signToken(
  claims: Record<string, unknown> = { id: 'demo-customer' },
  { secret = EMULATOR_WORKSPACE_SECRET, issuer = EMULATOR_WORKSPACE_KEY, expiresIn = '1h' as string | null, alg = 'HS256' } = {},
): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).setIssuedAt();
  if (issuer) jwt = jwt.setIssuer(issuer);
  if (expiresIn !== null) jwt = jwt.setExpirationTime(expiresIn);
  return jwt.sign(new TextEncoder().encode(secret));
}

/** The official SDK client pointed at the emulator. */
export function sdkClient(emulator: RunningEmulator, token: string): IntegrationAppClient {
  return new IntegrationAppClient({ apiUri: emulator.apiUri, uiUri: emulator.uiUri, token });
}

/** Runs a promise that must reject and answers the rejection. */
export async function rejection(promise: Promise<unknown>): Promise<{ data?: { type?: string; key?: string; message?: string }; message?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { data?: { type?: string; key?: string; message?: string } };
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}
