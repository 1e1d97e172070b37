import type { Preview } from '@storybook/react-vite';
// Not used here: Storybook's React renderer imports react-dom/client (about 800 KB) only when the
// first story renders, one more round trip after the preview and the story file have loaded.
// Importing it with the preview fetches and parses it in parallel with them instead.
import 'react-dom/client';
import '../src/styles/styles.css';
import '../stories/themes/sunrise.css';
import '../stories/themes/ledger.css';
import './preview.css';
import { emulatorReady } from './emulator.js';
import { StoryFrame, type StoryBrand, type StoryFrameProps, type StoryTheme } from './StoryFrame.js';
import { withMembraneKit } from './withMembraneKit.js';

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    // Any axe violation fails the story's test (and shows in the Accessibility panel).
    a11y: { test: 'error' },
    options: {
      storySort: {
        order: ['Docs', ['Getting started', 'Theming', 'Custom flow', 'Offline development', 'Migrating from @integration-app/react'], 'Playground', 'Components'],
      },
    },
  },
  globalTypes: {
    theme: {
      description: 'The kit theme (MembraneKitProvider `theme`)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'system', title: 'System', icon: 'browser' },
        ],
        dynamicTitle: true,
      },
    },
    brand: {
      description: 'A brand token set: only --mk-* variables (stories/themes)',
      toolbar: {
        title: 'Brand',
        icon: 'paintbrush',
        items: [
          { value: 'kit', title: 'Kit defaults' },
          { value: 'sunrise', title: 'Sunrise: rounded, colourful' },
          { value: 'ledger', title: 'Ledger: square, monochrome' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', brand: 'kit', dir: 'ltr' },
  loaders: [
    async () => {
      await emulatorReady();
      return {};
    },
  ],
  decorators: [
    withMembraneKit,
    (Story, context) => (
      <StoryFrame
        theme={(context.globals.theme ?? 'light') as StoryTheme}
        brand={(context.globals.brand ?? 'kit') as StoryBrand}
        dir={context.globals.dir === 'rtl' ? 'rtl' : 'ltr'}
        layout={(context.parameters.frame ?? 'padded') as StoryFrameProps['layout']}
        ownsDocument={context.viewMode === 'story'}
      >
        <Story />
      </StoryFrame>
    ),
  ],
};

export default preview;
