import { useEffect, useMemo } from 'react';
import type { MembraneIntegration } from '../../../core/api/types.js';

/** Development builds only: bundlers replace `process.env.NODE_ENV`; without one (plain ESM in a browser) it stays quiet. */
function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}

const reported = new Set<string>();

/**
 * Reports, once per page and set of keys, the keys of `<IntegrationsList integrations>` that the
 * workspace does not have, with the keys it has (development builds only).
 */
function reportUnknown(unknown: readonly string[], available: readonly string[]): void {
  const id = unknown.join('\u0000');
  if (reported.has(id) || !isDevelopment()) return;
  reported.add(id);
  console.warn(
    `membrane-react-kit: <IntegrationsList integrations> names ${unknown.map((key) => `"${key}"`).join(', ')}, which this workspace does not have; ` +
      `check the keys. Available: ${available.join(', ') || '(none)'}.`,
  );
}

/**
 * The list's integrations scoped to `keys` (integration keys or ids), in the order of `keys`; all of
 * them when `keys` is undefined. Once every page is loaded (`complete`) and no search narrows the
 * list, keys the workspace lacks are reported with `console.warn` in development.
 *
 * @example
 * ```ts
 * const shown = useScopedIntegrations(matches, ['hubspot', 'salesforce'], { complete: !query.hasNextPage, searching: false });
 * ```
 */
export function useScopedIntegrations(
  integrations: MembraneIntegration[],
  keys: readonly string[] | undefined,
  { complete, searching }: { complete: boolean; searching: boolean },
): MembraneIntegration[] {
  const scoped = useMemo(() => {
    if (!keys) return integrations;
    const byKey = new Map<string, MembraneIntegration>();
    for (const integration of integrations) {
      byKey.set(integration.key, integration);
      if (integration.id) byKey.set(integration.id, integration);
    }
    const seen = new Set<MembraneIntegration>();
    const out: MembraneIntegration[] = [];
    for (const key of keys) {
      const found = byKey.get(key);
      if (found && !seen.has(found)) {
        seen.add(found);
        out.push(found);
      }
    }
    return out;
  }, [integrations, keys]);

  const unknown = useMemo(() => {
    if (!keys || !complete || searching) return [];
    const known = new Set(integrations.flatMap((integration) => (integration.id ? [integration.key, integration.id] : [integration.key])));
    return keys.filter((key) => !known.has(key));
  }, [integrations, keys, complete, searching]);
  const unknownId = unknown.join('\u0000');
  useEffect(() => {
    if (unknown.length > 0) reportUnknown(unknown, integrations.map((integration) => integration.key));
    // Reported per distinct set of unknown keys, not per render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unknownId]);
  return scoped;
}

/** Forgets what was reported (tests). */
export function resetScopedIntegrationWarnings(): void {
  reported.clear();
}
