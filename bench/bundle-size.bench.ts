// How many bytes does an app ship for the kit's main entry? Each entry is bundled the way an app's
// bundler would (esbuild, ESM, browser, minified, production), peers left external, and gzipped
// with zlib level 9. Goal: the kit's main entry (`membrane-react-kit`, without its peers) ≤ 25 kB,
// printed beside `@integration-app/react`'s `IntegrationAppProvider` alone.
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
  metafile?: Metafile;
}

const gzipSize = (code: Uint8Array | string): number => gzipSync(code, { level: 9 }).length;

async function bundle(label: string, contents: string, external: string[]): Promise<Measured> {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: `${label}.ts`, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    treeShaking: true,
    // esbuild matches a package name and its sub-paths (`react` covers `react/jsx-runtime`).
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(root, 'tsconfig.json'),
    metafile: true,
    // `'use client'` is dropped when bundling, which esbuild reports as a warning.
    logLevel: 'error',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${label}`);
  return { label, minified: output.contents.length, gzip: gzipSize(output.contents), metafile: result.metafile };
}

/** Minified bytes per package (or `src/<dir>` for the kit's own code) in a bundle, largest first. */
function contributors(metafile: Metafile): Array<[string, number]> {
  const byOwner = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const path = relative(root, join(root, input));
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
      const owner = pkg ?? (path.startsWith('src/') ? path.split('/').slice(0, 3).join('/').replace(/\.[tj]sx?$/, '') : path);
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytesInOutput);
    }
  }
  return [...byOwner].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(2)} kB`;
const row = (cells: Array<string | number>): string => `| ${cells.join(' | ')} |`;

const kitEntry = join(root, 'src/index.ts');
if (!existsSync(kitEntry)) {
  console.error('bundle-size: src/index.ts (the main entry) does not exist yet; nothing to measure.');
  process.exit(1);
}
const stylesPath = join(root, 'src/styles/styles.css');

const kit = await bundle('membrane-react-kit', `export * from './src/index.ts';`, KIT_PEERS);
const kitOwnCode = await bundle('membrane-react-kit, its own code only', `export * from './src/index.ts';`, [...KIT_PEERS, 'radix-ui', '@radix-ui/*']);
const kitWithSdk = await bundle(
  'membrane-react-kit + @integration-app/sdk + @tanstack/react-query',
  `export * from './src/index.ts';`,
  REACT_ONLY,
);
const provider = await bundle('@integration-app/react IntegrationAppProvider', `export { IntegrationAppProvider } from '@integration-app/react';`, REACT_ONLY);
const officialFull = await bundle('@integration-app/react (whole main entry)', `export * from '@integration-app/react';`, REACT_ONLY);

const css = readFileSync(stylesPath, 'utf8');
const cssMin = (await transform(css, { loader: 'css', minify: true })).code;

console.log('Bundled with esbuild (ESM, browser, es2022, minified, NODE_ENV=production); gzip = node:zlib level 9.\n');
console.log(row(['bundle', 'external (not counted)', 'minified', 'gzip', 'gzip kB']));
console.log(row(['---', '---', '---:', '---:', '---:']));
const externals = (list: string[]) => list.filter((name) => name !== 'react/jsx-runtime').join(', ');
for (const [m, external] of [
  [kit, KIT_PEERS],
  [kitOwnCode, [...KIT_PEERS, 'radix-ui (and all it pulls in)']],
  [provider, REACT_ONLY],
  [kitWithSdk, REACT_ONLY],
  [officialFull, REACT_ONLY],
] as const) {
  console.log(row([m.label, externals([...external]), m.minified, m.gzip, kB(m.gzip)]));
}
console.log(row(['membrane-react-kit/styles.css (as shipped)', '', Buffer.byteLength(css), gzipSize(css), kB(gzipSize(css))]));
console.log(row(['membrane-react-kit/styles.css (minified by the app)', '', Buffer.byteLength(cssMin), gzipSize(cssMin), kB(gzipSize(cssMin))]));

console.log('\nLargest parts of the kit main entry (minified bytes before gzip):\n');
console.log(row(['module or package', 'minified bytes', 'share']));
console.log(row(['---', '---:', '---:']));
const kitParts = contributors(kit.metafile!);
for (const [owner, bytes] of kitParts.slice(0, 10)) {
  console.log(row([owner, bytes, `${((bytes / kit.minified) * 100).toFixed(1)} %`]));
}

const forbidden = kitParts
  .map(([owner]) => owner)
  .filter((owner) => ['@integration-app/react', 'hono', '@hono/node-server', 'jose'].includes(owner) || owner.startsWith('src/server') || owner.startsWith('src/emulator'));
console.log(
  forbidden.length === 0
    ? '\nThe main entry pulls in none of @integration-app/react, jose, hono, src/server, src/emulator.'
    : `\nWARNING: the main entry bundles ${forbidden.join(', ')}, which browser code must not import (design.md).`,
);

const verdict = kit.gzip <= GOAL_BYTES ? 'PASS' : 'FAIL';
console.log(
  `\n${verdict}: membrane-react-kit main entry is ${kB(kit.gzip)} gzip (goal ≤ ${kB(GOAL_BYTES)}); ` +
    `IntegrationAppProvider alone is ${kB(provider.gzip)} gzip (${(provider.gzip / kit.gzip).toFixed(1)}× the kit).`,
);
