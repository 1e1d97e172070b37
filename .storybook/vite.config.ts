import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Storybook's own Vite config: the project's vite.config.ts builds the library (lib mode,
// externals) and must not shape the Storybook site.
export default defineConfig({
  plugins: [react()],
});
