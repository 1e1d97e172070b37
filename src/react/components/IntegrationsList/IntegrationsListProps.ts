import type { MembraneConnection, MembraneIntegration } from '../../../core/api/types.js';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import type { ConnectionState } from '../../../core/state/getConnectionState.js';
import type { ConnectMode } from '../../events/MembraneKitEvent.js';
import type { KitProps } from '../../kit/KitProps.js';

/** Props of {@link IntegrationsList} (its `ref` is the root `<div>`). */
export interface IntegrationsListProps extends KitProps, Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** `custom` (default): the kit's connect dialog. `prebuilt`: Membrane's hosted UI, plus "Manage integrations". */
  mode?: ConnectMode;
  /** Called after a connection was created or repaired (confirmed with the API). */
  onConnected?: (connection: MembraneConnection, integration: MembraneIntegration) => void;
  /** Called after an integration was disconnected. */
  onDisconnected?: (integration: MembraneIntegration) => void;
  /**
   * Several accounts per app: under each integration, every connection of the customer as its own
   * row (label, status, Reconnect, Rename, Disconnect) and an "Add account" button that creates a
   * new connection even when one exists. Reads the connections with one shared request
   * (`GET /connections`, every page). Default `false`: one state per integration, as before.
   */
  allowMultipleConnections?: boolean;
  /**
   * Show only these integrations (keys or ids), in this order. Keys the workspace does not have are
   * reported once with `console.warn` in development builds, with the keys it has.
   */
  integrations?: readonly string[];
  /**
   * Values that prefill the custom connect form, by integration key:
   * `{ zendesk: { subdomain: 'acme' } }`. Only fields of the option's schema are used.
   */
  parameters?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * Prefilled fields the customer may not change, by integration key: `{ zendesk: ['subdomain'] }`.
   * They show read-only (`data-locked`) and are still submitted.
   */
  lockedParameters?: Readonly<Record<string, readonly string[]>>;
  /**
   * One line per integration key saying what your product will read and write:
   * `{ hubspot: 'Reads contacts and companies; writes notes.' }`. Shown in the connect dialog before
   * the customer continues; with a line, the dialog opens even where it would be skipped.
   */
  consent?: Readonly<Record<string, string>>;
  /** Integrations per page (`limit`). Default 50. */
  pageSize?: number;
  /** Show the search box. Default `true`. */
  searchable?: boolean;
  /** Delay before the search goes to the server, in ms (local filtering is instant). Default 300. */
  searchDebounceMs?: number;
  /**
   * Rows rendered at first, and added each time the end of the list scrolls into view (or "Show
   * more" is pressed). Filtering and server paging work on all loaded integrations; this only
   * bounds what is in the DOM. Default 30 (more than a screenful of rows).
   */
  renderBatchSize?: number;
  /**
   * Custom row markup: usually `IntegrationsList.Item` with its parts, or your own `<li>` (the
   * parts work inside it too). `state` includes connect flows running on the page.
   */
  renderItem?: (integration: MembraneIntegration, state: ConnectionState) => ReactNode;
}
