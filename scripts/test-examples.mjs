#!/usr/bin/env node
// Installs the packed kit into each app under examples/ as a user would, builds the app with its
// own toolchain, serves it next to a local emulator and drives it in real Chromium (issue 9).
//
//   node scripts/test-examples.mjs                 all examples (builds the kit first)
//   node scripts/test-examples.mjs --only next     examples whose folder name contains "next"
//   ... --skip-build    use the existing dist/ (fails when there is none)
//   ... --no-dev        skip the dev-server pass (React only warns in development builds)
//   ... --keep          keep the temp dir (tarball; installed apps with --fresh)
//   ... --fresh         install each example in a new temp dir instead of the reused one
//   ... --kit <dir>     build and pack the kit from another checkout (default: this repo)
//   ... --screenshots <dir>   where to save screenshots (default examples/.screenshots, git-ignored)
//
// Per example: copy to a temp dir, point `membrane-react-kit` at the packed tarball, `npm install`,
// build (`next build` / `tsc -b && vite build`), start the emulator (the repo's dist, 127.0.0.1,
// free port) and the built app (`next start` / `vite preview`, 127.0.0.1, free port), then in
// Chromium: the list loads with rows; Connect opens the consent popup, Allow, the row ends
// connected; a `ConnectButton mode="prebuilt"` opens Membrane's hosted UI from the emulator in an
// iframe and connects (which page and which overlay per example: `prebuilt` below; the Vite app's
// own @membranehq/sdk 0.28 opens `/screens/connect` on the API origin); Disconnect + confirm ends
// not connected; an example on one SDK generation has no other in its install or its built
// JavaScript (`bundle` below); no console
// errors or warnings, no page errors; layout facts at 1280 px (list width, button padding, row
// name alignment); screenshots at 1280 and 390 px in light and dark. Then the dev server
// (`next dev` / `vite`) is loaded once, to catch React's development-only warnings.
// Every server is stopped in `finally`; everything listens on 127.0.0.1 only.
//
// Speed: each example is installed in $TMPDIR/membrane-react-kit-examples/<name> (outside the repo:
// inside it, Next.js would take the repo's lockfile for the workspace root), reused across
// runs (its node_modules, lock and .next build cache stay; its own files are copied afresh), and
// the tarball is named by its content hash, so an unchanged kit reinstalls nothing. npm's own cache
// serves the packages (--prefer-offline). --fresh installs from scratch in a temp dir.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from './findChromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    only: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    'no-dev': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    kit: { type: 'string' },
    screenshots: { type: 'string', default: join(root, 'examples', '.screenshots') },
  },
});

const HOST = '127.0.0.1';
/** Layout facts the kit must keep under the host's CSS (design.md, "Living in a host page"). */
const MIN_LIST_WIDTH_RATIO = 0.6;

/** The examples, and how each one is built and served. */
const EXAMPLES = [
  {
    name: 'next-app-router',
    build: () => ({ args: ['run', 'build'], env: {} }),
    serve: (port) => ({ bin: 'next', args: ['start', '-H', HOST, '-p', String(port)] }),
    dev: (port) => ({ bin: 'next', args: ['dev', '-H', HOST, '-p', String(port)] }),
    // The page reads these on the server at request time; the route handler signs with the key/secret.
    runtimeEnv: (emulator) => ({
      MEMBRANE_API_URI: emulator.apiUri,
      MEMBRANE_UI_URI: emulator.uiUri,
      MEMBRANE_WORKSPACE_KEY: emulator.workspaceKey,
      MEMBRANE_WORKSPACE_SECRET: emulator.workspaceSecret,
    }),
    buildEnv: () => ({}),
    // A Server Component page passes no `sdk`: whichever hosted UI the kit opens without one.
    prebuilt: { paths: ['/embed/', '/screens/connect'], overlay: null },
    bundle: null,
  },
  {
    name: 'vite-react18',
    build: () => ({ args: ['run', 'build'], env: {} }),
    serve: (port) => ({ bin: 'vite', args: ['preview', '--host', HOST, '--port', String(port), '--strictPort'] }),
    dev: (port) => ({ bin: 'vite', args: ['--host', HOST, '--port', String(port), '--strictPort'] }),
    runtimeEnv: (emulator) => ({ VITE_MEMBRANE_API_URI: emulator.apiUri }),
    // Vite inlines VITE_* at build time, so the emulator runs before the build.
    buildEnv: (emulator) => ({ VITE_MEMBRANE_API_URI: emulator.apiUri }),
    // The app depends on @membranehq/sdk 0.28 only and passes sdk={() => import('@membranehq/sdk')}:
    // its SDK opens the 0.28 hosted screen in the SDK's own overlay iframe, on the API origin.
    prebuilt: { paths: ['/screens/connect'], overlay: 'iframe#__integration-app-popup' },
    bundle: { dir: 'dist', absent: '@integration-app/sdk', lazy: '@membranehq/sdk' },
  },
].filter((example) => !options.only || example.name.includes(options.only));

// ---------------------------------------------------------------------------------------------
// Small helpers: timing, processes, ports.

const started = performance.now();
const timings = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
async function step(label, fn) {
  const from = performance.now();
  process.stdout.write(`▶ ${label}\n`);
  try {
    return await fn();
  } finally {
    const ms = performance.now() - from;
    timings.push({ label, ms });
    process.stdout.write(`  ${label}: ${seconds(ms)}\n`);
  }
}

const children = new Set();
// Safety net: whatever happens, no server outlives this script (each child leads its own group).
process.on('exit', () => {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
/** Runs a command to completion; its output is kept and shown only when it fails. */
function run(command, args, { cwd, env = {} } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${command} ${args.join(' ')} failed in ${cwd} (${signal ?? `exit code ${code}`}):\n${output.slice(-6000)}`));
    });
  });
}

/** Starts a long-running server; resolves once `url` answers. */
async function startServer(command, args, { cwd, env = {}, url, timeoutMs = 120_000 }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = signal ?? `exit code ${code}`;
    children.delete(child);
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${command} ${args.join(' ')} stopped (${exited}):\n${output.slice(-4000)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (response.ok) return { child, output: () => output, stop: () => stopChild(child) };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stopChild(child);
  throw new Error(`${command} ${args.join(' ')} did not answer ${url} within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`);
}

/** Stops a child and everything it started (it leads its own process group). */
function stopChild(child) {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolvePromise();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolvePromise();
    }
  });
}

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Results

const results = []; // { example, check, ok, detail }
function record(example, check, ok, detail = '') {
  results.push({ example, check, ok, detail });
  process.stdout.write(`  ${ok ? '✓' : '✗'} ${check}${detail ? ` — ${detail}` : ''}\n`);
  return ok;
}

// ---------------------------------------------------------------------------------------------
// Browser checks

/**
 * Collects console errors/warnings and page errors from a context's pages (popups and iframes
 * included). Those whose page or source is the emulator (its consent popup, its prebuilt UI) are
 * kept apart: they are the emulator's, not the app's or the kit's.
 */
function watchConsole(context, emulatorUrl) {
  const problems = [];
  const emulatorProblems = [];
  const sort = (text, ...urls) => (urls.some((url) => url?.startsWith(emulatorUrl)) ? emulatorProblems : problems).push(text);
  const attach = (page) => {
    if (page.__watched) return;
    page.__watched = true;
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        const source = message.location().url;
        sort(`[${message.type()}] ${message.text()} (${source || page.url()})`, source, page.url());
      }
    });
    page.on('pageerror', (error) => sort(`[pageerror] ${error.message} (${page.url()})`, page.url()));
  };
  context.on('page', attach);
  return { problems, emulatorProblems, attach };
}

const row = (page, key) => page.locator(`[data-slot="integrations-list-item"][data-integration-key="${key}"]`);

async function waitForRowState(page, key, predicate, description, timeout = 20_000) {
  const locator = row(page, key);
  const deadline = Date.now() + timeout;
  let state = null;
  while (Date.now() < deadline) {
    state = await locator.getAttribute('data-state', { timeout: 2000 }).catch(() => null);
    if (state !== null && predicate(state)) return state;
    await page.waitForTimeout(100);
  }
  throw new Error(`row "${key}" did not become ${description} (last data-state: ${state})`);
}

/** Measures the layout facts the kit must keep under the host CSS. Run at 1280 px. */
function measureLayout(page) {
  return page.evaluate(() => {
    const list = document.querySelector('[data-slot="integrations-list"]');
    let container = list.parentElement;
    while (container && getComputedStyle(container).display === 'contents') container = container.parentElement;
    const containerStyle = getComputedStyle(container);
    const containerWidth = container.clientWidth - parseFloat(containerStyle.paddingLeft) - parseFloat(containerStyle.paddingRight);
    const listWidth = list.getBoundingClientRect().width;
    const buttons = [...document.querySelectorAll('[data-slot="integrations-list-item"] button, [data-slot="connect-button"]')].filter(
      (button) => button.getBoundingClientRect().width > 0,
    );
    const paddings = buttons.map((button) => {
      const style = getComputedStyle(button);
      return { text: button.textContent.trim(), left: parseFloat(style.paddingLeft), top: parseFloat(style.paddingTop), height: button.getBoundingClientRect().height };
    });
    const names = [...document.querySelectorAll('[data-slot="integrations-list-name"]')];
    const alignments = [...new Set(names.map((name) => getComputedStyle(name).textAlign))];
    const firstName = names[0];
    const firstRow = firstName?.closest('[data-slot="integrations-list-item"]');
    const nameBox = firstName?.getBoundingClientRect();
    const rowBox = firstRow?.getBoundingClientRect();
    return {
      listWidth: Math.round(listWidth),
      containerWidth: Math.round(containerWidth),
      containerTag: `${container.tagName.toLowerCase()}${container.className ? `.${String(container.className).split(' ')[0]}` : ''}`,
      ratio: listWidth / containerWidth,
      buttonCount: paddings.length,
      minPaddingLeft: Math.min(...paddings.map((p) => p.left)),
      zeroPadding: paddings.filter((p) => !(p.left > 0)).map((p) => p.text),
      samplePadding: paddings[0],
      nameAlignments: alignments,
      firstNameOffset: nameBox && rowBox ? Math.round(nameBox.left - rowBox.left) : null,
      firstNameWidth: nameBox ? Math.round(nameBox.width) : null,
      rowWidth: rowBox ? Math.round(rowBox.width) : null,
      rowCount: document.querySelectorAll('[data-slot="integrations-list-item"]').length,
    };
  });
}

async function screenshots(page, example, dir) {
  const shots = [];
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
      await page.waitForTimeout(150);
      const file = join(dir, `${example}-${width}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push(file);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
  return shots;
}

/** Waits for a frame of the page whose URL path starts with one of `paths` (the hosted UI's iframe). */
async function waitForHostedFrame(page, paths, timeout) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const frame = page.frames().find((candidate) => {
      if (candidate === page.mainFrame() || candidate.isDetached()) return false;
      const path = URL.canParse(candidate.url()) ? new URL(candidate.url()).pathname : '';
      return paths.some((prefix) => path.startsWith(prefix));
    });
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  const seen = page.frames().filter((frame) => frame !== page.mainFrame()).map((frame) => frame.url());
  throw new Error(`no iframe opened ${paths.join(' or ')} within ${timeout / 1000} s (frames: ${seen.join(', ') || 'none'})`);
}

/**
 * Strings that only each SDK's code contains (checked absent from the other SDK and from the kit):
 * the error its hosted-UI overlay throws when its container is gone.
 */
const SDK_MARKERS = {
  '@integration-app/sdk': 'Integration.app container element not found',
  '@membranehq/sdk': 'Membrane container element not found',
};

/**
 * An example built on one SDK generation: the other is neither installed (not even transitively)
 * nor in its built JavaScript, and its own SDK is there but only in a lazy chunk, not in what
 * index.html loads.
 */
async function checkBundle(example, dir, bundle) {
  const checks = [];
  // The lockfile npm just wrote lists every installed copy, hoisted or nested, by its path.
  const lock = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8'));
  const installedPaths = Object.keys(lock.packages ?? {}).filter((path) => path.endsWith(`node_modules/${bundle.absent}`));
  checks.push(record(example, `${bundle.absent} is not installed`, installedPaths.length === 0, installedPaths.join('; ')));

  const assets = join(dir, bundle.dir, 'assets');
  const files = (await readdir(assets)).filter((name) => name.endsWith('.js'));
  const html = await readFile(join(dir, bundle.dir, 'index.html'), 'utf8');
  const contents = await Promise.all(files.map(async (name) => ({ name, text: await readFile(join(assets, name), 'utf8') })));
  const withAbsent = contents.filter(({ text }) => text.includes(SDK_MARKERS[bundle.absent])).map(({ name }) => name);
  checks.push(record(example, `built JavaScript has no ${bundle.absent}`, withAbsent.length === 0, withAbsent.length ? `found in ${withAbsent.join(', ')}` : `${files.length} files checked`));
  const withLazy = contents.filter(({ text }) => text.includes(SDK_MARKERS[bundle.lazy]));
  const eager = withLazy.filter(({ name }) => html.includes(name)).map(({ name }) => name);
  checks.push(
    record(
      example,
      `${bundle.lazy} is bundled, in a lazy chunk only`,
      withLazy.length > 0 && eager.length === 0,
      withLazy.length === 0
        ? 'not found in any chunk'
        : `${withLazy.map(({ name, text }) => `${name} ${Math.round(text.length / 1000)} kB`).join(', ')}${eager.length ? `; loaded by index.html: ${eager.join(', ')}` : ''}`,
    ),
  );
  return checks.every(Boolean);
}

async function checkApp(browser, example, url, screenshotDir, emulatorUrl, prebuilt) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  const { problems, emulatorProblems, attach } = watchConsole(context, emulatorUrl);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const checks = [];
  const check = async (label, fn) => {
    try {
      const detail = await fn();
      checks.push(record(example, label, true, detail ?? ''));
    } catch (error) {
      checks.push(record(example, label, false, String(error?.message ?? error).split('\n')[0]));
    }
  };
  try {
    await check('list loads with rows', async () => {
      await page.goto(url, { waitUntil: 'load' });
      // 'attached', not 'visible': a list the host CSS collapsed to 0 px still loaded (layout is checked below).
      await page.locator('[data-slot="integrations-list"][data-state="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
      await row(page, 'hubspot').waitFor({ state: 'attached', timeout: 10_000 });
      const count = await page.locator('[data-slot="integrations-list-item"]').count();
      if (count < 10) throw new Error(`only ${count} rows`);
      const states = await page.locator('[data-slot="integrations-list-item"]').evaluateAll((rows) => rows.map((r) => r.dataset.state));
      const tally = states.reduce((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
      return `${count} rows (${Object.entries(tally).map(([s, n]) => `${n} ${s}`).join(', ')})`;
    });
    await check('ConnectionStatus shows hubspot connected', async () => {
      const badge = page.locator('[data-testid="single-app"] [data-state]').first();
      await page.waitForFunction(() => document.querySelector('[data-testid="single-app"] [data-state="connected"]'), null, { timeout: 10_000 });
      return `data-state="${await badge.getAttribute('data-state')}"`;
    });

    // Layout facts, measured before any dialog opens (the fix for the host-CSS bugs is verified here).
    const layout = await measureLayout(page);
    record(example, 'measured layout @1280', true, JSON.stringify(layout));
    checks.push(
      record(
        example,
        `layout: list width >= ${MIN_LIST_WIDTH_RATIO * 100}% of its container @1280`,
        layout.ratio >= MIN_LIST_WIDTH_RATIO,
        `list ${layout.listWidth}px / ${layout.containerTag} ${layout.containerWidth}px = ${(layout.ratio * 100).toFixed(0)}%`,
      ),
    );
    checks.push(
      record(
        example,
        'layout: buttons have padding-left > 0',
        layout.buttonCount > 0 && layout.zeroPadding.length === 0,
        `${layout.buttonCount} buttons, min padding-left ${layout.minPaddingLeft}px${layout.zeroPadding.length ? `; zero on: ${[...new Set(layout.zeroPadding)].join(', ')}` : ''}; e.g. ${JSON.stringify(layout.samplePadding)}`,
      ),
    );
    checks.push(
      record(
        example,
        'layout: row names text-align start/left',
        layout.nameAlignments.every((a) => a === 'start' || a === 'left'),
        `text-align ${layout.nameAlignments.join(', ')}; first name ${layout.firstNameOffset}px from the row's left edge (width ${layout.firstNameWidth}px of ${layout.rowWidth}px)`,
      ),
    );

    const shots = await screenshots(page, example, screenshotDir);

    // A list collapsed by the host CSS cannot be clicked by anyone: say so, then give it its width
    // (test-only style) so the flows below still tell whether the kit's flows work in this app.
    const overridden = await ensureClickableRows(page);
    if (overridden) checks.push(record(example, 'row buttons visible and clickable as rendered', false, overridden));

    await check('custom connect: popup, Allow, row connected', async () => {
      await waitForRowState(page, 'notion', (s) => s === 'not-connected', 'not-connected');
      const popupPromise = context.waitForEvent('page', { timeout: 10_000 });
      popupPromise.catch(() => {}); // the click below may fail first
      await row(page, 'notion').locator('[data-slot="connect-button"], button').first().click();
      const popup = await popupPromise;
      attach(popup);
      await popup.getByRole('button', { name: 'Allow' }).waitFor({ timeout: 15_000 });
      const popupUrl = new URL(popup.url());
      await popup.getByRole('button', { name: 'Allow' }).click();
      const state = await waitForRowState(page, 'notion', (s) => s === 'connected', 'connected');
      return `popup ${popupUrl.pathname}; row data-state="${state}"`;
    });

    await check(`prebuilt: ConnectButton mode="prebuilt" opens ${prebuilt.paths.join(' or ')} in an iframe and connects`, async () => {
      await waitForRowState(page, 'github', (s) => s === 'not-connected', 'not-connected');
      await page.getByRole('button', { name: 'Connect GitHub (prebuilt UI)' }).click();
      const frame = await waitForHostedFrame(page, prebuilt.paths, 20_000);
      const element = await frame.frameElement();
      const tag = await element.evaluate((node) => `iframe${node.id ? `#${node.id}` : ''}${node.name ? `[name=${node.name.replace(/-[^-]*$/, '-…')}]` : ''}`);
      if (prebuilt.overlay && !(await element.evaluate((node, selector) => node.matches(selector), prebuilt.overlay))) {
        throw new Error(`the hosted UI opened in ${tag}, not in ${prebuilt.overlay} (the app's SDK was not used)`);
      }
      const frameUrl = new URL(frame.url());
      // The 0.28 screens are a penpal child of the API origin (membrane-sdk-0.28.md §2).
      if (frameUrl.pathname.startsWith('/screens/') && frameUrl.origin !== new URL(emulatorUrl).origin) {
        throw new Error(`the screen came from ${frameUrl.origin}, not the API origin ${new URL(emulatorUrl).origin}`);
      }
      const box = await element.boundingBox();
      await frame.locator('button[type="submit"]').click({ timeout: 15_000 });
      const state = await waitForRowState(page, 'github', (s) => s === 'connected', 'connected');
      const deadline = Date.now() + 10_000;
      while (!frame.isDetached() && Date.now() < deadline) await page.waitForTimeout(100);
      return `${tag} at ${frameUrl.pathname} (${Math.round(box.width)}×${Math.round(box.height)}); row data-state="${state}"${frame.isDetached() ? '; iframe closed' : '; iframe still open'}`;
    });

    await check('disconnect: Disconnect + confirm, row not connected', async () => {
      await row(page, 'notion').locator('[data-slot="disconnect-button"]').click();
      const confirm = page.locator('[data-slot="disconnect-confirm"]');
      await confirm.waitFor({ timeout: 10_000 });
      await page.waitForTimeout(400); // the dialog fades in
      await page.screenshot({ path: join(screenshotDir, `${example}-1280-light-disconnect-dialog.png`) });
      await confirm.click();
      const state = await waitForRowState(page, 'notion', (s) => s !== 'connected', 'not connected');
      await confirm.waitFor({ state: 'hidden', timeout: 10_000 }); // hidden or gone: a native <dialog> stays in the DOM
      return `row data-state="${state}"`;
    });

    await page.waitForTimeout(300);
    checks.push(record(example, 'no console errors/warnings, no page errors (production build)', problems.length === 0, problems.length ? `${problems.length}: ${problems.slice(0, 5).join(' | ')}` : ''));
    checks.push(
      record(
        example,
        "emulator's popup and prebuilt UI pages: no console errors/warnings",
        emulatorProblems.length === 0,
        emulatorProblems.length ? `${emulatorProblems.length}: ${[...new Set(emulatorProblems)].slice(0, 3).join(' | ')}` : '',
      ),
    );
    return { ok: checks.every(Boolean), shots, layout, problems };
  } finally {
    await context.close();
  }
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');
const WIDTH_OVERRIDE = '[data-slot="integrations-list"] { inline-size: 100% !important; }';

/** Returns why rows were not clickable (and applies the width override), or null when they are. */
async function ensureClickableRows(page) {
  const button = row(page, 'notion').locator('button').first();
  // `trial` runs Playwright's actionability checks (visible, stable, enabled, receives the pointer) without clicking.
  const why = await button.click({ trial: true, timeout: 3000 }).then(
    () => null,
    (error) => stripAnsi(String(error.message)).split('\n').find((line) => /not visible|intercepts|outside|not stable|detached/.test(line))?.trim() ?? 'not clickable',
  );
  if (why === null) return null;
  const box = await button.boundingBox();
  await page.addStyleTag({ content: WIDTH_OVERRIDE });
  const after = await button.click({ trial: true, timeout: 3000 }).then(() => 'clickable', () => 'still not clickable');
  return `Connect in the Notion row (${box ? `${Math.round(box.width)}×${Math.round(box.height)} at x=${Math.round(box.x)}` : 'no box'}): ${why}; the flows below run with the test-only style ${WIDTH_OVERRIDE} (then ${after})`;
}

/** Loads the dev server once: React warns only in development builds (StrictMode, prop checks). */
async function checkDev(browser, example, url, emulatorUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { problems, attach } = watchConsole(context, emulatorUrl);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.locator('[data-slot="integrations-list"][data-state="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
    // Connect and disconnect once so the popup flow and the confirmation render in dev too.
    const overridden = await ensureClickableRows(page);
    const popupPromise = context.waitForEvent('page', { timeout: 10_000 });
    popupPromise.catch(() => {}); // the click below may fail first
    await row(page, 'trello').locator('button').first().click();
    const popup = await popupPromise;
    attach(popup);
    await popup.getByRole('button', { name: 'Allow' }).click({ timeout: 15_000 });
    await waitForRowState(page, 'trello', (s) => s === 'connected', 'connected');
    await row(page, 'trello').locator('[data-slot="disconnect-button"]').click();
    await page.locator('[data-slot="disconnect-confirm"]').click();
    await waitForRowState(page, 'trello', (s) => s !== 'connected', 'not connected');
    await page.waitForTimeout(500);
    // Next's dev overlay and HMR client log informational lines; only errors and warnings count.
    return record(example, 'dev server: no React warnings, console errors or page errors', problems.length === 0, problems.length ? `${problems.length}: ${problems.slice(0, 5).join(' | ')}` : `connect + disconnect in dev${overridden ? ' (with the width override)' : ''}`);
  } catch (error) {
    return record(example, 'dev server: no React warnings, console errors or page errors', false, `${String(error?.message ?? error).split('\n')[0]}${problems.length ? ` | ${problems.slice(0, 3).join(' | ')}` : ''}`);
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Main

let workDir;
let browser;
const emulators = [];
try {
  if (EXAMPLES.length === 0) throw new Error(`No example matches --only ${options.only}.`);
  const kitDir = options.kit ? resolve(options.kit) : root;
  const distEntry = join(kitDir, 'dist', 'emulator.js');
  const hasDist = await stat(distEntry).then(() => true, () => false);
  if (options['skip-build']) {
    if (!hasDist) throw new Error('--skip-build, but there is no dist/: run `npm run build` first.');
    console.log('Using the existing dist/ (--skip-build).');
  } else {
    await step('build the kit (npm run build)', () => run('npm', ['run', 'build'], { cwd: kitDir }));
  }
  const { startEmulator, EMULATOR_WORKSPACE_SECRET } = await import(pathToFileURL(distEntry).href);

  workDir = await mkdtemp(join(tmpdir(), 'membrane-examples-'));
  await mkdir(options.screenshots, { recursive: true });
  const cacheRoot = process.env.MEMBRANE_EXAMPLES_DIR ?? join(tmpdir(), 'membrane-react-kit-examples');
  const installRoot = options.fresh ? workDir : cacheRoot;
  await mkdir(installRoot, { recursive: true });
  const tarball = await step('npm pack the kit', async () => {
    const out = await run('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: kitDir });
    const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
    // Named by content: the examples' package.json changes (and npm reinstalls the kit) only when the kit did.
    const hash = createHash('sha256').update(await readFile(join(workDir, filename))).digest('hex').slice(0, 12);
    const hashed = join(installRoot, filename.replace(/\.tgz$/, `-${hash}.tgz`));
    for (const old of await readdir(installRoot)) if (old.endsWith('.tgz') && join(installRoot, old) !== hashed) await rm(join(installRoot, old));
    await copyFile(join(workDir, filename), hashed);
    return hashed;
  });

  browser = await step('launch Chromium', () =>
    chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS }),
  );

  for (const example of EXAMPLES) {
    console.log(`\n=== ${example.name} ===`);
    const source = join(root, 'examples', example.name);
    const dir = join(installRoot, example.name);
    let server;
    try {
      await step(`${example.name}: copy`, async () => {
        // A reused dir keeps what npm and the build made; everything else is the example's, anew.
        await mkdir(dir, { recursive: true });
        for (const entry of await readdir(dir)) {
          if (!['node_modules', '.next', 'package-lock.json'].includes(entry)) await rm(join(dir, entry), { recursive: true, force: true });
        }
        await rm(join(dir, 'node_modules', '.tmp'), { recursive: true, force: true }); // tsc -b's build info
        await cp(source, dir, {
          recursive: true,
          filter: (path) => !/(^|\/)(node_modules|\.next|dist|package-lock\.json|\.env\.local|next-env\.d\.ts|.*\.tsbuildinfo)$/.test(relative(source, path)),
        });
      });
      const manifestPath = join(dir, 'package.json');
      const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
      manifest.dependencies['membrane-react-kit'] = `file:${tarball}`;
      await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      await step(`${example.name}: npm install`, () =>
        run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: dir }),
      );
      const installed = JSON.parse(
        await run('npm', ['ls', '--json', '--depth=0', 'react', 'react-dom', 'next', 'vite', 'membrane-react-kit'], { cwd: dir }),
      ).dependencies;
      console.log(`  installed: ${Object.entries(installed).map(([n, d]) => `${n}@${d.version}`).join(', ')}`);

      const emulator = await step(`${example.name}: start emulator`, () => startEmulator({ host: HOST, port: 0 }));
      emulators.push(emulator);
      emulator.workspaceSecret = EMULATOR_WORKSPACE_SECRET;
      console.log(`  emulator at ${emulator.apiUri}`);
      const env = { NEXT_TELEMETRY_DISABLED: '1', ...example.runtimeEnv(emulator) };

      const build = example.build();
      let built = true;
      await step(`${example.name}: build`, () => run('npm', build.args, { cwd: dir, env: { NEXT_TELEMETRY_DISABLED: '1', ...example.buildEnv(emulator) } })).catch(
        (error) => {
          built = false;
          record(example.name, 'app builds', false, error.message.slice(0, 3000));
        },
      );
      if (built) {
        record(example.name, 'app builds', true);
        if (example.bundle) await step(`${example.name}: bundle checks`, () => checkBundle(example.name, dir, example.bundle));
        const port = await freePort();
        const serve = example.serve(port);
        const url = `http://${HOST}:${port}/`;
        server = await step(`${example.name}: start ${serve.args[0]} server`, () =>
          startServer(join(dir, 'node_modules', '.bin', serve.bin), serve.args, { cwd: dir, env, url }),
        );
        const screenshotDir = options.screenshots;
        await step(`${example.name}: browser checks`, () => checkApp(browser, example.name, url, screenshotDir, emulator.url, example.prebuilt));
        await server.stop();
        server = undefined;
      }

      if (!options['no-dev']) {
        await fetch(`${emulator.apiUri}/_emulator/reset`, { method: 'POST' });
        const port = await freePort();
        const dev = example.dev(port);
        const url = `http://${HOST}:${port}/`;
        try {
          server = await step(`${example.name}: start dev server`, () =>
            startServer(join(dir, 'node_modules', '.bin', dev.bin), dev.args, { cwd: dir, env, url, timeoutMs: 180_000 }),
          );
          await step(`${example.name}: dev-mode checks`, () => checkDev(browser, example.name, url, emulator.url));
        } catch (error) {
          record(example.name, 'dev server: no React warnings, console errors or page errors', false, String(error.message).split('\n')[0]);
        }
      }
    } catch (error) {
      record(example.name, 'example ran to the end', false, String(error?.stack ?? error).slice(0, 3000));
    } finally {
      if (server) await server.stop();
    }
  }
} catch (error) {
  record('setup', 'setup', false, String(error?.stack ?? error));
} finally {
  await browser?.close().catch(() => {});
  for (const emulator of emulators) await emulator.close().catch(() => {});
  await Promise.all([...children].map((child) => stopChild(child)));
  if (workDir && !options.keep) await rm(workDir, { recursive: true, force: true });
  else if (workDir) console.log(`\nKept ${workDir}`);
}

// ---------------------------------------------------------------------------------------------
// Summary

console.log('\nTimings:');
for (const { label, ms } of timings) console.log(`  ${seconds(ms).padStart(8)}  ${label}`);
console.log(`  ${seconds(performance.now() - started).padStart(8)}  total`);
const checksOnly = results.filter((r) => !r.check.startsWith('measured'));
const failed = checksOnly.filter((r) => !r.ok);
if (failed.length) {
  console.log('\nFailed:');
  for (const r of failed) console.log(`  ✗ ${r.example}: ${r.check}${r.detail ? ` — ${r.detail.split('\n')[0]}` : ''}`);
}
console.log(`\nScreenshots: ${options.screenshots}`);
console.log(`examples: ${checksOnly.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length ? 1 : 0;
