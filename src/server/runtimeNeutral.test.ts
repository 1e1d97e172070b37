import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const directory = fileURLToPath(new URL('.', import.meta.url));
const shipped = readdirSync(directory).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('membrane-react-kit/server stays runtime-neutral', () => {
  it('has shipped source files to check', () => {
    expect(shipped).toContain('createMembraneToken.ts');
  });

  it.each(shipped)('%s imports no Node built-in and uses no Node-only global', (name) => {
    // JSDoc examples show server code (`process.env`); only the code itself matters.
    const source = readFileSync(`${directory}/${name}`, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    // Edge runtimes, Bun and Deno only promise WebCrypto, fetch types, TextEncoder and atob.
    expect(source).not.toMatch(/from\s+['"](node:|crypto['"]|buffer['"]|fs['"]|path['"])/);
    expect(source).not.toMatch(/\b(Buffer|process|require)\s*[.(]/);
  });
});
