import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { IntegrationAppClient } from '@integration-app/sdk';
import { MembraneClient } from '@membranehq/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toKitError } from '../../src/core/errors/toKitError.ts';
import type { KitError } from '../../src/core/errors/KitError.ts';
import { TokenError } from '../../src/core/token/TokenError.ts';
import { startEmulator, type RunningEmulator } from '../../src/emulator/startEmulator.ts';
import { createMembraneToken } from '../../src/server/createMembraneToken.ts';
import { EMULATOR_WORKSPACE_KEY, EMULATOR_WORKSPACE_SECRET } from '../../src/emulator/constants.ts';

// Issue 11 item 11: what console.error prints in Node must never carry the token or a secret.
const SDKS = [
  ['@integration-app/sdk', IntegrationAppClient],
  ['@membranehq/sdk', MembraneClient],
] as const;

let emulator: RunningEmulator;
let closedPort: number;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator({});
  token = await createMembraneToken(
    { workspaceKey: EMULATOR_WORKSPACE_KEY, workspaceSecret: EMULATOR_WORKSPACE_SECRET },
    { customer: { id: 'customer-1', name: 'Ada' } },
  );
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closedPort = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
});

afterAll(async () => {
  await emulator.close();
});

async function failureOf(request: () => Promise<unknown>): Promise<unknown> {
  try {
    await request();
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

function expectNoSecrets(error: KitError): void {
  const printed = inspect(error, { depth: 10 });
  expect(printed).not.toContain('eyJ');
  expect(printed).not.toContain(token.split('.')[2]!);
  expect(printed).not.toContain(EMULATOR_WORKSPACE_SECRET);
  expect(printed).not.toMatch(/Bearer\s+(?!\[redacted)/);
}

describe('toKitError with real SDK errors', () => {
  for (const [name, Client] of SDKS) {
    it(`${name}: a closed port is network, and util.inspect shows no token`, async () => {
      const client = new Client({ apiUri: `http://127.0.0.1:${closedPort}`, token });
      const raw = await failureOf(() => client.get('/integrations'));
      // The precondition of the issue: the SDK's own error carries the bearer header.
      expect(inspect(raw, { depth: 10 })).toContain(token);
      const error = toKitError(raw);
      expect(error.code).toBe('network');
      expect(error.retryable).toBe(true);
      expectNoSecrets(error);
      // The cause still says what happened.
      expect(error.cause).toMatchObject({ code: 'ECONNREFUSED' });
    });

    it(`${name}: a 401 from the emulator is auth, and util.inspect shows no token`, async () => {
      const bad = `${token.slice(0, -4)}AAAA`;
      const client = new Client({ apiUri: emulator.url, token: bad });
      const error = toKitError(await failureOf(() => client.get('/integrations')));
      expect(error.code).toBe('auth');
      expectNoSecrets(error);
      expect(inspect(error, { depth: 10 })).not.toContain(bad.split('.')[2]!);
    });
  }

  it("Node's fetch against a closed port is network", async () => {
    const error = toKitError(await failureOf(() => fetch(`http://127.0.0.1:${closedPort}/x`, { headers: { authorization: `Bearer ${token}` } })));
    expect(error.code).toBe('network');
    expectNoSecrets(error);
  });

  it('a TokenError whose cause holds an axios error with the bearer header is printed without it', async () => {
    const client = new MembraneClient({ apiUri: `http://127.0.0.1:${closedPort}`, token });
    const raw = await failureOf(() => client.get('/integrations'));
    const tokenError = new TokenError('fetch_failed', 'fetchToken failed', { cause: raw });
    expect(inspect(tokenError, { depth: 10 })).not.toContain('eyJ');
    const error = toKitError(tokenError);
    expect(error.code).toBe('auth');
    expectNoSecrets(error);
  });

  it('a 401 "unauthorized" TokenError from the API maps to auth with status 401', () => {
    const error = toKitError(new TokenError('unauthorized', 'The Membrane API refused GET /self twice.'));
    expect(error).toMatchObject({ code: 'auth', status: 401 });
  });
});
