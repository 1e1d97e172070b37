// How many bytes does a page load up front for the kit's main entry? The published build (`dist/`,
// from `npm run build`) is bundled the way an app's bundler would: esbuild, ESM, browser, minified,
// production, peers left external, code splitting ON so the kit's `import()`ed parts (the
// dialogs) stay separate chunks. "Initial" = the entry chunk plus every chunk it imports statically
// (what the page downloads before rendering); "on demand" = chunks only reached through `import()`.
// Each file is gzipped on its own (zlib level 9), as a server would send it.
// Goal (issue 4): the main entry's initial gzip, without peers, within size-budgets.json (25 kB);
// printed beside `@integration-app/react`'s `IntegrationAppProvider` alone. The measuring code is
// scripts/check-size.mjs, which gates the same figures in `npm run check:size`; this bench is the
// detailed report: it prints PASS/FAIL and exits 0 unless a bundle cannot be built.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { KIT_PEERS, bundle, bundleSplit, contributors, gzipSize, kB, measureMainEntry, readBudgets, requireBuild, root, sum } from '../scripts/check-size.mjs';

// The same budget `npm run check:size` enforces (size-budgets.json).
const GOAL_BYTES = readBudgets().initial;
/** For `@integration-app/react` only React is a peer; its SDK and UI libraries are its own bytes. */
const REACT_ONLY = ['react', 'react-dom', 'react/jsx-runtime'];

const row = (cells: Array<string | number>): string => `| ${cells.join(' | ')} |`;

requireBuild('bundle-size');
const stylesPath = join(root, 'src/styles/styles.css');

const WHOLE_ENTRY = `export * from './dist/index.js';`;
const FOUR_COMPONENTS = `export { IntegrationsList, ConnectButton, ConnectionStatus, MembraneKitProvider } from './dist/index.js';`;
const kit = await measureMainEntry();
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
