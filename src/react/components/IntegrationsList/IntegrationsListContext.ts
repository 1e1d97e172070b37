import type { Connection, Integration } from '@integration-app/sdk';
import { createContext, useContext } from 'react';
import type { ConnectMode } from '../../events/MembraneKitEvent.js';
import type { KitProps } from '../../kit/KitProps.js';
import type { ResolvedKit } from '../../kit/useKit.js';

/** What the list gives its parts. */
export interface IntegrationsListContextValue {
  kit: ResolvedKit;
  kitProps: KitProps;
  mode: ConnectMode;
  onConnected?: (connection: Connection, integration: Integration) => void;
  onDisconnected?: (integration: Integration) => void;
}

export const IntegrationsListContext = createContext<IntegrationsListContextValue | null>(null);
export const IntegrationsListItemContext = createContext<Integration | null>(null);

/** The list and row a part is rendered in; a clear error when a part is used outside them. */
export function useListPart(part: string): { list: IntegrationsListContextValue; integration: Integration } {
  const list = useContext(IntegrationsListContext);
  const integration = useContext(IntegrationsListItemContext);
  if (!list || !integration) {
    throw new Error(`membrane-react-kit: <IntegrationsList.${part}> must be rendered inside <IntegrationsList.Item> (in renderItem).`);
  }
  return { list, integration };
}
