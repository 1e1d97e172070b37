// Guards the published surface: one API report per public entry in package.json `exports`, written
// to api/<entry>.api.md from the built declarations (run `npm run build` first). A change to what an
// entry exports is then a visible diff in review.
//
//   node scripts/check-api.mjs            check: fail when a report differs from the build (default)
//   node scripts/check-api.mjs --update   rewrite the reports (`npm run api:update`); ignored under CI
//
// Every entry with `types` goes through api-extractor (in-memory config, no doc model, no d.ts
// rollup). Two entries are not TypeScript modules and get a plain snapshot instead:
//   - `./emulator/virtual-module` is a hand-written ambient `declare module` (api-extractor only
//     reads module entry points), so its report is the declaration file itself;
//   - `./styles.css` has no types; its public surface is the `--mk-*` tokens it defines, the
//     `.mk-*` classes and `@layer` names, so the report lists those.
// Nothing marked `@internal` may be exported from a public entry: that fails in both modes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reportFolder = join(root, 'api');
const tempFolder = join(root, 'node_modules/.cache/api-report');
const packageJsonPath = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8'));

const wantsUpdate = process.argv.includes('--update');
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
const update = wantsUpdate && !inCi;
if (wantsUpdate && inCi) console.warn('check-api: CI is set, so --update is ignored and the reports are only checked.');

/** `.` → `index`, `./emulator/browser` → `emulator-browser`, `./styles.css` → `styles.css`. */
const reportName = (subpath) => (subpath === '.' ? 'index' : subpath.replace(/^\.\//, '').replaceAll('/', '-'));
const importName = (subpath) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`);

/** A pattern export (`"./styles.*.css": "./dist/styles.*.css"`) stands for each built file it matches. */
function expandPattern([subpath, target]) {
  if (!subpath.includes('*') || typeof target !== 'string') return [[subpath, target]];
  const [prefix, suffix] = target.split('*');
  const folder = dirname(join(root, prefix));
  const start = basename(prefix);
  if (!existsSync(folder)) return [[subpath, target]];
  return readdirSync(folder)
    .filter((name) => name.startsWith(start) && name.endsWith(suffix) && name.length > start.length + suffix.length)
    .sort()
    .map((name) => {
      const star = name.slice(start.length, name.length - suffix.length);
      return [subpath.replace('*', star), target.replace('*', star)];
    });
}

const entries = Object.entries(pkg.exports)
  .filter(([subpath]) => subpath !== './package.json')
  .flatMap(expandPattern)
  .map(([subpath, target]) => {
    const types = typeof target === 'object' ? target.types : undefined;
    const file = types ?? (typeof target === 'string' ? target : undefined);
    let kind = 'module';
    if (!types && file?.endsWith('.css')) kind = 'css';
    else if (!types) kind = 'unknown';
    else if (isAmbientDeclaration(readIfExists(join(root, types)))) kind = 'ambient';
    return { subpath, name: reportName(subpath), importName: importName(subpath), file, kind };
  });

const failures = [];
const internalOffenders = [];
mkdirSync(tempFolder, { recursive: true });
if (update) mkdirSync(reportFolder, { recursive: true });

for (const entry of entries) {
  if (entry.kind === 'unknown') {
    failures.push(`${entry.importName}: exports entry has neither "types" nor a .css target; teach scripts/check-api.mjs about it.`);
    continue;
  }
  const source = join(root, entry.file);
  if (!existsSync(source)) {
    failures.push(`${entry.importName}: ${entry.file} is missing. Run \`npm run build\` first.`);
    continue;
  }
  if (entry.kind === 'module') runApiExtractor(entry, source);
  else compareSnapshot(entry, entry.kind === 'css' ? cssSurface(entry, source) : declarationSnapshot(entry, source));
}

const expected = new Set(entries.map((entry) => `${entry.name}.api.md`));
if (existsSync(reportFolder)) {
  for (const file of readdirReports()) {
    if (expected.has(file)) continue;
    if (update) rmSync(join(reportFolder, file));
    else failures.push(`api/${file}: no such entry in package.json "exports" any more. Run \`npm run api:update\` to delete it.`);
  }
}

if (update) console.log(`check-api: wrote ${entries.length} API reports to api/ (${entries.map((e) => e.name).join(', ')}).`);
else if (failures.length === 0) console.log(`check-api: ${entries.length} API reports match the build (api/*.api.md).`);
if (failures.length > 0) {
  console.error(`\ncheck-api: ${failures.length} problem(s):`);
  for (const failure of failures) console.error(`  - ${failure}`);
}
if (internalOffenders.length > 0) {
  console.error('\ncheck-api: exports marked @internal appear in a public entry (nothing @internal may be exported):');
  for (const offender of internalOffenders) console.error(`  - ${offender}`);
  console.error('Stop exporting them from the entry, or drop @internal if they are meant to be public.');
}
if (failures.length > 0 || internalOffenders.length > 0) process.exit(1);

function runApiExtractor(entry, source) {
  const reportFileName = `${entry.name}.api.md`;
  const reportPath = join(reportFolder, reportFileName);
  if (!update && !existsSync(reportPath)) {
    failures.push(`${entry.importName}: api/${reportFileName} does not exist. Run \`npm run api:update\` and commit it.`);
    return;
  }
  const extractorConfig = ExtractorConfig.prepare({
    configObjectFullPath: join(root, 'api', `${entry.name}.api-extractor.json`), // virtual: nothing is read from here
    packageJsonFullPath: packageJsonPath,
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: source,
      bundledPackages: [],
      newlineKind: 'lf',
      enumMemberOrder: 'preserve',
      compiler: {
        skipLibCheck: true,
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            jsx: 'react-jsx',
            strict: true,
            skipLibCheck: true,
            types: ['node'],
          },
          files: [source],
        },
      },
      apiReport: { enabled: true, reportFileName, reportFolder, reportTempFolder: tempFolder },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        extractorMessageReporting: {
          // API-shape findings (forgotten exports and the like) go into the report, not the console.
          default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
          'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
          'ae-undocumented': { logLevel: ExtractorLogLevel.None },
          'ae-internal-missing-underscore': { logLevel: ExtractorLogLevel.Error, addToApiReportFile: false },
          'ae-wrong-input-file-type': { logLevel: ExtractorLogLevel.Error },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
  });

  const problems = [];
  const result = Extractor.invoke(extractorConfig, {
    localBuild: update,
    showVerboseMessages: false,
    messageCallback(message) {
      message.handled = true;
      if (message.messageId === 'ae-internal-missing-underscore') {
        const name = /"([^"]+)"/.exec(message.text)?.[1] ?? message.text;
        internalOffenders.push(`${entry.importName}: ${name} (${sourceOf(message) ?? where(message)})`);
        return;
      }
      // The report-changed notice is ours to phrase; everything else at warning or above is shown.
      if (/^console-api-report-(changed|copied|created|not-copied)$/.test(message.messageId)) return;
      if (message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning) {
        problems.push(`${message.logLevel} ${message.messageId}: ${message.text}${where(message) ? ` (${where(message)})` : ''}`);
      }
    },
  });

  for (const problem of problems) console.error(`check-api [${entry.importName}] ${problem}`);
  if (problems.some((problem) => problem.startsWith('error'))) {
    failures.push(`${entry.importName}: api-extractor reported errors (above).`);
  }
  const generated = join(tempFolder, reportFileName);
  if (existsSync(generated)) findInternalInReport(entry, readFileSync(generated, 'utf8'));
  if (!update && result.apiReportChanged) {
    failures.push(changedMessage(entry, reportPath, generated));
  }
}

function compareSnapshot(entry, text) {
  const reportFileName = `${entry.name}.api.md`;
  const reportPath = join(reportFolder, reportFileName);
  const generated = join(tempFolder, reportFileName);
  writeFileSync(generated, text);
  if (update) {
    if (readIfExists(reportPath) !== text) writeFileSync(reportPath, text);
    return;
  }
  const current = readIfExists(reportPath);
  if (current === undefined) {
    failures.push(`${entry.importName}: api/${reportFileName} does not exist. Run \`npm run api:update\` and commit it.`);
  } else if (current.replace(/\r\n/g, '\n') !== text) {
    failures.push(changedMessage(entry, reportPath, generated));
  }
}

function changedMessage(entry, reportPath, generated) {
  const rel = relative(root, reportPath);
  return (
    `${entry.importName}: the public API changed (${rel} differs from the build).\n` +
    indent(shortDiff(reportPath, generated)) +
    `\n    If the change is intended, run \`npm run api:update\`, commit ${rel}, and add a changeset (\`npx changeset\`).`
  );
}

function shortDiff(before, after) {
  try {
    execFileSync('git', ['diff', '--no-index', '--no-color', '--unified=1', before, after], { encoding: 'utf8' });
    return '';
  } catch (error) {
    const lines = String(error.stdout ?? '').split('\n').filter((line) => !/^(diff --git|index |--- |\+\+\+ )/.test(line));
    const shown = lines.slice(0, 40);
    if (lines.length > shown.length) shown.push(`… ${lines.length - shown.length} more lines`);
    return shown.join('\n').trimEnd();
  }
}

/** An API report marks each @internal declaration with a `// @internal` line above it. */
function findInternalInReport(entry, report) {
  const lines = report.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() !== '// @internal') return;
    const declaration = lines.slice(index + 1).find((next) => next.trim() && !next.trim().startsWith('//')) ?? '';
    const name = /(?:class|interface|type|function|const|let|var|enum|namespace)\s+([\w$]+)/.exec(declaration)?.[1];
    const label = `${entry.importName}: ${name ?? declaration.trim()}`;
    if (!internalOffenders.some((offender) => offender.startsWith(`${label} `) || offender === label)) internalOffenders.push(label);
  });
}

function declarationSnapshot(entry, source) {
  const body = readFileSync(source, 'utf8').replace(/\r\n/g, '\n').trimEnd();
  return [
    `## API Report File for "${entry.importName}"`,
    '',
    '> A hand-written ambient declaration (`declare module`), so this report is the file itself, checked by scripts/check-api.mjs.',
    '',
    '```ts',
    body,
    '```',
    '',
  ].join('\n');
}

function cssSurface(entry, source) {
  const css = readFileSync(source, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const sorted = (set) => [...set].sort((a, b) => a.localeCompare(b));
  const tokens = new Set([...css.matchAll(/(--mk-[\w-]+)\s*:/g)].map((match) => match[1]));
  const classes = new Set([...css.matchAll(/\.(mk-[\w-]+)/g)].map((match) => match[1]));
  const layers = new Set([...css.matchAll(/@layer\s+([\w\s.,-]+?)\s*[{;]/g)].flatMap((match) => match[1].split(',').map((l) => l.trim())));
  const attributes = new Set([...css.matchAll(/\[(data-[\w-]+)(?:[~|^$*]?=\s*"?([\w-]+)"?)?\]/g)].map((match) => (match[2] ? `${match[1]}="${match[2]}"` : match[1])));
  const list = (title, items) => [`### ${title} (${items.length})`, '', ...items.map((item) => `- \`${item}\``), ''];
  return [
    `## API Report File for "${entry.importName}"`,
    '',
    '> The stylesheet has no types: its public surface is the tokens it defines, the classes and',
    '> data attributes it styles, and its cascade layers. Generated by scripts/check-api.mjs.',
    '',
    ...list('Cascade layers', sorted(layers)),
    ...list('Design tokens (CSS custom properties)', sorted(tokens)),
    ...list('Classes', sorted(classes)),
    ...list('Data attributes', sorted(attributes)),
  ].join('\n');
}

/** dist/types/react/hooks/useIntegration.d.ts → src/react/hooks/useIntegration.ts (or .tsx). */
function sourceOf(message) {
  const declaration = message.sourceFilePath && relative(root, message.sourceFilePath);
  const match = declaration && /^dist\/types\/(.+)\.d\.ts$/.exec(declaration);
  if (!match) return undefined;
  return ['ts', 'tsx'].map((ext) => `src/${match[1]}.${ext}`).find((file) => existsSync(join(root, file)));
}

function where(message) {
  if (!message.sourceFilePath) return '';
  return `${relative(root, message.sourceFilePath)}${message.sourceFileLine ? `:${message.sourceFileLine}` : ''}`;
}

/** Only `declare module '…'` at the top level: no module-level import or export. */
function isAmbientDeclaration(text) {
  return text !== undefined && /^declare module ['"]/m.test(text) && !/^(export|import)\b/m.test(text);
}

function readIfExists(path) {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function readdirReports() {
  return readdirSync(reportFolder).filter((file) => file.endsWith('.api.md'));
}

function indent(text) {
  return text ? text.split('\n').map((line) => `      ${line}`).join('\n') + '\n' : '';
}
