#!/usr/bin/env node
// Checks that a static `storybook build` renders every story without errors. A static build has
// no dev server behind it, so the emulator answers through its MSW handlers in the page (issue 5);
// this catches a story that only works on `storybook dev`.
//
//   node scripts/check-static-storybook.mjs                   builds into a temp dir, checks, deletes it
//   node scripts/check-static-storybook.mjs --dir storybook-static   checks an existing build
//   ... --only connectbutton   (story ids containing the text)   --keep   (keep the temp build)
//
// Every story is opened as `iframe.html?id=<id>&viewMode=story` in headless Chromium. A story
// passes when Storybook reports it finished with status "success" (render, play function and the
// a11y check, which `parameters.a11y.test: 'error'` makes part of the result), `#storybook-root`
// has content, the error display is not shown, and the page, its popups and its workers logged
// no console error, threw nothing and had no failed request and no unexpected HTTP error.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from './findChromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

/**
 * Stories whose interaction needs a navigation that a service worker cannot answer: the kit opens
 * Membrane's consent page as a real popup (a form POST navigation) or loads the prebuilt UI in an
 * iframe, and MSW only sees fetches. These stories are still opened and must render without any
 * error; only their play function is not run.
 */
const SKIP_INTERACTION = new Map([
  [
    'components-connectbutton--connect-custom-flow',
    'consent in a real popup: the kit submits a form POST to /connect, a navigation MSW cannot answer',
  ],
  [
    'components-integrationslist--needs-action-reconnect',
    'the repair runs in a real popup: a form POST to /connect, a navigation MSW cannot answer',
  ],
  [
    'components-integrationslist-several-accounts--add-a-third-account',
    'the new account is added in a real popup: a form POST to /connect, a navigation MSW cannot answer',
  ],
  [
    'components-integrationslist--prebuilt',
    "the kit's hosted screen is a form POST of /screens/connect into an iframe, a navigation MSW cannot answer",
  ],
]);

/**
 * Stories that cause HTTP errors on purpose (an emulator fault is what they show). Any other HTTP
 * status >= 400 fails the story.
 */
const EXPECTED_HTTP_ERRORS = new Map([
  // The "flaky" workspace answers GET /integrations with 500 until Retry: the story's point.
  ['components-integrationslist--error-with-retry', { statuses: [500], path: '/__membrane-flaky/integrations' }],
]);

const STORY_TIMEOUT_MS = 30_000;
const CONCURRENCY = 2;
// Before the build: no browser, one sentence saying what to install or set.
const executablePath = requireChromium();
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain',
};

const started = performance.now();
const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);

function run(command, args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`}).`)),
    );
  });
}

/** A tiny static file server on 127.0.0.1 for the build output. */
async function serveStatic(dir) {
  const base = resolve(dir);
  const server = createServer(async (request, response) => {
    let file = resolve(base, `.${decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)}`);
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((done) => server.close(done)) };
}

/**
 * Runs in the story page before Storybook: records the preview channel's events, and for a story
 * in SKIP_INTERACTION removes the play function from the story Storybook loads.
 */
function instrument(skipPlay) {
  const events = [];
  window.__staticCheck = { events };
  // Each story starts from empty storage, as in a fresh browser (the lanes reuse their context).
  if (window.top === window && location.pathname.endsWith('/iframe.html')) {
    localStorage.clear();
    sessionStorage.clear();
  }
  const watched = ['storyFinished', 'storyErrored', 'storyMissing', 'storyThrewException', 'playFunctionThrewException', 'unhandledErrorsWhilePlaying'];
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      for (const name of watched) {
        value.on(name, (payload) => {
          let detail;
          try {
            detail = JSON.parse(JSON.stringify(payload ?? null));
          } catch {
            detail = String(payload);
          }
          events.push({ name, detail });
        });
      }
    },
  });
  if (!skipPlay) return;
  let preview;
  Object.defineProperty(globalThis, '__STORYBOOK_PREVIEW__', {
    configurable: true,
    get: () => preview,
    set(value) {
      preview = value;
      let store;
      Object.defineProperty(value, 'storyStoreValue', {
        configurable: true,
        get: () => store,
        set(storyStore) {
          store = storyStore;
          if (!storyStore) return;
          const loadStory = storyStore.loadStory.bind(storyStore);
          storyStore.loadStory = async (...args) => {
            const story = await loadStory(...args);
            window.__staticCheck.playSkipped = Boolean(story.playFunction);
            return Object.assign(Object.create(Object.getPrototypeOf(story)), story, { playFunction: undefined, usesMount: false });
          };
        },
      });
    },
  });
}

async function checkStory(context, baseUrl, id) {
  const storyStarted = performance.now();
  const skipReason = SKIP_INTERACTION.get(id);
  const expectedHttp = EXPECTED_HTTP_ERRORS.get(id);
  const problems = [];
  const pages = [];
  // Listeners per page (and its popups), not per context: the two lanes' contexts are reused
  // across stories so that the HTTP cache and the MSW service worker survive from one to the next.
  const watchPage = (page) => {
    pages.push(page);
    const where = () => (page.url().includes('iframe.html') ? '' : ` [${page.url()}]`);
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Chromium's own line has no URL; the response and requestfailed handlers name the request.
      if (message.text().startsWith('Failed to load resource')) return;
      problems.push(`console error${where()}: ${message.text().split('\n')[0]}`);
    });
    page.on('pageerror', (error) => problems.push(`page error${where()}: ${error.message.split('\n')[0]}`));
    page.on('requestfailed', (request) => {
      const failure = request.failure()?.errorText ?? 'failed';
      // The kit cancels queries it no longer needs (AbortController); that is not a broken request.
      if (failure === 'net::ERR_ABORTED' && ['fetch', 'xhr', 'eventsource'].includes(request.resourceType())) return;
      problems.push(`request failed: ${request.method()} ${request.url()} (${failure})`);
    });
    page.on('response', (response) => {
      if (response.status() < 400) return;
      const path = new URL(response.url()).pathname;
      if (expectedHttp?.statuses.includes(response.status()) && path === expectedHttp.path) return;
      problems.push(`HTTP ${response.status()} ${response.request().method()} ${path}${response.fromServiceWorker() ? ' (MSW)' : ''}`);
    });
    page.on('popup', watchPage);
  };

  const page = await context.newPage();
  watchPage(page);
  await page.addInitScript(instrument, Boolean(skipReason));
  try {
    await page.goto(`${baseUrl}iframe.html?id=${encodeURIComponent(id)}&viewMode=story`, { waitUntil: 'load' });
    const finished = await page
      .waitForFunction(() => window.__staticCheck.events.find((event) => event.name === 'storyFinished' || event.name === 'storyMissing'), null, {
        timeout: STORY_TIMEOUT_MS,
      })
      .then((handle) => handle.jsonValue())
      .catch(() => undefined);
    if (!finished) problems.push(`Storybook did not report the story finished within ${STORY_TIMEOUT_MS / 1000} s`);
    // Data the story loads after its play function: let the network settle, and the kit leave its busy state.
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
    await page.waitForFunction(() => !document.querySelector('#storybook-root [aria-busy="true"]'), null, { timeout: 5_000 }).catch(() => {});
    const state = await page.evaluate(() => ({
      events: window.__staticCheck.events,
      playSkipped: window.__staticCheck.playSkipped ?? false,
      rendered: (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0,
      errorDisplay: document.body.classList.contains('sb-show-errordisplay'),
      errorText: document.querySelector('#error-message')?.textContent?.trim() ?? '',
    }));
    for (const event of state.events) {
      if (event.name === 'storyFinished') {
        if (event.detail?.status !== 'success') {
          const failedReports = (event.detail?.reporters ?? []).filter((report) => report.status === 'failed');
          const details = failedReports.map((report) =>
            report.type === 'a11y'
              ? `a11y: ${(report.result?.violations ?? []).map((violation) => `${violation.id} (${violation.nodes?.length ?? 0})`).join(', ')}`
              : `${report.type} report failed`,
          );
          problems.push(`Storybook finished the story with status "${event.detail?.status}"${details.length ? `: ${details.join('; ')}` : ''}`);
        }
      } else {
        const message = event.detail?.message ?? (Array.isArray(event.detail) ? event.detail.map((error) => error?.message).join('; ') : '');
        problems.push(`${event.name}${message ? `: ${String(message).split('\n')[0]}` : ''}`);
      }
    }
    if (!state.rendered) problems.push('#storybook-root is empty');
    if (state.errorDisplay) problems.push(`Storybook shows its error display: ${state.errorText.split('\n')[0]}`);
    if (skipReason && !state.playSkipped) problems.push('listed in SKIP_INTERACTION, but it has no play function (remove it from the list)');
  } catch (error) {
    problems.push(`check failed: ${error.message.split('\n')[0]}`);
  } finally {
    await Promise.all(pages.map((opened) => opened.close().catch(() => {})));
  }
  return { id, problems: [...new Set(problems)], skipped: skipReason, ms: Math.round(performance.now() - storyStarted) };
}

let buildDir = values.dir;
let temporary;
if (!buildDir) {
  temporary = await mkdtemp(join(tmpdir(), 'membrane-storybook-static-'));
  buildDir = temporary;
  const buildStarted = performance.now();
  console.log(`Building Storybook into ${buildDir} …`);
  await run(join(root, 'node_modules/.bin/storybook'), ['build', '-o', buildDir, '--quiet', '--disable-telemetry']);
  console.log(`Built in ${seconds(buildStarted)} s.`);
}

const server = await serveStatic(buildDir);
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const results = [];
try {
  const index = JSON.parse(await readFile(join(buildDir, 'index.json'), 'utf8'));
  const ids = Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => entry.id)
    .filter((id) => !values.only || id.includes(values.only.toLowerCase()));
  if (ids.length === 0) throw new Error(`No stories in ${join(buildDir, 'index.json')}${values.only ? ` matching "${values.only}"` : ''}.`);
  for (const id of [...SKIP_INTERACTION.keys(), ...EXPECTED_HTTP_ERRORS.keys()]) {
    if (!values.only && !ids.includes(id)) throw new Error(`${id} is listed in this script but is not a story of the build; update the list.`);
  }
  const checkStarted = performance.now();
  console.log(`Checking ${ids.length} stories at ${server.url} (${CONCURRENCY} at a time) …\n`);
  const queue = [...ids];
  // "StorybookTestRunner" in the user agent makes Storybook pause CSS animations before the a11y
  // check, as it does under Vitest (the storybook test project); axe otherwise measures colour
  // contrast halfway through a fade.
  const userAgent = `${await browser.newPage().then(async (page) => {
    const agent = await page.evaluate(() => navigator.userAgent);
    await page.close();
    return agent;
  })} StorybookTestRunner`;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, userAgent });
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const result = await checkStory(context, server.url, id);
        results.push(result);
        const mark = result.problems.length ? '✗' : '✓';
        console.log(`${mark} ${id} (${(result.ms / 1000).toFixed(1)} s)${result.skipped ? ` [interaction skipped: ${result.skipped}]` : ''}`);
        for (const problem of result.problems) console.log(`    ${problem}`);
      }
      await context.close();
    }),
  );
  const failed = results.filter((result) => result.problems.length > 0);
  console.log('\n| stories checked | passed | failed | interactions skipped | duration (check) | duration (total) |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${results.length} | ${results.length - failed.length} | ${failed.length} | ${results.filter((result) => result.skipped).length} | ${seconds(checkStarted)} s | ${seconds(started)} s |`,
  );
  if (failed.length > 0) {
    console.error(`\nFailed in the static build: ${failed.map((result) => result.id).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await server.close();
  if (temporary && !values.keep) await rm(temporary, { recursive: true, force: true });
  else if (temporary) console.log(`Build kept in ${temporary}`);
}
