import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';
import { expect } from 'vitest';
import { MembraneTokenError } from '../MembraneTokenError.js';
import type { MembraneTokenErrorCode } from '../MembraneTokenError.js';
import type { AsymmetricAlgorithm } from '../types.js';

export const WORKSPACE_KEY = 'f88f52bc-57a9-47e3-93b3-843fa0dd5708';
export const WORKSPACE_SECRET = '2246bd2dcd556be028b6b336bee3adf9851a6f548717a0cd25904fb781f32f66';
export const secretCredentials = { workspaceKey: WORKSPACE_KEY, workspaceSecret: WORKSPACE_SECRET };
export const secretBytes = new TextEncoder().encode(WORKSPACE_SECRET);

export interface TestKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  pem: string;
  publicPem: string;
}

const pairs = new Map<AsymmetricAlgorithm, Promise<TestKeyPair>>();

/** One extractable key pair per algorithm, generated once per test file. */
export function keyPair(algorithm: AsymmetricAlgorithm): Promise<TestKeyPair> {
  let pair = pairs.get(algorithm);
  if (!pair) {
    pair = generateKeyPair(algorithm, { extractable: true }).then(async ({ privateKey, publicKey }) => ({
      privateKey,
      publicKey,
      pem: await exportPKCS8(privateKey),
      publicPem: await exportSPKI(publicKey),
    }));
    pairs.set(algorithm, pair);
  }
  return pair;
}

/** The base64 body of a PEM, to assert that no error message leaks key material. */
export function pemBody(pem: string): string {
  return pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
}

/**
 * Awaits a refusal and checks its type, code, that the message names the problem, and that no
 * secret appears in it.
 */
export async function expectRefusal(
  action: Promise<unknown> | (() => unknown),
  code: MembraneTokenErrorCode,
  namesTheProblem: RegExp,
  secrets: readonly string[] = [WORKSPACE_SECRET],
): Promise<MembraneTokenError> {
  let caught: unknown;
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(MembraneTokenError);
  const error = caught as MembraneTokenError;
  expect(error.name).toBe('MembraneTokenError');
  expect(error.code).toBe(code);
  expect(error.message).toMatch(namesTheProblem);
  for (const secret of secrets) {
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain(secret.slice(0, 16));
  }
  return error;
}

/** Makes the global scope look like a browser page for the duration of `run`. */
export async function inFakeBrowser<T>(run: () => Promise<T> | T): Promise<T> {
  const scope = globalThis as { window?: unknown; document?: unknown };
  const hadWindow = 'window' in scope;
  const hadDocument = 'document' in scope;
  const { window, document } = scope;
  scope.window = globalThis;
  scope.document = {};
  try {
    return await run();
  } finally {
    if (hadWindow) scope.window = window;
    else delete scope.window;
    if (hadDocument) scope.document = document;
    else delete scope.document;
  }
}
