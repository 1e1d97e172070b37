// What does the kit add to a real app page? Two tiny React 19 pages (plain/: a heading; kit/: the
// same plus IntegrationsList, ConnectButton and three ConnectionStatus from dist/index.js) are built
// with `vite build` (Vite 8, @vitejs/plugin-react, production) into temp dirs. JS only; every file
// gzipped on its own (zlib level 9) and summed.
//
// How files are counted:
//   load       = the entry chunk + every chunk it imports statically (what Vite modulepreloads).
//   after idle = in Chromium (when scripts/findChromium.mjs finds one): every JS file the
//                page requested from load until no new file came for 3 s, the kit page talking to
//                the kit's emulator (dist/emulator.js, its seed data: connected, failing and
//                never-connected apps), so the kit's idle prefetches (connect dialog, disconnect
//                dialog) happen as in a real app and chunks reached only by a click do not count.
//                Without Chromium: every JS file the build emitted (an upper bound; says so).
// The difference is kit page minus plain page. Modules by size come from Rolldown's output
// (`renderedLength`, per module, summed per package or kit dist file) over the counted files.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSize, kitEntry, requireBuild, root } from '../../scripts/check-size.mjs';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/findChromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const chromiumPath = findChromium({ required: false });
const QUIET_MS = 3000;
const MAX_WAIT_MS = 30_000;

/** Builds `bench/page-weight/<name>` into a temp dir; returns its JS chunks and the dir. */
async function buildPage(name) {
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const outDir = mkdtempSync(join(tmpdir(), `page-weight-${name}-`));
  const result = await build({
    root: join(here, name),
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    plugins: [react()],
    // The page imports the package by name; it resolves to the published build.
    resolve: { alias: [{ find: /^membrane-react-kit$/, replacement: kitEntry }] },
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((item) => item.output);
  const chunks = new Map();
  for (const item of outputs) {
    if (item.type !== 'chunk') continue;
    chunks.set(item.fileName, {
      file: item.fileName,
      isEntry: item.isEntry,
      imports: item.imports,
      dynamicImports: item.dynamicImports,
      modules: Object.entries(item.modules).map(([id, module]) => [id, module.renderedLength]),
      gzip: gzipSize(readFileSync(join(outDir, item.fileName))),
    });
  }
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
  if (!entry) throw new Error(`vite build of bench/page-weight/${name} produced no entry chunk`);
  const closure = (start, follow) => {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file) || !chunks.has(file)) return;
      seen.add(file);
      for (const next of follow(chunks.get(file))) visit(next);
    };
    visit(start);
    return seen;
  };
  return {
    name,
    outDir,
    chunks,
    loadFiles: closure(entry.file, (chunk) => chunk.imports),
    everyFile: closure(entry.file, (chunk) => [...chunk.imports, ...chunk.dynamicImports]),
  };
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves a built page; resolves with its origin and a close function. */
async function serve(dir) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = join(dir, normalize(path === '/' ? '/index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Loads each page in Chromium and records the JS files it requested at load and after idle. */
async function loadInChromium(pages) {
  const { chromium } = await import('playwright-core');
  const { startEmulator } = await import(pathToFileURL(join(root, 'dist/emulator.js')).href);
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
  });
  try {
    for (const page of pages) {
      const server = await serve(page.outDir);
      const tab = await browser.newPage();
      const requested = new Set();
      let lastRequest = Date.now();
      const errors = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      tab.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin !== server.origin || !url.pathname.endsWith('.js')) return;
        requested.add(url.pathname.slice(1));
        lastRequest = Date.now();
      });
      const query = new URLSearchParams({ apiUri: emulator.apiUri, tokenUrl: emulator.tokenUrl });
      await tab.goto(`${server.origin}/?${query}`, { waitUntil: 'load' });
      page.loadedAtLoad = new Set(requested);
      const started = Date.now();
      while (Date.now() - lastRequest < QUIET_MS && Date.now() - started < MAX_WAIT_MS) await tab.waitForTimeout(250);
      page.loadedAfterIdle = new Set(requested);
      page.rendered = await tab.evaluate(() => ({
        rows: document.querySelectorAll('[data-slot="integrations-list-item"]').length,
        badges: document.querySelectorAll('[data-slot="connection-status-badge"]').length,
      }));
      page.errors = errors;
      await tab.close();
      await server.close();
    }
  } finally {
    await browser.close();
    await emulator.close();
  }
}

const gzipOf = (page, files) => [...files].reduce((total, file) => total + (page.chunks.get(file)?.gzip ?? 0), 0);

/** Rendered bytes per package (or kit dist file) in some chunks of a page. */
function modulesBySize(page, files) {
  const byOwner = new Map();
  for (const file of files) {
    for (const [id, bytes] of page.chunks.get(file)?.modules ?? []) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1];
      const owner = pkg ?? (id.startsWith(join(root, 'dist')) ? `kit: ${id.slice(root.length + 1).replace(/-[\w-]{8}\.js$/, '.js')}` : id.replace(/^\0/, ''));
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytes);
    }
  }
  return byOwner;
}

/**
 * Builds both pages, counts their JS at load and after idle, and returns the figures (bytes).
 *
 * @example
 * ```js
 * const { difference } = await measurePageWeight();
 * if (difference.idle > 45_000) process.exitCode = 1;
 * ```
 */
export async function measurePageWeight({ browser = chromiumPath !== undefined } = {}) {
  requireBuild('page-weight');
  const plain = await buildPage('plain');
  const kit = await buildPage('kit');
  try {
    if (browser) await loadInChromium([plain, kit]);
    const counted = (page) => ({
      load: browser ? page.loadedAtLoad : page.loadFiles,
      idle: browser ? page.loadedAfterIdle : page.everyFile,
    });
    const figures = (page) => {
      const files = counted(page);
      return { load: gzipOf(page, files.load), idle: gzipOf(page, files.idle), files: { load: [...files.load], idle: [...files.idle] } };
    };
    const plainFigures = figures(plain);
    const kitFigures = figures(kit);
    const plainModules = modulesBySize(plain, counted(plain).idle);
    const topModules = [...modulesBySize(kit, counted(kit).idle)]
      .map(([owner, bytes]) => [owner, bytes - (plainModules.get(owner) ?? 0)])
      .filter(([, bytes]) => bytes > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10);
    const unreached = [...kit.everyFile].filter((file) => !counted(kit).idle.has(file));
    return {
      method: browser
        ? 'Chromium: JS requested by the load event / until 3 s without a new file, kit page on the emulator'
        : 'static: entry + static imports / every emitted JS file (no Chromium, an upper bound)',
      plain: plainFigures,
      kit: { ...kitFigures, rendered: kit.rendered, errors: kit.errors ?? [], notLoaded: unreached.map((file) => ({ file, gzip: kit.chunks.get(file)?.gzip ?? 0 })) },
      difference: { load: kitFigures.load - plainFigures.load, idle: kitFigures.idle - plainFigures.idle },
      topModules,
    };
  } finally {
    rmSync(plain.outDir, { recursive: true, force: true });
    rmSync(kit.outDir, { recursive: true, force: true });
  }
}
