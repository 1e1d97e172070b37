import { createContext } from 'react';
import type { MembraneKitLabels } from '../labels/defaultLabels.js';
import type { MembraneKit } from './createKit.js';

/** Theme of the kit's output: `system` follows `prefers-color-scheme`. */
export type MembraneKitTheme = 'light' | 'dark' | 'system';

/** What `MembraneKitProvider` gives its components. */
export interface KitContextValue {
  kit: MembraneKit;
  theme: MembraneKitTheme;
  unstyled: boolean;
  labels: MembraneKitLabels;
  /** Element the provider renders; dialogs and tooltips portal into it so they inherit its tokens. */
  portalContainer: HTMLElement | null;
}

export const KitContext = createContext<KitContextValue | null>(null);
KitContext.displayName = 'MembraneKitContext';

/**
 * The theme of the nearest element carrying the kit's tokens (a provider or an outer kit
 * component), so nested kit components do not become token roots themselves.
 */
export const ThemeScopeContext = createContext<MembraneKitTheme | null>(null);
ThemeScopeContext.displayName = 'MembraneKitThemeScope';
