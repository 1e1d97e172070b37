import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const cli = join(process.cwd(), 'src/emulator/cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'membrane-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI until `until` matches its output (then stops it) or it exits. */
function run(args: string[], until?: RegExp): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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

describe('membrane-emulator CLI', () => {
  it('--help prints usage', async () => {
    const { output, code } = await run(['--help']);
    expect(code).toBe(0);
    expect(output).toContain('Usage: membrane-emulator [options]');
    expect(output).toContain('--port');
  });

  it('refuses unknown options and bad ports with exit code 2', async () => {
    expect((await run(['--nope'])).code).toBe(2);
    const bad = await run(['--port', 'abc']);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('--port must be an integer');
  });

  it('starts, prints URLs and the dev-only key, and answers the API', async () => {
    const state = join(dir, 'state.json');
    const child = spawn(tsx, [cli, '--port', '0', '--persist', state], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1] && output.includes('state')) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`exited early:\n${output}`)));
    });
    try {
      expect(output).toContain('DEV ONLY');
      expect(output).toContain(`uiUri      ${url}/ui`);
      const { token } = (await (await fetch(`${url}/_emulator/token`, { method: 'POST' })).json()) as { token: string };
      const response = await fetch(`${url}/connections/hubspot`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
    } finally {
      await new Promise((resolve) => {
        child.on('exit', resolve);
        child.kill('SIGTERM');
      });
    }
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { connections: Array<{ name: string; archivedAt?: string }> };
    expect(saved.connections.find((connection) => connection.name === 'HubSpot')?.archivedAt).toEqual(expect.any(String));
  }, 30_000);
});
