import type { Decorator, StoryContext } from '@storybook/react-vite';
import { useMemo } from 'react';
import { action } from 'storybook/actions';
import { MembraneKitProvider } from '../src/index.js';
import { emulatorFetchToken, emulatorWorkspace } from './emulator.js';
import type { StoryTheme } from './StoryFrame.js';
import type { WorkspaceName } from './workspaces.js';

/** `parameters.membrane`: how a story reaches the emulator. */
export interface MembraneParameters {
  /** Wrap the story in `MembraneKitProvider` (default). `false` for drop-in stories that pass `fetchToken` to each component. */
  provider?: boolean;
  /** The emulator workspace (see `.storybook/workspaces.ts`); `demo` by default. */
  workspace?: WorkspaceName;
  /** `seeded`: the seed's customer "Acme Inc." with its connections (default); `story`: a customer of its own, named after the story. */
  customer?: 'seeded' | 'story';
  /** Lifetime in seconds of the tokens the story fetches. */
  tokenExpiresIn?: number;
  /** Replaces the emulator-backed `fetchToken`, e.g. to show a failing token endpoint. */
  fetchToken?: () => Promise<string>;
  /** Drop the kit's styles. */
  unstyled?: boolean;
}

/** What a story needs to talk to its emulator without a provider. */
export interface StoryKit {
  fetchToken: () => Promise<string>;
  apiUri: string;
  uiUri: string;
}

/** The `fetchToken`, `apiUri` and `uiUri` of a story, from its `parameters.membrane`. */
export function storyKit(context: Pick<StoryContext, 'id' | 'name' | 'parameters'>): StoryKit {
  const parameters = (context.parameters.membrane ?? {}) as MembraneParameters;
  const workspace = emulatorWorkspace(parameters.workspace);
  const fetchToken =
    parameters.fetchToken ??
    emulatorFetchToken({
      workspace: workspace.name,
      ...(parameters.customer === 'story' ? { customerId: `story-${context.id}`, name: `Story: ${context.name}` } : {}),
      ...(parameters.tokenExpiresIn === undefined ? {} : { expiresIn: parameters.tokenExpiresIn }),
    });
  return { fetchToken, apiUri: workspace.apiUri, uiUri: workspace.uiUri };
}

const onEvent = action('onEvent');

function KitProvider({ context, children }: { context: StoryContext; children: React.ReactNode }) {
  const parameters = (context.parameters.membrane ?? {}) as MembraneParameters;
  // One token source per story: re-renders (args, globals) must not look like a new backend.
  const kit = useMemo(() => storyKit(context), [context.id]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <MembraneKitProvider
      fetchToken={kit.fetchToken}
      apiUri={kit.apiUri}
      uiUri={kit.uiUri}
      theme={(context.globals.theme ?? 'light') as StoryTheme}
      unstyled={parameters.unstyled ?? false}
      onEvent={onEvent}
    >
      {children}
    </MembraneKitProvider>
  );
}

/** Wraps a story in `MembraneKitProvider`, connected to its emulator workspace, themed by the toolbar. */
export const withMembraneKit: Decorator = (Story, context) => {
  const parameters = (context.parameters.membrane ?? {}) as MembraneParameters;
  if (parameters.provider === false) return <Story />;
  return (
    <KitProvider key={context.id} context={context}>
      <Story />
    </KitProvider>
  );
};
