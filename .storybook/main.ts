import type { StorybookConfig } from '@storybook/react-vite';
import type { Plugin } from 'vite';

/** Where the demo emulator is mounted on the Storybook dev server (and answered by MSW in a static build). */
const EMULATOR_PATH = '/__membrane';

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
            `const base = new URL('.${EMULATOR_PATH}', window.location.href).href;`,
            'export const apiUri = base;',
            "export const uiUri = base + '/ui';",
            "export const tokenUrl = base + '/_emulator/token';",
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
    const { workspaces } = await import('./workspaces.js');
    const emulatorPlugins: Plugin[] = staticBuild
      ? [staticEmulatorModule()]
      : await Promise.all(
          Object.values(workspaces).map(async ({ path, seed }) =>
            (await import('../src/emulator/index.js')).membraneEmulator({ path, seed: seed() }),
          ),
        );
    return mergeConfig(viteConfig, {
      plugins: emulatorPlugins,
      define: { __MEMBRANE_EMULATOR_MODE__: JSON.stringify(staticBuild ? 'msw' : 'server') },
    });
  },
};

export default config;
