#!/usr/bin/env node
// Screenshots of stories in headless Chromium, to look at them (design review) without a display.
//
//   node scripts/screenshot-stories.mjs                       starts Storybook (dev) on a free port
//   node scripts/screenshot-stories.mjs --url http://localhost:6006   uses a running Storybook
//   node scripts/screenshot-stories.mjs --static storybook-static     serves a static build
//   ... --out /tmp/screens  --only playground
//
// Writes <out>/<story-id>--<theme>[--<brand>].png.
import { spawn } from 'node:child_process';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from './findChromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    static: { type: 'string' },
    out: { type: 'string', default: '/tmp/screens' },
    only: { type: 'string' },
  },
});

/** What to look at: the Playground in both themes and brands, and a few component states. */
const shots = [
  { id: 'playground--settings-page', theme: 'light', width: 1280, height: 900 },
  { id: 'playground--settings-page', theme: 'dark', width: 1280, height: 900 },
  { id: 'playground--settings-page', theme: 'light', brand: 'sunrise', width: 1280, height: 900 },
  { id: 'playground--settings-page', theme: 'dark', brand: 'ledger', width: 1280, height: 900 },
  { id: 'playground--settings-page', theme: 'light', width: 390, height: 844 },
  { id: 'components-integrationslist--default', theme: 'light' },
  { id: 'components-integrationslist--dark', theme: 'dark' },
  { id: 'components-integrationslist--loading', theme: 'light' },
  // Its 500s are the point of the story (an emulator fault): not counted as problems.
  { id: 'components-integrationslist--error-with-retry', theme: 'light', expectHttpErrors: true },
  { id: 'components-integrationslist--long-names-and-missing-logos', theme: 'light' },
  { id: 'components-integrationslist--right-to-left', theme: 'light' },
  { id: 'components-connectionstatus--all-states', theme: 'light' },
  { id: 'components-connectionstatus--all-states', theme: 'dark' },
  { id: 'components-connectbutton--states', theme: 'light' },
];

const executablePath = requireChromium();

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

/** A tiny static server on 127.0.0.1 for a `storybook build` output. */
async function serveStatic(dir) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

async function freePort() {
  const server = createNetServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startStorybook() {
  const port = await freePort();
  const child = spawn(join(root, 'node_modules/.bin/storybook'), ['dev', '--port', String(port), '--host', '127.0.0.1', '--exact-port', '--no-open', '--ci', '--quiet', '--disable-telemetry'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`storybook dev exited with ${child.exitCode}`);
    const ready = await fetch(`${url}index.json`).then((response) => response.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { url, close: () => child.kill('SIGTERM') };
}

const target = values.url
  ? { url: values.url.endsWith('/') ? values.url : `${values.url}/`, close() {} }
  : values.static
    ? await serveStatic(values.static)
    : await startStorybook();

await mkdir(values.out, { recursive: true });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
let failures = 0;
try {
  for (const shot of shots.filter((entry) => !values.only || entry.id.includes(values.only))) {
    const page = await browser.newPage({ viewport: { width: shot.width ?? 900, height: shot.height ?? 640 } });
    const problems = [];
    page.on('console', (message) => {
      if (message.type() !== 'error' && message.type() !== 'warning') return;
      // The browser's own "Failed to load resource" line has no URL: the response handler names it.
      if (message.text().startsWith('Failed to load resource')) return;
      problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !shot.expectHttpErrors) problems.push(`HTTP ${response.status()} ${response.url()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    const globals = [`theme:${shot.theme}`, ...(shot.brand ? [`brand:${shot.brand}`] : [])].join(';');
    await page.goto(`${target.url}iframe.html?id=${shot.id}&viewMode=story&globals=${globals}`, { waitUntil: 'load' });
    await page.waitForSelector('#storybook-root > *', { timeout: 30_000 }).catch(() => problems.push('nothing rendered'));
    // Let data load and entrance animations settle.
    await page.waitForLoadState('networkidle').catch(() => {});
    await page.waitForTimeout(1200);
    const name = [shot.id, shot.theme, shot.brand, shot.width && shot.width < 600 ? 'mobile' : undefined].filter(Boolean).join('--');
    const file = join(values.out, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`${problems.length ? '✗' : '✓'} ${file}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
    failures += problems.length ? 1 : 0;
    await page.close();
  }
} finally {
  await browser.close();
  target.close();
}
process.exitCode = failures ? 1 : 0;
