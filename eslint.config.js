import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const restrictedPaths = [
  { name: 'radix-ui', message: "Import the primitive's own subpath, e.g. 'radix-ui/slot'." },
  {
    name: 'radix-ui/alert-dialog',
    message: 'Use ModalDialog (src/react/components/shared/ModalDialog.tsx, a native <dialog>): Radix AlertDialog brings ~13 kB gzip of focus-scope, dismissable-layer and react-remove-scroll.',
  },
  {
    name: 'radix-ui/dialog',
    message: 'Use ModalDialog (src/react/components/shared/ModalDialog.tsx, a native <dialog>): Radix Dialog brings ~13 kB gzip of focus-scope, dismissable-layer and react-remove-scroll.',
  },
];
const sdkPattern = {
  group: ['@integration-app/sdk', '@integration-app/sdk/*', '@membranehq/sdk', '@membranehq/sdk/*'],
  message:
    'Only the API seam (src/core/api) talks to Membrane or imports an SDK: use its types (src/core/api/types.ts), createMembraneApi, or an SDK adapter there.',
};
const integrationAppReactPattern = {
  group: ['@integration-app/react', '@integration-app/react/*'],
  message: 'Only src/integration-app-react (the membrane-react-kit/integration-app-react sub-path) imports @integration-app/react, an optional peer.',
};
const membranehqReactPattern = {
  group: ['@membranehq/react', '@membranehq/react/*'],
  message: 'Only src/membranehq-react (the membrane-react-kit/membranehq-react sub-path) imports @membranehq/react, an optional peer.',
};

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'coverage', 'node_modules', '!.storybook', '.storybook/public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The barrel re-exports every primitive: one import of it pulls the lazy dialogs back into the
    // main entry's initial chunk. And one seam to Membrane: only src/core/api imports an SDK. Each
    // of Membrane's React packages is an optional peer behind its own interop sub-path.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/core/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: restrictedPaths, patterns: [sdkPattern, integrationAppReactPattern, membranehqReactPattern] },
      ],
    },
  },
  {
    files: ['src/integration-app-react/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: restrictedPaths, patterns: [sdkPattern, membranehqReactPattern] }] },
  },
  {
    files: ['src/membranehq-react/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: restrictedPaths, patterns: [sdkPattern, integrationAppReactPattern] }] },
  },
  {
    files: ['src/core/api/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'radix-ui', message: "Import the primitive's own subpath, e.g. 'radix-ui/slot'." }] },
      ],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'src/emulator/cli.ts', 'test/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
