import { useEffect } from 'react';
import type { MembraneKit } from './createKit.js';

/**
 * Keeps the kit's `/sse/workspace` stream open while the calling component is mounted, so a
 * connection changed elsewhere (another tab, the hosted UI, the app's backend) refreshes it. Every
 * component of a kit shares one stream; the kit's `live` option turns it off. The kit's own hooks
 * (`useIntegrations`, `useIntegration`, `useConnectionState`) already call it.
 *
 * @example
 * ```tsx
 * function MyConnectionsTable() {
 *   const { kit } = useKit({}, 'MyConnectionsTable');
 *   useLiveUpdates(kit);
 *   const { data } = useQuery(connectionsQueryOptions(kit.api), kit.queryClient);
 *   return <Table rows={data?.items ?? []} />;
 * }
 * ```
 */
export function useLiveUpdates(kit: Pick<MembraneKit, 'liveUpdates'>): void {
  const { liveUpdates } = kit;
  useEffect(() => liveUpdates.retain(), [liveUpdates]);
}
