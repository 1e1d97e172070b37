import type { StorybookConfig } from '@storybook/react-vite';
import type { Plugin } from 'vite';
import { EMULATOR_WORKSPACE_KEY } from '../src/emulator/constants.js';
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

const config: StorybookConfig = {
  framework: {
    name: '@storybook/react-vite',
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig, { configType }) {
    const { mergeConfig } = await import('vite');
    const staticBuild = configType === 'PRODUCTION';
    // The dev server (and the Vitest run of the stories) mounts the real emulator; a static build
    // answers the same URLs in the browser through MSW.
    const emulatorPlugins: Plugin[] = staticBuild
      ? [staticEmulatorModule()]
      : await (async () => {
          const { membraneEmulator } = await import('../src/emulator/membraneEmulator.js');
          // The demo workspace comes first: its plugin answers `virtual:membrane-emulator` and prints the URLs.
          return Object.values(workspaces).map(({ path, seed }) =>
            membraneEmulator({ path, seed: seed(), quiet: path !== workspaces.demo.path }),
          );
        })();
    return mergeConfig(viteConfig, {
      plugins: emulatorPlugins,
      define: { __MEMBRANE_EMULATOR_MODE__: JSON.stringify(staticBuild ? 'msw' : 'server') },
    });
  },
};

export default config;
