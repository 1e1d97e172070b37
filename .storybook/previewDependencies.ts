/**
 * Every package the preview loads in the browser on `storybook dev`, for Vite's dependency
 * optimizer (`optimizeDeps.include` with `noDiscovery`, in `main.ts`). Listing them skips Vite's
 * dependency scan of every story and MDX file on a cold start. A package missing here would be
 * served unbundled (CommonJS packages then fail in the browser), so
 * `test/node/storybook-preview-dependencies.test.ts` walks the preview's and the stories' imports
 * and fails when one of their packages is not listed.
 *
 * `a > b` is Vite's syntax for a package that is only a dependency of another package.
 */
export const PREVIEW_DEPENDENCIES = [
  // the kit and the stories
  '@membranehq/sdk',
  '@tanstack/react-query',
  'radix-ui/slot',
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-dom/client',
  // Storybook's preview runtime, its addons (docs, a11y, vitest) and what they load
  '@mdx-js/react',
  '@storybook/addon-docs',
  '@storybook/addon-docs/blocks',
  '@storybook/addon-docs > @mdx-js/react',
  '@storybook/addon-docs > @storybook/react-dom-shim',
  '@storybook/global',
  '@storybook/react-dom-shim',
  'axe-core',
  'react-dom/test-utils',
  'storybook/actions',
  'storybook/internal/client-logger',
  'storybook/internal/docs-tools',
  'storybook/internal/preview-api',
  'storybook/internal/preview-errors',
  'storybook/internal/preview/runtime',
  'storybook/preview-api',
  'storybook/test',
];
