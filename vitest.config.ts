import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { browserCommands } from './test/browser/commands.ts';

/** Debian's Chromium; `.ci/run` installs it. Playwright never downloads a browser here. */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser-mode settings shared by the `browser` and `storybook` projects (a fresh object each time:
 * Vitest names the instances in place).
 */
const headlessChromium = () => ({
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({
    launchOptions: {
      executablePath: chromium,
      // Without the networking flags Chromium keeps dialling Google's hosts on this closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
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
          include: ['src/**/*.test.ts', 'test/node/**/*.test.ts'],
          exclude: ['**/*.browser.test.*', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'test/dom/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.*', '**/node_modules/**'],
          setupFiles: ['test/dom/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.{ts,tsx}', 'test/browser/**/*.browser.test.{ts,tsx}'],
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
