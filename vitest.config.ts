import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { CHROMIUM_ARGS, requireChromium } from './scripts/findChromium.mjs';
import { browserCommands } from './test/browser/commands.ts';

/** React 18.3, installed in its own folder (test/react18/package.json) beside the React 19 of the root. */
const react18 = fileURLToPath(new URL('./test/react18/node_modules/', import.meta.url));
/**
 * `react`, `react-dom` and their entry points as React 18.3, for every importer (the kit, the tests
 * and, in the browser, the pre-bundled @testing-library/react, @tanstack/react-query and radix-ui):
 * one React copy. Files, not folders: Vite applies no `exports` map to a path.
 */
const react18Aliases = (environment: 'browser' | 'node') => [
  { find: /^react\/jsx-runtime$/, replacement: `${react18}react/jsx-runtime.js` },
  { find: /^react\/jsx-dev-runtime$/, replacement: `${react18}react/jsx-dev-runtime.js` },
  { find: /^react$/, replacement: `${react18}react/index.js` },
  { find: /^react-dom\/client$/, replacement: `${react18}react-dom/client.js` },
  { find: /^react-dom\/test-utils$/, replacement: `${react18}react-dom/test-utils.js` },
  { find: /^react-dom\/server$/, replacement: `${react18}react-dom/server.${environment}.js` },
  { find: /^react-dom$/, replacement: `${react18}react-dom/index.js` },
];
/** jsdom tests, on React 19 (`dom`) and 18.3 (`dom-react18`). */
const domTests = ['src/**/*.test.tsx', 'test/dom/**/*.test.{ts,tsx}'];
/** The Chromium component tests (list, flows, row connect, status, a11y) that `browser-react18` runs too. */
const componentBrowserTests = ['test/browser/components-*.browser.test.tsx', 'test/browser/modal-dialog.browser.test.tsx'];

/**
 * Browser-mode settings shared by the `browser`, `browser-react18` and `storybook` projects (a
 * fresh object each time: Vitest names the instances in place).
 */
const headlessChromium = () => ({
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({
    launchOptions: {
      // Looked up when a browser project is set up (`--project node` alone never asks): CHROMIUM_PATH,
      // the usual Linux and macOS paths, a Playwright-managed Chromium; none: one sentence, exit 1.
      get executablePath() {
        return requireChromium();
      },
      args: [...CHROMIUM_ARGS],
    },
  }),
  instances: [{ browser: 'chromium' as const }],
});

export default defineConfig({
  plugins: [react()],
  // Radix parts the kit imports lazily (import()): pre-bundled up front, or Vite discovers them
  // mid-run and reloads the browser tests.
  optimizeDeps: { include: ['radix-ui/slot', 'radix-ui/dialog', 'radix-ui/alert-dialog', 'radix-ui/tooltip'] },
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/node/**/*.test.ts', 'test/fidelity/**/*.node.test.ts'],
          exclude: ['**/*.browser.test.*', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          // The fidelity tests of Membrane's React packages run on React 19 only.
          include: [...domTests, 'test/fidelity/**/*.dom.test.tsx'],
          exclude: ['**/*.browser.test.*', '**/node_modules/**'],
          setupFiles: ['test/dom/setup.ts', 'test/support/reactStrictMode.ts'],
        },
      },
      {
        // The same tests on React 18.3: Vite's aliases for the files it transforms, Node hooks
        // (test/react18/register.mjs) for what Node loads from node_modules.
        extends: true,
        resolve: { alias: react18Aliases('node') },
        test: {
          name: 'dom-react18',
          environment: 'jsdom',
          include: domTests,
          exclude: ['**/*.browser.test.*', '**/node_modules/**'],
          setupFiles: ['test/react18/assertReact18.ts', 'test/dom/setup.ts', 'test/support/reactStrictMode.ts'],
          execArgv: ['--import', new URL('./test/react18/register.mjs', import.meta.url).href],
        },
      },
      {
        extends: true,
        // Membrane's React packages, for the fidelity tests (test/fidelity): pre-bundled up front, or
        // Vite discovers them mid-run and reloads the page (two Reacts, "Invalid hook call").
        optimizeDeps: { include: ['@membranehq/react', '@integration-app/react', 'swr'] },
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.{ts,tsx}', 'test/browser/**/*.browser.test.{ts,tsx}', 'test/fidelity/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['test/support/reactStrictMode.ts'],
          globalSetup: ['test/browser/globalSetup.ts'],
          testTimeout: 30_000,
          // One shared emulator (see globalSetup): files run one after another so faults and resets do not collide.
          fileParallelism: false,
          browser: {
            ...headlessChromium(),
            // Server-side Playwright commands: act in popups and cross-origin frames as a user would.
            commands: browserCommands,
          },
        },
      },
      {
        // The Chromium component tests on React 18.3 (list, flows, status, a11y), with an emulator
        // of their own. The aliases also apply inside the dependencies Vite pre-bundles, so
        // @testing-library/react, @tanstack/react-query and radix-ui share the one React 18 (in a
        // cache dir of its own: the React 19 bundles of `browser` stay apart).
        extends: true,
        resolve: { alias: react18Aliases('browser') },
        cacheDir: 'node_modules/.vite-react18',
        test: {
          name: 'browser-react18',
          include: componentBrowserTests,
          setupFiles: ['test/react18/assertReact18.ts', 'test/support/reactStrictMode.ts'],
          globalSetup: ['test/browser/globalSetup.ts'],
          testTimeout: 30_000,
          fileParallelism: false,
          browser: {
            ...headlessChromium(),
            commands: browserCommands,
          },
        },
      },
      {
        // Every story is a test in real Chromium: it renders against the emulator mounted on this
        // server (.storybook/main.ts), runs its play function, then axe (any violation fails).
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          setupFiles: ['test/storybook/setup.ts'],
          testTimeout: 30_000,
          fileParallelism: false,
          browser: {
            ...headlessChromium(),
            commands: browserCommands,
          },
        },
      },
    ],
  },
});
