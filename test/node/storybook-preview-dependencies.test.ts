// `storybook dev` skips Vite's dependency scan: .storybook/main.ts gives the optimizer an explicit
// list (.storybook/previewDependencies.ts) with `noDiscovery`. A package the preview or a story
// loads that is not on the list would be served unbundled, and CommonJS packages then fail in the
// browser. This walks the browser side's imports (preview, stories, MDX pages and the kit modules
// they reach) and fails on any package missing from the list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PREVIEW_DEPENDENCIES } from '../../.storybook/previewDependencies.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Modules the dev server swaps for something else (see .storybook/lazyEmulators.ts). */
const REPLACED_ON_DEV = new Set([join(root, '.storybook/inBrowserEmulators.ts')]);

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Import specifiers of a module, leaving out type-only imports and MDX code samples. */
export function importSpecifiers(source: string, isMdx: boolean): string[] {
  const withoutSamples = isMdx ? source.replace(/^[ \t]*(```|~~~)[^]*?^[ \t]*\1/gm, '') : source;
  // Comments (JSDoc @example blocks hold sample imports); not `//` inside a string such as a URL.
  const code = withoutSamples.replace(/\/\*[^]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specifiers: string[] = [];
  const statement = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?(?:[\w*${},\s]+?\s+from\s+)?['"]([^'"]+)['"]/g;
  for (const match of code.matchAll(statement)) if (!match[2]) specifiers.push(match[3]!);
  for (const match of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.push(match[1]!);
  return specifiers;
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier.split('?')[0]!);
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && !candidate.endsWith('/'));
}

/** The package part of a bare specifier: `react-dom/client` → itself; `@scope/pkg/sub` → itself. */
function isListed(specifier: string, listed: readonly string[]): boolean {
  return listed.some((entry) => entry === specifier || entry.endsWith(` > ${specifier}`));
}

function browserPackages(entries: string[]): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || REPLACED_ON_DEV.has(file)) continue;
    seen.add(file);
    if (!/\.(ts|tsx|mdx)$/.test(file)) continue; // CSS and assets
    for (const specifier of importSpecifiers(readFileSync(file, 'utf8'), file.endsWith('.mdx'))) {
      if (specifier.startsWith('.')) {
        const target = resolveRelative(file, specifier);
        if (!target) throw new Error(`${relative(root, file)} imports ${specifier}, which does not exist.`);
        queue.push(target);
      } else if (!specifier.startsWith('virtual:') && !specifier.startsWith('node:')) {
        if (!packages.has(specifier)) packages.set(specifier, relative(root, file));
      }
    }
  }
  return packages;
}

describe('.storybook/previewDependencies.ts', () => {
  it('lists every package the preview, the stories and the MDX pages load in the browser', () => {
    const entries = [
      join(root, '.storybook/preview.tsx'),
      ...filesUnder(join(root, 'stories'), /\.(stories\.tsx?|mdx)$/),
    ];
    const packages = browserPackages(entries);
    // A walk that found nothing would pass vacuously.
    expect(packages.get('react')).toBeDefined();
    expect(packages.get('@tanstack/react-query')).toBeDefined();
    const missing = [...packages].filter(([specifier]) => !isListed(specifier, PREVIEW_DEPENDENCIES));
    expect(
      missing.map(([specifier, file]) => `${specifier} (imported by ${file})`),
      'add these to .storybook/previewDependencies.ts',
    ).toEqual([]);
  });

  it('finds a package that is not listed', () => {
    expect(isListed('left-pad', PREVIEW_DEPENDENCIES)).toBe(false);
    expect(isListed('@mdx-js/react', ['@storybook/addon-docs > @mdx-js/react'])).toBe(true);
    expect(importSpecifiers("import type { A } from 'a';\nimport b from 'b';\nimport 'c';\nawait import('d');", false)).toEqual(['b', 'c', 'd']);
    expect(importSpecifiers("/**\n * import('./x.js')\n */\n// import 'y';\nexport { z } from 'z';", false)).toEqual(['z']);
    expect(importSpecifiers("import { Meta } from '@storybook/addon-docs/blocks';\n\n```tsx\nimport { X } from 'membrane-react-kit';\n```\n1. step\n   ```ts\n   import 'y';\n   ```\n", true)).toEqual([
      '@storybook/addon-docs/blocks',
    ]);
  });
});
