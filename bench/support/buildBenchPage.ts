import react from '@vitejs/plugin-react';
import { build } from 'vite';

/**
 * Builds a bench page (a folder with an `index.html`) with Vite in production mode, as an app
 * would ship it, into `outDir`. `minify: false` keeps names readable in stack traces.
 *
 * @example
 * ```ts
 * await buildBenchPage(join(root, 'bench/list-page'), outDir);
 * ```
 */
export async function buildBenchPage(pageDir: string, outDir: string, options: { minify?: boolean } = {}): Promise<void> {
  await build({
    configFile: false,
    root: pageDir,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify: options.minify ?? true, sourcemap: false, target: 'es2022', chunkSizeWarningLimit: 2_000 },
  });
}
