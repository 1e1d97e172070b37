// `npm run check:size` (after `npm run build`): size gates for the published main entry.
// dist/index.js is bundled the way an app's bundler would (esbuild: ESM, browser, es2022, minified,
// NODE_ENV=production, peers external, code splitting on so `import()`ed parts stay separate
// chunks), each output file gzipped on its own (zlib level 9) and summed:
//   initial = the entry chunk + every chunk it imports statically (downloaded before rendering);
//   total   = every chunk the entry can ever load (initial + everything behind `import()`).
// Budgets live in size-budgets.json. Prints the figures always; exits 1 with one line per exceeded
// budget. `--page` also builds two Vite pages (bench/page-weight) and gates what the kit adds.
// The functions are exported for bench/bundle-size.bench.ts and bench/page-weight.bench.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const kitEntry = join(root, 'dist/index.js');

/** Peers of the kit's main entry: the app installs them, so they are not the kit's bytes. Both SDK generations are peers. */
export const KIT_PEERS = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', '@integration-app/sdk', '@membranehq/sdk'];

export const gzipSize = (code) => gzipSync(code, { level: 9 }).length;
export const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
export const sum = (chunks, key) => chunks.reduce((total, chunk) => total + chunk[key], 0);

const esbuildOptions = {
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  treeShaking: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  // `'use client'` is dropped when bundling, which esbuild reports as a warning.
  logLevel: 'error',
};

/** Exits with a clear message when the published build is missing. */
export function requireBuild(who) {
  if (existsSync(kitEntry)) return;
  console.error(`${who}: dist/index.js does not exist; run \`npm run build\` first (this measures the published build).`);
  process.exit(1);
}

/** One file, every `import()` inlined (esbuild without splitting). */
export async function bundle(label, contents, external) {
  const result = await build({
    ...esbuildOptions,
    stdin: { contents, resolveDir: root, sourcefile: `${label}.ts`, loader: 'ts' },
    // esbuild matches a package name and its sub-paths (`react` covers `react/jsx-runtime`).
    external,
    tsconfig: join(root, 'tsconfig.json'),
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${label}`);
  return { label, minified: output.contents.length, gzip: gzipSize(output.contents), metafile: result.metafile };
}

/** An app's production build of `contents` with code splitting on, split into initial and on-demand chunks. */
export async function bundleSplit(label, contents, external) {
  const result = await build({
    ...esbuildOptions,
    entryPoints: { entry: 'bundle-size:entry' },
    splitting: true,
    outdir: 'out',
    chunkNames: 'chunk-[hash]',
    external,
    plugins: [
      {
        name: 'bundle-size-entry',
        setup(plugin) {
          plugin.onResolve({ filter: /^bundle-size:entry$/ }, () => ({ path: 'entry', namespace: 'bundle-size' }));
          plugin.onLoad({ filter: /.*/, namespace: 'bundle-size' }, () => ({ contents, resolveDir: root, loader: 'js' }));
        },
      },
    ],
  });
  const metafile = result.metafile;
  const byFile = new Map(result.outputFiles.filter((file) => file.path.endsWith('.js')).map((file) => [relative(root, file.path), file]));
  const entry = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint !== undefined)?.[0];
  if (!entry) throw new Error(`esbuild produced no entry chunk for ${label}`);
  const initialFiles = new Set();
  const dynamicFiles = new Set();
  const visit = (file) => {
    if (initialFiles.has(file)) return;
    initialFiles.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.external) continue;
      if (imported.kind === 'dynamic-import') dynamicFiles.add(imported.path);
      else visit(imported.path);
    }
  };
  visit(entry);
  // Chunks reached from on-demand chunks (shared between two of them, say) are on demand too.
  const onDemandFiles = new Set();
  const visitDynamic = (file) => {
    if (initialFiles.has(file) || onDemandFiles.has(file)) return;
    onDemandFiles.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) if (!imported.external) visitDynamic(imported.path);
  };
  dynamicFiles.forEach(visitDynamic);
  const measure = (file) => {
    const output = byFile.get(file);
    if (!output) throw new Error(`esbuild listed ${file} but produced no such file`);
    const inputs = Object.entries(metafile.outputs[file]?.inputs ?? {})
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
    const kitInput = inputs.find(([input]) => input.startsWith('dist/'))?.[0];
    const packageInput = inputs.map(([input]) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1]).find(Boolean);
    const origin = kitInput
      ? kitInput.replace(/^dist\/(chunks\/)?/, '').replace(/-[\w-]{8}\.js$/, '').replace(/\.js$/, '')
      : `(shared dependencies: ${packageInput ?? 'none'}…)`;
    return { file, minified: output.contents.length, gzip: gzipSize(output.contents), origin };
  };
  return {
    label,
    initial: [...initialFiles].map(measure),
    onDemand: [...onDemandFiles].map(measure).sort((a, b) => b.gzip - a.gzip),
    metafile,
    initialFiles,
  };
}

/** Minified bytes per package (or the kit's own `dist/` file) in some outputs of a bundle, largest first. */
export function contributors(metafile, files) {
  const byOwner = new Map();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (files && !files.has(file)) continue;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const path = relative(root, join(root, input));
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      const owner = pkg ?? (path.startsWith('dist/') ? `kit: ${path.replace(/-[\w-]{8}\.js$/, '.js')}` : path);
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytesInOutput);
    }
  }
  return [...byOwner].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
}

/** The main entry (`export *` from dist/index.js) as an app bundles it, peers external. */
export const measureMainEntry = () => bundleSplit('membrane-react-kit (export *)', `export * from './dist/index.js';`, KIT_PEERS);

/** size-budgets.json, in bytes (the file is in kB, 1 kB = 1000 bytes, gzip). */
export function readBudgets() {
  const path = join(root, 'size-budgets.json');
  const budgets = JSON.parse(readFileSync(path, 'utf8'));
  const bytes = (key, value) => {
    if (typeof value !== 'number' || !(value > 0)) throw new Error(`size-budgets.json: ${key} must be a positive number of kB, got ${JSON.stringify(value)}.`);
    return value * 1000;
  };
  return {
    initial: bytes('mainEntry.initialGzipKB', budgets.mainEntry?.initialGzipKB),
    total: bytes('mainEntry.totalGzipKB', budgets.mainEntry?.totalGzipKB),
    page: bytes('page.kitAddsGzipKB', budgets.page?.kitAddsGzipKB),
  };
}

async function main(args) {
  const unknown = args.filter((arg) => arg !== '--page');
  if (unknown.length > 0) {
    console.error(`check-size: unknown argument ${unknown.join(' ')} (only --page).`);
    process.exit(2);
  }
  requireBuild('check-size');
  const budgets = readBudgets();
  const failures = [];
  const gate = (what, bytes, budget, key) => {
    const verdict = bytes <= budget ? 'ok' : 'OVER';
    console.log(`  ${what}: ${kB(bytes)} gzip (budget ${kB(budget)}) ${verdict}`);
    if (bytes > budget) failures.push(`check-size: ${what} is ${kB(bytes)} gzip, over its budget of ${kB(budget)} (size-budgets.json ${key}).`);
  };

  const kit = await measureMainEntry();
  const initial = sum(kit.initial, 'gzip');
  const onDemand = sum(kit.onDemand, 'gzip');
  console.log('check-size: dist/index.js bundled by esbuild (peers external, splitting, minified), gzip -9 per file');
  gate(`main entry initial (entry + static imports, ${kit.initial.length} files)`, initial, budgets.initial, 'mainEntry.initialGzipKB');
  gate(`main entry total (every chunk it can load, ${kit.initial.length + kit.onDemand.length} files)`, initial + onDemand, budgets.total, 'mainEntry.totalGzipKB');

  if (args.includes('--page')) {
    const { measurePageWeight } = await import('../bench/page-weight/measurePageWeight.mjs');
    const page = await measurePageWeight();
    console.log(`check-size: a Vite page with IntegrationsList + ConnectButton + 3 ConnectionStatus vs. the same page without the kit (${page.method})`);
    console.log(`  kit adds at load: ${kB(page.difference.load)} gzip`);
    gate('kit adds to the page after idle', page.difference.idle, budgets.page, 'page.kitAddsGzipKB');
  }

  for (const failure of failures) console.error(failure);
  if (failures.length > 0) process.exit(1);
}

// Not a top-level await: --page imports a module that imports this one, which must finish evaluating first.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
