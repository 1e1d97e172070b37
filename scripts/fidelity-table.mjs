#!/usr/bin/env node
/**
 * Prints the fidelity table (client × call → works / fails) from the test/fidelity suites, as
 * Markdown to paste into a closing note.
 *
 *   node scripts/fidelity-table.mjs              # runs the node + dom fidelity tests, then prints
 *   node scripts/fidelity-table.mjs --browser    # also the Chromium connect tests (needs Chromium)
 *   node scripts/fidelity-table.mjs --from report.json   # prints from an existing Vitest JSON report
 *
 * A test counts for a client when one of its describe blocks is named after a package
 * (`@integration-app/sdk 1.14.1`, `@membranehq/react 0.28.0`, …); its title is the call. Exit
 * code 1 when any fidelity test failed (the table is printed either way).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const args = process.argv.slice(2);
const fromIndex = args.indexOf('--from');

/** Runs Vitest on test/fidelity with the JSON reporter; answers the parsed report. */
function runVitest() {
  const dir = mkdtempSync(join(tmpdir(), 'fidelity-'));
  const outputFile = join(dir, 'report.json');
  const projects = ['node', 'dom', ...(args.includes('--browser') ? ['browser'] : [])];
  const result = spawnSync(
    'npx',
    ['vitest', 'run', ...projects.flatMap((project) => ['--project', project]), 'test/fidelity', '--reporter=json', `--outputFile=${outputFile}`],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  try {
    return JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    console.error(`Vitest wrote no report (exit code ${result.status}); run it by hand to see why.`);
    process.exit(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const report = fromIndex === -1 ? runVitest() : JSON.parse(readFileSync(args[fromIndex + 1], 'utf8'));

const AREAS = {
  'sdk-calls.node.test.ts': 'REST calls, Node (sdk-calls.node.test.ts)',
  'sdk-connect.browser.test.ts': 'Connect stack, Chromium (sdk-connect.browser.test.ts)',
  'react-packages.dom.test.tsx': 'React packages, jsdom + React 19 (react-packages.dom.test.tsx)',
  'example-apps.browser.test.tsx': "Example apps' integrations pages, Chromium (example-apps.browser.test.tsx)",
};
const MARK = { passed: '✅ works', failed: '❌ fails', skipped: '⏭ skipped', pending: '⏭ skipped', todo: '⏭ todo' };

/** area → { clients: string[], rows: Map<call, Map<client, status>> } */
const tables = new Map();
let failures = 0;
for (const file of report.testResults ?? []) {
  const area = AREAS[basename(file.name)] ?? basename(file.name);
  for (const test of file.assertionResults ?? []) {
    if (test.status === 'failed') failures++;
    const client = [...(test.ancestorTitles ?? [])].reverse().find((title) => title.startsWith('@'));
    if (!client) continue;
    const table = tables.get(area) ?? { clients: [], rows: new Map() };
    tables.set(area, table);
    if (!table.clients.includes(client)) table.clients.push(client);
    const row = table.rows.get(test.title) ?? new Map();
    table.rows.set(test.title, row);
    row.set(client, test.status);
  }
}

const escape = (text) => text.replaceAll('|', '\\|');
for (const [area, { clients, rows }] of tables) {
  console.log(`\n### ${area}\n`);
  console.log(`| call | ${clients.map(escape).join(' | ')} |`);
  console.log(`|---|${clients.map(() => '---').join('|')}|`);
  for (const [call, cells] of rows) {
    console.log(`| ${escape(call)} | ${clients.map((client) => (cells.has(client) ? (MARK[cells.get(client)] ?? cells.get(client)) : '— (no such call)')).join(' | ')} |`);
  }
}
const total = report.numTotalTests ?? 0;
console.log(`\n${total - failures}/${total} fidelity tests passed${failures ? `, ${failures} failed` : ''}.`);
process.exit(failures ? 1 : 0);
