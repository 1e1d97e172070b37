import { useEffect, useMemo } from 'react';
import type { MembraneConnection } from '../../../core/api/types.js';
import { useConnectionsForKit } from '../../hooks/useConnections.js';
import type { MembraneKit } from '../../kit/createKit.js';

const createdAt = (connection: MembraneConnection) => Date.parse(connection.createdAt ?? '') || 0;

/**
 * With `allowMultipleConnections`: the customer's live connections from ONE shared query (every
 * page), grouped by integration id and by key, oldest first (a new account joins at the end).
 * Idle (no request) otherwise.
 *
 * @internal Used by `IntegrationsList`.
 * @example
 * ```ts
 * const byIntegration = useConnectionsByIntegration(kit, allowMultipleConnections);
 * byIntegration?.get(integration.id);
 * ```
 */
export function useConnectionsByIntegration(kit: MembraneKit, enabled: boolean): ReadonlyMap<string, readonly MembraneConnection[]> | null {
  const { connections } = useConnectionsForKit(kit, {}, { enabled });
  return useMemo(() => {
    if (!enabled) return null;
    const groups = new Map<string, MembraneConnection[]>();
    const add = (key: string | undefined, connection: MembraneConnection) => {
      if (!key) return;
      const group = groups.get(key) ?? [];
      if (!group.includes(connection)) group.push(connection);
      groups.set(key, group);
    };
    const live = connections.filter((connection) => !connection.archivedAt).sort((a, b) => createdAt(a) - createdAt(b));
    for (const connection of live) {
      add(connection.integrationId ?? connection.integration?.id, connection);
      add(connection.integration?.key, connection);
    }
    return groups;
  }, [connections, enabled]);
}

/**
 * Mounted by the list only with `allowMultipleConnections`: reads the connections and hands the
 * grouped map up, so a list without the prop has no connections query observer at all.
 *
 * @internal Rendered by `IntegrationsList`.
 * @example
 * ```tsx
 * {allowMultipleConnections ? <IntegrationsListConnectionsLoader kit={kit} onChange={setByIntegration} /> : null}
 * ```
 */
export function IntegrationsListConnectionsLoader({
  kit,
  onChange,
}: {
  kit: MembraneKit;
  onChange: (byIntegration: ReadonlyMap<string, readonly MembraneConnection[]> | null) => void;
}): null {
  const byIntegration = useConnectionsByIntegration(kit, true);
  useEffect(() => onChange(byIntegration), [byIntegration, onChange]);
  useEffect(() => () => onChange(null), [onChange]);
  return null;
}
