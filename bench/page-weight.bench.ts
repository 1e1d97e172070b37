// What does the kit weigh on a real page? A plain React 19 page and the same page with
// IntegrationsList, ConnectButton and three ConnectionStatus (from dist/, run `npm run build`
// first), both built with `vite build`; JS gzip (level 9, per file) at load and after idle, and the
// difference. How files are counted: bench/page-weight/measurePageWeight.mjs.
// Goal (issue 8): the kit adds ≤ 45 kB gzip after idle (size-budgets.json page.kitAddsGzipKB;
// `node scripts/check-size.mjs --page` gates it). This is a report: exits 0 unless a build fails.
import { kB, readBudgets } from '../scripts/check-size.mjs';
import { measurePageWeight } from './page-weight/measurePageWeight.mjs';

const goal = readBudgets().page;
const result = await measurePageWeight();
const row = (cells: Array<string | number>): string => `| ${cells.join(' | ')} |`;

console.log(`Counted: ${result.method}.\n`);
console.log(row(['page', 'JS gzip at load', 'JS gzip after idle', 'files at load / after idle']));
console.log(row(['---', '---:', '---:', '---:']));
console.log(row(['React 19 + a heading', kB(result.plain.load), kB(result.plain.idle), `${result.plain.files.load.length} / ${result.plain.files.idle.length}`]));
console.log(row(['+ IntegrationsList, ConnectButton, 3 × ConnectionStatus', kB(result.kit.load), kB(result.kit.idle), `${result.kit.files.load.length} / ${result.kit.files.idle.length}`]));
console.log(row(['**the kit adds**', `**${kB(result.difference.load)}**`, `**${kB(result.difference.idle)}**`, '']));

if (result.kit.rendered) console.log(`\nThe kit page rendered ${result.kit.rendered.rows} list rows and ${result.kit.rendered.badges} status badges.`);
for (const error of result.kit.errors) console.log(`WARNING: the kit page threw: ${error}`);
for (const { file, gzip } of result.kit.notLoaded) console.log(`Built but not loaded by idle (needs a user action): ${file}, ${kB(gzip)} gzip`);

console.log('\nLargest modules in the difference (rendered bytes before minification and gzip, per package or kit dist file):\n');
console.log(row(['module or package', 'bytes']));
console.log(row(['---', '---:']));
for (const [owner, bytes] of result.topModules) console.log(row([owner, bytes]));

const verdict = result.difference.idle <= goal ? 'PASS' : 'FAIL';
console.log(
  `\n${verdict}: the kit adds ${kB(result.difference.load)} gzip of JS at load and ${kB(result.difference.idle)} after idle (goal ≤ ${kB(goal)} after idle).`,
);
