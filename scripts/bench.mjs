// `npm run bench`: runs every bench/*.bench.ts file in name order with tsx, one after another.
// Optional arguments filter by file name: `npm run bench -- token`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const filters = process.argv.slice(2);

if (!existsSync(tsx)) {
  console.error('bench: tsx is not installed; run `npm ci` first.');
  process.exit(1);
}
const files = existsSync(benchDir)
  ? readdirSync(benchDir)
      .filter((name) => name.endsWith('.bench.ts'))
      .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
      .sort()
  : [];
if (files.length === 0) {
  console.error(`bench: no bench/*.bench.ts files${filters.length ? ` matching ${filters.join(', ')}` : ''}.`);
  process.exit(1);
}

const failed = [];
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const started = Date.now();
  const result = spawnSync(tsx, [join(benchDir, file)], { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    failed.push(file);
    console.error(`\n${file} failed (${result.signal ?? `exit code ${result.status}`}) after ${seconds} s`);
  } else {
    console.log(`\n${file} passed in ${seconds} s`);
  }
}
if (failed.length > 0) {
  console.error(`\nbench: ${failed.length} of ${files.length} failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\nbench: ${files.length} passed`);
