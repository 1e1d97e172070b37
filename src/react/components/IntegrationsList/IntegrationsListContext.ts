import type { MembraneConnection, MembraneIntegration } from '../../../core/api/types.js';
import { createContext, useContext } from 'react';
import type { ConnectionState } from '../../../core/state/getConnectionState.js';
import type { ConnectMode } from '../../events/MembraneKitEvent.js';
import type { KitProps } from '../../kit/KitProps.js';
import type { ResolvedKit } from '../../kit/useKit.js';

/** What the list gives its parts. */
export interface IntegrationsListContextValue {
  kit: ResolvedKit;
  kitProps: KitProps;
  mode: ConnectMode;
  onConnected?: (connection: MembraneConnection, integration: MembraneIntegration) => void;
  onDisconnected?: (integration: MembraneIntegration) => void;
}

/** The row a part is rendered in: its integration and connection state (pending connects included). */
export interface IntegrationsListRowValue {
  integration: MembraneIntegration;
  state: ConnectionState;
}

export const IntegrationsListContext = createContext<IntegrationsListContextValue | null>(null);
export const IntegrationsListItemContext = createContext<IntegrationsListRowValue | null>(null);

/** The list and row a part is rendered in; a clear error when a part is used outside them. */
export function useListPart(part: string): { list: IntegrationsListContextValue; row: IntegrationsListRowValue } {
  const list = useContext(IntegrationsListContext);
  const row = useContext(IntegrationsListItemContext);
  if (!list || !row) {
    throw new Error(
      `membrane-react-kit: <IntegrationsList.${part}> must be rendered in a row of <IntegrationsList> (inside renderItem or <IntegrationsList.Item>).`,
    );
  }
  return { list, row };
}
