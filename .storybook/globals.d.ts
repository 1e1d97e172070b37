/** Set by `.storybook/main.ts`: `'server'` when the emulator runs on the dev server, `'msw'` in a static build. */
declare const __MEMBRANE_EMULATOR_MODE__: 'server' | 'msw';
