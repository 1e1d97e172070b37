// Builds the publishable package into dist/: JS per entry (Vite library mode), type declarations
// (tsc, NodeNext resolution so every relative import is checked to carry its .js extension),
// and the stylesheet.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

run(bin('vite'), ['build', '--logLevel', 'warn']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
mkdirSync(join(root, 'dist'), { recursive: true });
copyFileSync(join(root, 'src/styles/styles.css'), join(root, 'dist/styles.css'));
// tsc does not copy hand-written declarations: the Vite plugin's virtual module is typed by this one.
copyFileSync(
  join(root, 'src/emulator/virtual-module.d.ts'),
  join(root, 'dist/types/emulator/virtual-module.d.ts'),
);
const cli = join(root, 'dist/cli.js');
if (existsSync(cli)) chmodSync(cli, 0o755);
console.log('Built dist/ (JS, types, styles.css).');
