// How many bytes does a page load up front for the kit's main entry? The published build (`dist/`,
// from `npm run build`) is bundled the way an app's bundler would: esbuild, ESM, browser, minified,
// production, peers left external, code splitting ON so the kit's `import()`ed parts (dialogs,
// tooltip) stay separate chunks. "Initial" = the entry chunk plus every chunk it imports statically
// (what the page downloads before rendering); "on demand" = chunks only reached through `import()`.
// Each file is gzipped on its own (zlib level 9), as a server would send it.
// Goal (issue 4): the main entry's initial gzip, without peers, ≤ 25 kB; printed beside
// `@integration-app/react`'s `IntegrationAppProvider` alone.
// This is a report, not a gate: it prints PASS/FAIL and exits 0 unless a bundle cannot be built.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';
import type { Metafile } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOAL_BYTES = 25 * 1000;

/** Peers of the kit's main entry: the app installs them, so they are not the kit's bytes. */
const KIT_PEERS = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', '@integration-app/sdk'];
/** For `@integration-app/react` only React is a peer; its SDK and UI libraries are its own bytes. */
const REACT_ONLY = ['react', 'react-dom', 'react/jsx-runtime'];

interface Measured {
  label: string;
  minified: number;
  gzip: number;
  metafile: Metafile;
}

const gzipSize = (code: Uint8Array | string): number => gzipSync(code, { level: 9 }).length;

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
} as const;

/** One file, every `import()` inlined (esbuild without splitting): for the comparison rows. */
async function bundle(label: string, contents: string, external: string[]): Promise<Measured> {
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

interface Chunk {
  /** Output path relative to the virtual out dir. */
  file: string;
  minified: number;
  gzip: number;
  /** The kit's own `dist/` module that names this chunk (for on-demand chunks). */
  origin: string;
}

interface SplitMeasure {
  label: string;
  /** Entry chunk + every chunk reachable through static imports. */
  initial: Chunk[];
  /** Chunks reachable only through `import()`. */
  onDemand: Chunk[];
  metafile: Metafile;
  initialFiles: Set<string>;
}

const sum = (chunks: Chunk[], key: 'minified' | 'gzip'): number => chunks.reduce((total, chunk) => total + chunk[key], 0);

/** An app's production build of `contents` with code splitting on, as a browser would load it. */
async function bundleSplit(label: string, contents: string, external: string[]): Promise<SplitMeasure> {
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
  const initialFiles = new Set<string>();
  const dynamicFiles = new Set<string>();
  const visit = (file: string) => {
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
  const onDemandFiles = new Set<string>();
  const visitDynamic = (file: string) => {
    if (initialFiles.has(file) || onDemandFiles.has(file)) return;
    onDemandFiles.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) if (!imported.external) visitDynamic(imported.path);
  };
  dynamicFiles.forEach(visitDynamic);
  const measure = (file: string): Chunk => {
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
function contributors(metafile: Metafile, files?: Set<string>): Array<[string, number]> {
  const byOwner = new Map<string, number>();
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

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(2)} kB`;
const row = (cells: Array<string | number>): string => `| ${cells.join(' | ')} |`;

const kitEntry = join(root, 'dist/index.js');
if (!existsSync(kitEntry)) {
  console.error('bundle-size: dist/index.js does not exist; run `npm run build` first (this bench measures the published build).');
  process.exit(1);
}
const stylesPath = join(root, 'src/styles/styles.css');

const WHOLE_ENTRY = `export * from './dist/index.js';`;
const FOUR_COMPONENTS = `export { IntegrationsList, ConnectButton, ConnectionStatus, MembraneKitProvider } from './dist/index.js';`;
const kit = await bundleSplit('membrane-react-kit (export *)', WHOLE_ENTRY, KIT_PEERS);
const kitFour = await bundleSplit('{ IntegrationsList, ConnectButton, ConnectionStatus, MembraneKitProvider }', FOUR_COMPONENTS, KIT_PEERS);
const kitOwnCode = await bundleSplit('membrane-react-kit, its own code only', WHOLE_ENTRY, [...KIT_PEERS, 'radix-ui', '@radix-ui/*']);
const kitWithSdk = await bundleSplit('membrane-react-kit + @integration-app/sdk + @tanstack/react-query', WHOLE_ENTRY, REACT_ONLY);
const provider = await bundle('@integration-app/react IntegrationAppProvider', `export { IntegrationAppProvider } from '@integration-app/react';`, REACT_ONLY);
const officialFull = await bundle('@integration-app/react (whole main entry)', `export * from '@integration-app/react';`, REACT_ONLY);

const css = readFileSync(stylesPath, 'utf8');
const cssMin = (await transform(css, { loader: 'css', minify: true })).code;

console.log(
  'Measured from the built package (dist/index.js, run `npm run build` first), bundled with esbuild as an app would: ESM, browser, es2022, ' +
    'minified, NODE_ENV=production, code splitting on (import() chunks stay separate). ' +
    '"initial" = entry chunk + chunks it imports statically; "on demand" = chunks reached only through import(). ' +
    'gzip = node:zlib level 9, per file, summed. The two @integration-app/react rows are single files (esbuild without splitting).\n',
);
const externals = (list: readonly string[]) => list.filter((name) => name !== 'react/jsx-runtime').join(', ');
console.log(row(['bundle', 'external (not counted)', 'initial minified', 'initial gzip', 'on demand gzip', 'total gzip']));
console.log(row(['---', '---', '---:', '---:', '---:', '---:']));
for (const [m, external] of [
  [kit, externals(KIT_PEERS)],
  [kitFour, externals(KIT_PEERS)],
  [kitOwnCode, `${externals(KIT_PEERS)}, radix-ui (and all it pulls in)`],
  [kitWithSdk, externals(REACT_ONLY)],
] as const) {
  const initialGzip = sum(m.initial, 'gzip');
  const onDemandGzip = sum(m.onDemand, 'gzip');
  console.log(row([m.label, external, sum(m.initial, 'minified'), kB(initialGzip), kB(onDemandGzip), kB(initialGzip + onDemandGzip)]));
}
for (const m of [provider, officialFull]) {
  console.log(row([m.label, externals(REACT_ONLY), m.minified, kB(m.gzip), '–', kB(m.gzip)]));
}
console.log(row(['membrane-react-kit/styles.css (as shipped)', '', Buffer.byteLength(css), kB(gzipSize(css)), '–', kB(gzipSize(css))]));
console.log(row(['membrane-react-kit/styles.css (minified by the app)', '', Buffer.byteLength(cssMin), kB(gzipSize(cssMin)), '–', kB(gzipSize(cssMin))]));

console.log('\nmembrane-react-kit main entry (export *), file by file:\n');
console.log(row(['file', 'loaded', 'kit module (or largest package)', 'minified', 'gzip']));
console.log(row(['---', '---', '---', '---:', '---:']));
for (const chunk of kit.initial) console.log(row([chunk.file, 'initial', chunk.origin, chunk.minified, kB(chunk.gzip)]));
for (const chunk of kit.onDemand) console.log(row([chunk.file, 'on demand', chunk.origin, chunk.minified, kB(chunk.gzip)]));
const kitInitialGzip = sum(kit.initial, 'gzip');
const kitOnDemandGzip = sum(kit.onDemand, 'gzip');
console.log(row(['**initial (static import graph)**', '', '', sum(kit.initial, 'minified'), `**${kB(kitInitialGzip)}**`]));
console.log(row(['on demand, all chunks', '', '', sum(kit.onDemand, 'minified'), kB(kitOnDemandGzip)]));
console.log(row(['total', '', '', sum(kit.initial, 'minified') + sum(kit.onDemand, 'minified'), kB(kitInitialGzip + kitOnDemandGzip)]));

const initialMinified = sum(kit.initial, 'minified');
console.log('\nLargest parts of the initial chunks (minified bytes before gzip):\n');
console.log(row(['module or package', 'minified bytes', 'share']));
console.log(row(['---', '---:', '---:']));
for (const [owner, bytes] of contributors(kit.metafile, kit.initialFiles).slice(0, 10)) {
  console.log(row([owner, bytes, `${((bytes / initialMinified) * 100).toFixed(1)} %`]));
}

const forbidden = contributors(kit.metafile)
  .map(([owner]) => owner)
  .filter((owner) => ['@integration-app/react', 'hono', '@hono/node-server', 'jose'].includes(owner) || /kit: dist\/(server|emulator|cli)/.test(owner));
console.log(
  forbidden.length === 0
    ? '\nThe main entry (initial or on demand) pulls in none of @integration-app/react, jose, hono, the server or the emulator.'
    : `\nWARNING: the main entry bundles ${forbidden.join(', ')}, which browser code must not import (design.md).`,
);
const initialPackages = new Set(contributors(kit.metafile, kit.initialFiles).map(([owner]) => owner));
const deferred = ['@radix-ui/react-dialog', '@radix-ui/react-alert-dialog', '@radix-ui/react-tooltip', '@floating-ui/dom', 'react-remove-scroll'].filter((name) =>
  initialPackages.has(name),
);
console.log(
  deferred.length === 0
    ? 'Radix Dialog, AlertDialog, Tooltip, @floating-ui and react-remove-scroll are all outside the initial chunks.'
    : `Still in the initial chunks: ${deferred.join(', ')}.`,
);

const verdict = kitInitialGzip <= GOAL_BYTES ? 'PASS' : 'FAIL';
console.log(
  `\n${verdict}: membrane-react-kit main entry loads ${kB(kitInitialGzip)} gzip up front (goal ≤ ${kB(GOAL_BYTES)}), ` +
    `plus ${kB(kitOnDemandGzip)} in ${kit.onDemand.length} on-demand chunks (total ${kB(kitInitialGzip + kitOnDemandGzip)}); ` +
    `the four components alone load ${kB(sum(kitFour.initial, 'gzip'))} up front. ` +
    `IntegrationAppProvider alone is ${kB(provider.gzip)} gzip (${(provider.gzip / kitInitialGzip).toFixed(1)}× the kit's initial load).`,
);
