import type { MembraneConnection, MembraneIntegration } from '../../../core/api/types.js';
import { createContext, useContext, type RefObject } from 'react';
import type { KitError } from '../../../core/errors/KitError.js';
import type { ConnectionDetails, ConnectionState } from '../../../core/state/getConnectionState.js';
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
  /** Each integration's connections are rows of their own, with "Add account". */
  allowMultipleConnections?: boolean;
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

/** With `allowMultipleConnections`: the customer's live connections by integration id and by key, oldest first. */
export const IntegrationsListConnectionsContext = createContext<ReadonlyMap<string, readonly MembraneConnection[]> | null>(null);

/** One connection row: the connection, its state from the connection model, and the label it shows. */
export interface IntegrationsListConnectionValue {
  connection: MembraneConnection;
  details: ConnectionDetails;
  /** The connection's `name` (the account it signed in as), else the integration's name. */
  label: string;
  /** The name is being edited in place (the Rename button was pressed). */
  renaming: boolean;
  /** Opens or closes the name field; closing with `returnFocus` puts focus back on the Rename button. */
  setRenaming: (renaming: boolean, options?: { returnFocus?: boolean }) => void;
  /** The Rename button, given back the focus after a save or cancel. */
  renameButtonRef: RefObject<HTMLButtonElement | null>;
  /** Saves a new (valid) name: shown at once everywhere, the old one back if Membrane refuses. */
  rename: (name: string) => void;
  /** Why the last rename was refused (cleared when the field opens again). */
  renameError: KitError | null;
}

export const IntegrationsListConnectionContext = createContext<IntegrationsListConnectionValue | null>(null);

/** The connections of a row's integration (empty without `allowMultipleConnections`). */
export function useRowConnections(integration: MembraneIntegration): readonly MembraneConnection[] {
  const byIntegration = useContext(IntegrationsListConnectionsContext);
  return (byIntegration && ((integration.id && byIntegration.get(integration.id)) || byIntegration.get(integration.key))) || NO_CONNECTIONS;
}
const NO_CONNECTIONS: readonly MembraneConnection[] = [];

/** The list, row and connection a connection part is rendered in; a clear error outside them. */
export function useConnectionPart(part: string): {
  list: IntegrationsListContextValue;
  row: IntegrationsListRowValue;
  item: IntegrationsListConnectionValue;
} {
  const { list, row } = useListPart(part);
  const item = useContext(IntegrationsListConnectionContext);
  if (!item) {
    throw new Error(`membrane-react-kit: <IntegrationsList.${part}> must be rendered inside <IntegrationsList.Connection>.`);
  }
  return { list, row, item };
}
