// Builds the publishable package into dist/: JS per entry (Vite library mode), type declarations
// (tsc, NodeNext resolution so every relative import is checked to carry its .js extension),
// and the stylesheet.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run(bin('vite'), ['build', '--logLevel', 'warn']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
mkdirSync(join(root, 'dist'), { recursive: true });
writeStyles();
// tsc does not copy hand-written declarations: the Vite plugin's virtual module is typed by this one.
copyFileSync(
  join(root, 'src/emulator/virtual-module.d.ts'),
  join(root, 'dist/types/emulator/virtual-module.d.ts'),
);
const cli = join(root, 'dist/cli.js');
if (existsSync(cli)) chmodSync(cli, 0o755);
console.log('Built dist/ (JS, types, styles.css, styles.layer.css).');

/**
 * The stylesheets, from the one source (src/styles/styles.css, unlayered):
 * - dist/styles.css: the source as it is;
 * - dist/styles.layer.css: the same rules inside `@layer membrane-kit`, for apps that order their
 *   layers (`@layer base, membrane-kit, components, utilities;`).
 */
function writeStyles() {
  const source = readFileSync(join(root, 'src/styles/styles.css'), 'utf8');
  writeFileSync(join(root, 'dist/styles.css'), source);
  writeFileSync(join(root, 'dist/styles.layer.css'), layered(source));
}

/** Wraps the stylesheet in `@layer membrane-kit` (the source has no @import, @charset or @namespace). */
function layered(css) {
  if (/@(import|charset|namespace)\b/.test(css)) throw new Error('styles.css: @import/@charset/@namespace cannot go inside @layer');
  return `/* membrane-react-kit styles, in @layer membrane-kit (generated from styles.css). */\n@layer membrane-kit {\n${css}\n}\n`;
}
