#!/usr/bin/env node
// `npm start`: Storybook on the local Membrane emulator (mounted on the dev server by its Vite
// plugin). No account, no network. Prints the URL once the stories are ready.
//
//   npm start                 first free port from 6006
//   npm start -- --port 7000  a given port (fails if taken)
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const host = '127.0.0.1';
const emulatorPath = '/__membrane';

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log('Usage: npm start [-- --port <port>]\nStarts Storybook with the local Membrane emulator and prints its URL.');
  process.exit(0);
}

function isFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

async function pickPort() {
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`--port must be a port number between 1 and 65535, got "${values.port}".`);
    }
    if (!(await isFree(port))) throw new Error(`Port ${port} is already in use: pick another with --port, or leave it out.`);
    return port;
  }
  for (let port = 6006; port < 6106; port += 1) if (await isFree(port)) return port;
  throw new Error('No free port between 6006 and 6105: pass one with --port.');
}

async function workspaceKey() {
  try {
    const source = await readFile(join(root, 'src/emulator/constants.ts'), 'utf8');
    return /EMULATOR_WORKSPACE_KEY = '([^']+)'/.exec(source)?.[1];
  } catch {
    return undefined;
  }
}

async function waitUntilReady(url, child) {
  for (;;) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(`${url}index.json`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let port;
try {
  port = await pickPort();
} catch (error) {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
}

const storybookBin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'storybook.cmd' : 'storybook');
const child = spawn(
  storybookBin,
  ['dev', '--port', String(port), '--host', host, '--exact-port', '--no-open', '--ci', '--quiet', '--no-version-updates', '--disable-telemetry'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } },
);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

const url = `http://localhost:${port}/`;
if (await waitUntilReady(`http://${host}:${port}/`, child)) {
  const key = await workspaceKey();
  console.log(
    [
      '',
      `  Storybook with the local Membrane emulator: ${url}`,
      `  Emulator API: ${url.slice(0, -1)}${emulatorPath}  (token endpoint: ${emulatorPath}/_emulator/token)`,
      `  Dev-only workspace${key ? ` "${key}"` : ''}: its key and secret are public. Never use them for a real Membrane workspace.`,
      '  Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}
