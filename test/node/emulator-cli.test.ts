import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { EMULATOR_WORKSPACE_KEY } from '../../src/emulator/constants.ts';
import { parseCliOptions } from '../../src/emulator/parseCliOptions.ts';
import { readSeedFile } from '../../src/emulator/readSeedFile.ts';
import { createDefaultSeed } from '../../src/emulator/seed/createDefaultSeed.ts';
import type { EmulatorSeed } from '../../src/emulator/types.ts';
import { createMembraneToken } from '../../src/server/createMembraneToken.ts';

const cli = join(process.cwd(), 'src/emulator/cli.ts');
// tsx as a loader rather than its CLI: the tsx CLI relays signals and SIGKILLs a child that does not
// acknowledge one within 30 ms, which a busy machine misses; the shipped bin is plain `node` too.
const node = [process.execPath, '--import', 'tsx', cli] as const;
const dir = mkdtempSync(join(tmpdir(), 'membrane-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI until `until` matches its output (then stops it) or it exits. */
function run(args: string[], until?: RegExp): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node[0], [...node.slice(1), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (until?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ output, code }));
  });
}

/** A running CLI on a free port: its URL, everything it printed so far, and a way to stop it. */
interface RunningCli {
  url: string;
  output: () => string;
  /** Sends the signal and resolves with the exit code once the process has ended. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

function start(args: string[]): Promise<RunningCli> {
  const child: ChildProcess = spawn(node[0], [...node.slice(1), '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', () => {
      // The banner is printed in one write; "state" is its last line.
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] && /^ {2}state /m.test(output)) {
        resolve({
          url: match[1],
          output: () => output,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`The CLI exited early with code ${code}:\n${output}`)));
  });
}

const writeJson = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

const tokenFrom = async (url: string): Promise<string> =>
  ((await (await fetch(`${url}/_emulator/token`, { method: 'POST' })).json()) as { token: string }).token;

/** A valid seed with one app and no connections. */
function smallSeed(): EmulatorSeed {
  const seed = createDefaultSeed();
  const zendesk = seed.integrations.find((integration) => integration.key === 'zendesk');
  if (!zendesk) throw new Error('The default seed has no zendesk app.');
  return { ...seed, integrations: [zendesk], connections: [] };
}

// Each case spawns Node with the TypeScript loader, which takes seconds on a busy machine.
describe('membrane-emulator CLI', { timeout: 30_000 }, () => {
  it('--help prints usage with every option', async () => {
    const { output, code } = await run(['--help']);
    expect(code).toBe(0);
    expect(output).toContain('Usage: membrane-emulator [options]');
    for (const option of ['--port', '--host', '--workspace-key', '--workspace-secret', '--public-key', '--seed', '--latency', '--persist']) {
      expect(output).toContain(option);
    }
  });

  it('refuses unknown options, bad ports and bad latencies with exit code 2', async () => {
    expect((await run(['--nope'])).code).toBe(2);
    const bad = await run(['--port', 'abc']);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('--port must be an integer');
    const slow = await run(['--latency', '1.5']);
    expect(slow.code).toBe(2);
    expect(slow.output).toContain('--latency must be an integer from 0 to 60000, got "1.5"');
  });

  it('starts, prints URLs and the dev-only key, answers the API, and persists before saying it stopped', async () => {
    const state = join(dir, 'state.json');
    const emulator = await start(['--persist', state]);
    try {
      expect(emulator.output()).toContain('DEV ONLY');
      expect(emulator.output()).toContain(`uiUri      ${emulator.url}/ui`);
      const token = await tokenFrom(emulator.url);
      const response = await fetch(`${emulator.url}/connections/hubspot`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
    } finally {
      expect(await emulator.stop('SIGINT')).toBe(0);
    }
    expect(emulator.output().trimEnd().split('\n').at(-1)).toBe('Membrane emulator stopped.');
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { connections: Array<{ name: string; archivedAt?: string }> };
    expect(saved.connections.find((connection) => connection.name === 'HubSpot')?.archivedAt).toEqual(expect.any(String));
  });

  it('--seed, --public-key and --latency: serves the seed, verifies RS256 tokens, delays answers', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const keyFile = writeJson('public.pem', await exportSPKI(publicKey));
    const seedFile = writeJson('seed.json', smallSeed());
    const emulator = await start(['--seed', seedFile, '--public-key', keyFile, '--latency', '150']);
    try {
      expect(emulator.output()).toContain(`public key ${keyFile} (verifies RS256/384/512, PS256/384/512 tokens)`);
      expect(emulator.output()).toContain(`seed       ${seedFile} (1 app, 1 customer, 0 connections)`);
      expect(emulator.output()).toContain('latency    150 ms');
      expect(emulator.output()).not.toContain('BEGIN PUBLIC KEY');

      const rsaToken = await createMembraneToken(
        { workspaceKey: EMULATOR_WORKSPACE_KEY, privateKey: await exportPKCS8(privateKey) },
        { customer: { id: 'rsa-customer', name: 'RSA Ltd' }, algorithm: 'RS256' },
      );
      const started = performance.now();
      const response = await fetch(`${emulator.url}/integrations`, { headers: { authorization: `Bearer ${rsaToken}` } });
      const elapsed = performance.now() - started;
      expect(response.status).toBe(200);
      const { items } = (await response.json()) as { items: Array<{ key: string; connection?: unknown }> };
      expect(items.map((item) => item.key)).toEqual(['zendesk']);
      expect(elapsed).toBeGreaterThanOrEqual(140);

      const self = await fetch(`${emulator.url}/self`, { headers: { authorization: `Bearer ${rsaToken}` } });
      expect(await self.json()).toMatchObject({ internalId: 'rsa-customer', name: 'RSA Ltd' });
    } finally {
      expect(await emulator.stop()).toBe(0);
    }
    expect(emulator.output()).toContain('Membrane emulator stopped.');
  });

  it('without --public-key, RS256 tokens are refused', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const emulator = await start([]);
    try {
      const token = await createMembraneToken({ workspaceKey: EMULATOR_WORKSPACE_KEY, privateKey }, { customer: { id: 'x' }, algorithm: 'RS256' });
      const response = await fetch(`${emulator.url}/self`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(401);
    } finally {
      await emulator.stop();
    }
  });

  const badSeeds = [
    ['a missing file', () => join(dir, 'missing-seed.json'), /Cannot read the seed file .*missing-seed\.json: no such file\./],
    ['invalid JSON', () => writeJson('broken.json', '{ "integrations": ['), /The seed file .*broken\.json is not valid JSON/],
    ['an array', () => writeJson('array.json', []), /array\.json is not an emulator seed: The seed must be an object, got an array\./],
    [
      'an app without a key',
      () => writeJson('no-key.json', { ...smallSeed(), integrations: [{ ...smallSeed().integrations[0], key: '' }] }),
      /no-key\.json is not an emulator seed: integrations\[0\]\.key must be a non-empty string, got string ""\./,
    ],
    [
      'an unknown auth type',
      () =>
        writeJson('auth-type.json', {
          ...smallSeed(),
          integrations: [{ ...smallSeed().integrations[0], authOptions: [{ key: 'magic', type: 'magic-link' }] }],
        }),
      /integrations\[0\]\.authOptions\[0\]\.type must be one of oauth2, oauth1, client-credentials, integration-app-token, proxy, got string "magic-link"\./,
    ],
    [
      'a connection to an unknown app',
      () =>
        writeJson('dangling.json', {
          ...createDefaultSeed(),
          connections: [{ ...createDefaultSeed().connections[0], integrationId: 'nope' }],
        }),
      /connections\[0\]\.integrationId "nope" is not the id of an app in "integrations"\./,
    ],
    ['no defaultCustomer', () => writeJson('no-default.json', { ...smallSeed(), defaultCustomer: undefined }), /defaultCustomer must be an object, got nothing\./],
  ] as const satisfies ReadonlyArray<readonly [string, () => string, RegExp]>;

  it.each(badSeeds.filter(([name]) => name === 'invalid JSON' || name === 'a connection to an unknown app'))(
    'exits with an error for a seed file with %s, naming the file and the problem',
    async (_, file, message) => {
      const { output, code } = await run(['--port', '0', '--seed', file()], /listening on/);
      expect(code).toBe(1);
      expect(output).toMatch(message);
      expect(output).not.toContain('listening on');
    },
  );

  // The same check without spawning a process for every case.
  it.each(badSeeds)('readSeedFile refuses a seed file with %s', (_, file, message) => {
    expect(() => readSeedFile(file())).toThrow(message);
  });

  it('readSeedFile accepts the default seed written as JSON, and apps without a logo', () => {
    expect(readSeedFile(writeJson('default.json', createDefaultSeed()))).toEqual(createDefaultSeed());
    const noLogo = { ...smallSeed(), integrations: [{ ...smallSeed().integrations[0], logoUri: '' }] };
    expect(readSeedFile(writeJson('no-logo.json', noLogo)).integrations[0]?.logoUri).toBe('');
  });

  it('refuses a private key or a non-key as --public-key, without printing the key', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const pem = await exportPKCS8(privateKey);
    const privateFile = writeJson('private.pem', pem);
    const refusedPrivate = await run(['--port', '0', '--public-key', privateFile], /listening on/);
    expect(refusedPrivate.code).toBe(1);
    expect(refusedPrivate.output).toContain(`${privateFile} holds a private key. Pass the public key only`);
    expect(refusedPrivate.output).not.toContain(pem.split('\n')[1]);
    const junk = await run(['--port', '0', '--public-key', writeJson('junk.pem', 'hello')], /listening on/);
    expect(junk.code).toBe(1);
    expect(junk.output).toMatch(/junk\.pem is not a usable public key: expected a PEM "-----BEGIN PUBLIC KEY-----" block\./);
  });

  it('parseCliOptions turns a PKCS#1 RSA public key into SPKI and names the EC curve it verifies', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const rsaCommand = parseCliOptions(['--public-key', writeJson('rsa-pkcs1.pem', rsa)]);
    expect(rsaCommand.help).toBe(false);
    if (rsaCommand.help) return;
    expect(rsaCommand.options.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-521' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const ecCommand = parseCliOptions(['--public-key', writeJson('ec.pem', ec)]);
    expect(ecCommand.help ? [] : ecCommand.notes).toEqual([expect.stringContaining('(verifies ES512 tokens)')]);
    const secp256k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => parseCliOptions(['--public-key', writeJson('k1.pem', secp256k1)])).toThrow(/its curve secp256k1 is not one JWT uses/);
  });
});
