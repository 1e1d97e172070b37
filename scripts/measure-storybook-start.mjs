#!/usr/bin/env node
// How long `npm start` takes until a developer sees a story: launch → URL printed → first story
// rendered in headless Chromium (its iframe, `[data-slot]` content inside #storybook-root) → its
// data loaded (`[data-slot="integrations-list-item"]`, when the story has a list). Each run also
// prints the load average when it started, the CPU seconds the `npm start` process tree used until
// the story rendered (Linux), and how many requests and bytes the page loaded by then.
//
//   node scripts/measure-storybook-start.mjs                one warm run (caches as they are)
//   node scripts/measure-storybook-start.mjs --cold         deletes Storybook's dev caches first
//   node scripts/measure-storybook-start.mjs --runs 3 --cold --warm   3 cold runs, then 3 warm ones
//   ... --story components-integrationslist--default   another story (default: the first in the sidebar)
//   ... --manager            through the Storybook UI (`/?path=/story/<id>`), as a developer opens it,
//                            instead of the preview iframe alone
//   ... --json                                               one JSON line per run as well
//
// Everything listens on 127.0.0.1 (`npm start` passes --host 127.0.0.1); the script stops what it
// started (the `npm start` process group and Chromium) when it is done, fails or is interrupted.
// Chromium is launched before the clock starts: the figure is "URL printed, browser already open".
import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from './findChromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const host = '127.0.0.1';
const { values } = parseArgs({
  options: {
    cold: { type: 'boolean', default: false },
    warm: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    story: { type: 'string', default: 'playground--settings-page' },
    timeout: { type: 'string', default: '120' },
    json: { type: 'boolean', default: false },
    manager: { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('Usage: node scripts/measure-storybook-start.mjs [--cold] [--warm] [--runs N] [--story <id>] [--manager] [--json] [--verbose]');
  process.exit(0);
}
const runs = Math.max(1, Number(values.runs) || 1);
const timeoutMs = Number(values.timeout) * 1000;
const kinds = values.cold && values.warm ? ['cold', 'warm'] : [values.cold ? 'cold' : 'warm'];

/**
 * Storybook's dev caches: the Vite dep optimizer (`sb-vite`, keyed by the config directory) and
 * the dev server's own caches, all under node_modules/.cache/storybook/<version>/. The Vitest
 * project's caches (`sb-vitest`, node_modules/.vite/vitest) are left alone: another run may be using them.
 */
async function coldCaches() {
  const base = join(root, 'node_modules', '.cache', 'storybook');
  const removed = [];
  const versions = await readdir(base).catch(() => []);
  for (const version of versions) {
    for (const key of await readdir(join(base, version)).catch(() => [])) {
      for (const name of ['sb-vite', 'sb-manager', 'public', 'dev-server', 'index-baseline']) {
        const dir = join(base, version, key, name);
        if ((await readdir(dir).catch(() => null)) !== null) {
          await rm(dir, { recursive: true, force: true });
          removed.push(dir.slice(root.length + 1));
        }
      }
    }
  }
  // Vite's default cache dir, in case a config ever drops Storybook's cacheDir.
  for (const dir of ['node_modules/.vite/deps', 'node_modules/.vite/deps_temp']) {
    await rm(join(root, dir), { recursive: true, force: true });
  }
  return removed;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * CPU seconds (user + system, including exited children) of the processes in one process group:
 * what `npm start` cost, whatever else the machine was running. Linux only (/proc); undefined elsewhere.
 */
async function groupCpuSeconds(pgid) {
  const pids = await readdir('/proc').catch(() => null);
  if (!pids) return undefined;
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux distribution
  let ticks = 0;
  for (const pid of pids) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Fields after "(comm)": state ppid pgrp ... utime(14) stime(15) cutime(16) cstime(17), 1-based in proc(5).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return ticks / ticksPerSecond;
}

const executablePath = requireChromium();
let browser;
let child;

function stopChild() {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM'); // the whole group: npm start and the Storybook it spawned
  } catch {
    // already gone
  }
  const force = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  return exited.finally(() => clearTimeout(force));
}

async function cleanup() {
  await Promise.allSettled([browser?.close(), stopChild()]);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

const seconds = (ms) => (ms === undefined ? '   –  ' : `${(ms / 1000).toFixed(2).padStart(6)} s`);

async function measure(kind) {
  const removed = kind === 'cold' ? await coldCaches() : [];
  if (values.verbose && removed.length) console.log(`  removed ${removed.join(', ')}`);
  const port = await freePort();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const load = loadavg()[0];
  const log = [];
  let requests = 0;
  let bytes = 0;
  page.on('requestfinished', (request) => {
    requests += 1;
    void request.sizes().then(
      (sizes) => (bytes += sizes.responseBodySize),
      () => {},
    );
  });
  let reloads = -1; // the first load is not a reload (same-document URL updates are not loads)
  page.on('load', () => {
    reloads += 1;
  });
  const consoleErrors = [];
  page.on('console', (message) => {
    // A missing favicon is the browser's own request, not the story's.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) consoleErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) consoleErrors.push(`${response.status()} ${response.url()}`);
  });

  const started = performance.now();
  child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), '--port', String(port)], {
    cwd: root,
    detached: true, // its own process group, so that stopping it stops Storybook too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const times = {};
  const printed = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      const text = chunk.toString();
      for (const line of text.split('\n')) if (line.trim()) log.push(`${seconds(performance.now() - started)}  ${line}`);
      if (values.verbose) process.stdout.write(text);
      if (times.url === undefined && /Storybook with the local Membrane emulator: http/.test(text)) {
        times.url = performance.now() - started;
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before printing its URL.\n${log.join('\n')}`)));
  });
  const timeout = (what) =>
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${values.timeout} s.\n${log.join('\n')}`)), timeoutMs).unref());

  try {
    await Promise.race([printed, timeout('URL')]);
    const storyUrl = values.manager
      ? `http://${host}:${port}/?path=/story/${encodeURIComponent(values.story)}`
      : `http://${host}:${port}/iframe.html?id=${encodeURIComponent(values.story)}&viewMode=story`;
    await page.goto(storyUrl, { waitUntil: 'commit', timeout: timeoutMs });
    // Through the UI, the story renders in the preview iframe the manager creates.
    const preview = values.manager ? page.frameLocator('#storybook-preview-iframe') : page;
    if (values.manager) {
      await page.locator('#storybook-preview-iframe').waitFor({ state: 'attached', timeout: timeoutMs });
      times.ui = performance.now() - started;
    }
    await preview.locator('#storybook-root [data-slot]').first().waitFor({ state: 'attached', timeout: timeoutMs });
    times.story = performance.now() - started;
    times.cpu = await groupCpuSeconds(child.pid);
    times.requests = requests;
    times.megabytes = bytes / 1e6;
    // The list mounts a moment after the story's first kit element; on a loaded machine that moment
    // was over a second, and the data time went missing.
    const hasList = await preview
      .locator('#storybook-root [data-slot="integrations-list"]')
      .first()
      .waitFor({ state: 'attached', timeout: 10_000 })
      .then(() => true, () => false);
    if (hasList) {
      await preview.locator('#storybook-root [data-slot="integrations-list-item"]').first().waitFor({ state: 'attached', timeout: timeoutMs });
      times.data = performance.now() - started;
    }
  } finally {
    await page.close().catch(() => {});
    await stopChild();
  }
  const optimizerLines = log.filter((line) => /optimiz|reload/i.test(line));
  return { kind, port, load, ...times, reloads: Math.max(0, reloads), consoleErrors, optimizerLines };
}

try {
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const results = [];
  for (const kind of kinds) {
    for (let run = 1; run <= runs; run += 1) {
      const result = await measure(kind);
      results.push(result);
      console.log(
        `${kind} #${run} (load ${result.load.toFixed(1)}): URL printed ${seconds(result.url)}` +
          `${values.manager ? ` · UI ${seconds(result.ui)}` : ''} · first story rendered ${seconds(result.story)} · its data ${seconds(result.data)}` +
          ` · npm start CPU ${result.cpu === undefined ? '–' : `${result.cpu.toFixed(1)} s`}` +
          ` · ${result.requests} requests, ${result.megabytes.toFixed(1)} MB` +
          ` · page reloads ${result.reloads}${result.consoleErrors.length ? ` · console errors ${result.consoleErrors.length}` : ''}`,
      );
      for (const line of result.optimizerLines) console.log(`    ${line}`);
      if (values.verbose) for (const error of result.consoleErrors) console.log(`    console.error: ${error}`);
      if (values.json) console.log(JSON.stringify(result));
    }
  }
  if (runs > 1) {
    for (const kind of kinds) {
      const of = results.filter((result) => result.kind === kind);
      // Median (lower middle for an even count) and the range: on a shared machine the spread says
      // as much as the median.
      const summary = (key, format = seconds) => {
        const sorted = of.map((result) => result[key]).filter((value) => value !== undefined).sort((a, b) => a - b);
        if (!sorted.length) return '–';
        const median = sorted[Math.floor((sorted.length - 1) / 2)];
        return `${format(median).trim()} (${format(sorted[0]).trim()}–${format(sorted[sorted.length - 1]).trim()})`;
      };
      const cpuSeconds = (value) => `${value.toFixed(1)} s`;
      const loads = of.map((result) => result.load.toFixed(1)).join(', ');
      console.log(
        `${kind} median (range) of ${of.length}, load ${loads}: URL ${summary('url')} · first story ${summary('story')}` +
          ` · data ${summary('data')} · npm start CPU ${summary('cpu', cpuSeconds)}`,
      );
    }
  }
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await cleanup();
}
