import type { StorybookConfig } from '@storybook/react-vite';
import type { Plugin, Rolldown } from 'vite';
import { EMULATOR_WORKSPACE_KEY } from '../src/emulator/constants.js';
import { lazyEmulators } from './lazyEmulators.js';
import { PREVIEW_DEPENDENCIES } from './previewDependencies.js';
import { workspaces } from './workspaces.js';

const VIRTUAL_ID = 'virtual:membrane-emulator';

/**
 * A static build has no server behind it: this stands in for the emulator plugin's virtual module
 * with the same exports, relative to the deployed `iframe.html` (the site may live under a sub-path),
 * and `.storybook/emulator.ts` answers those URLs with the emulator's MSW handlers.
 */
function staticEmulatorModule(): Plugin {
  const resolved = `\0${VIRTUAL_ID}`;
  return {
    name: 'membrane-storybook:static-emulator',
    resolveId: (id) => (id === VIRTUAL_ID ? resolved : undefined),
    load: (id) =>
      id === resolved
        ? [
            `const base = new URL('.${workspaces.demo.path}', window.location.href).href;`,
            'export const apiUri = base;',
            "export const uiUri = base + '/ui';",
            "export const tokenUrl = base + '/_emulator/token';",
            `export const workspaceKey = ${JSON.stringify(EMULATOR_WORKSPACE_KEY)};`,
          ].join('\n')
        : undefined,
  };
}

/**
 * Storybook's react-docgen plugin parses every .ts/.tsx file the preview loads (about a hundred
 * modules of the kit) to find components, and follows their imports: the largest share of the dev
 * server's work on the first page load. Prop tables and inferred controls only need the
 * components the stories document, which live in .tsx files under src/react/components and stories/.
 */
const DOCGEN_FILES = /\/(src\/react\/components|stories)\/.+\.tsx$/;

function narrowDocgen(plugins: unknown[]): void {
  for (const plugin of plugins) {
    if (Array.isArray(plugin)) {
      narrowDocgen(plugin);
      continue;
    }
    const candidate = plugin as Plugin | null;
    if (candidate?.name !== 'storybook:react-docgen-plugin' || typeof candidate.transform !== 'function') continue;
    const transform = candidate.transform;
    candidate.transform = function (code, id, options) {
      return DOCGEN_FILES.test(id.split('?')[0] ?? id) ? transform.call(this, code, id, options) : undefined;
    };
  }
}

/**
 * What the first story needs, transformed while the browser is still on its way (Vite's warm-up):
 * the preview (decorators, the whole kit) and the Playground, the first story in the sidebar.
 */
const WARMUP_FILES = ['./.storybook/preview.tsx', './stories/playground/Playground.stories.tsx'];

/**
 * `storybook dev` only: the dependency optimizer writes no source maps. On a cold start Vite
 * pre-bundles about 7 MB of dependencies (Storybook's preview runtime and docs blocks, React, the
 * SDK) before the first story can load, and their maps were another 11 MB to generate and write.
 * The kit's own files keep their source maps; stepping into a pre-bundled dependency in the
 * browser's debugger shows the bundled code.
 */
const noDependencySourceMaps: Rolldown.Plugin = {
  name: 'membrane-storybook:no-dependency-source-maps',
  outputOptions: (options) => ({ ...options, sourcemap: false }),
};

const config: StorybookConfig = {
  framework: {
    name: '@storybook/react-vite',
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Change detection (the sidebar's "changed since the last commit" marks) runs git and parses
  // every story's import graph right at start, on the two cores the first page load needs.
  // Storybook's own "Get started" checklist is about writing stories, not about this kit: it would be
  // the first thing a newcomer reads in our sidebar.
  features: { changeDetection: false, sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  async viteFinal(viteConfig, { configType }) {
    const { mergeConfig } = await import('vite');
    const staticBuild = configType === 'PRODUCTION';
    narrowDocgen(viteConfig.plugins ?? []);
    return mergeConfig(viteConfig, {
      // The dev server (and the Vitest run of the stories) mounts the real emulators, loaded once
      // the server is up (.storybook/lazyEmulators.ts); a static build answers the same URLs in the
      // browser through MSW.
      plugins: [staticBuild ? staticEmulatorModule() : lazyEmulators()],
      define: { __MEMBRANE_EMULATOR_MODE__: JSON.stringify(staticBuild ? 'msw' : 'server') },
      ...(staticBuild || process.env.VITEST
        ? {}
        : {
            server: { warmup: { clientFiles: WARMUP_FILES } },
            // No dependency scan: the optimizer pre-bundles a known list (previewDependencies.ts,
            // kept complete by test/node/storybook-preview-dependencies.test.ts) as soon as the
            // server is created, while Storybook is still starting, instead of first crawling every
            // story and MDX file after the URL is printed.
            optimizeDeps: {
              noDiscovery: true,
              include: PREVIEW_DEPENDENCIES,
              rolldownOptions: { plugins: [noDependencySourceMaps] },
            },
          }),
    });
  },
};

export default config;
