import { normalizeConnection } from './normalizeConnection.js';
import { asIdentifier, asRecord, asText, keepTyped, KNOWN_ELEMENT_STATES } from './normalizeFields.js';
import type { MembraneAuthOption, MembraneIntegration } from './types.js';

/**
 * An integration from Membrane's API as the kit's components can render it without a type check:
 * `name` a string (a number as text; missing: the `key`, else the `id`), `key` a string (missing:
 * the `id`, which every `/integrations/{keyOrId}` route accepts), `id` a string or absent (list
 * items may lack it, membrane-sdk-0.28.md §3), `logoUri` a string or absent, `state` one of
 * Membrane's known values or absent, `authOptions` an array of objects or absent, `connection`
 * normalised by {@link normalizeConnection}. Other fields pass through. Never throws: a value that
 * is not an object, or has neither `id` nor `key`, is `undefined` (a list drops it).
 *
 * @example
 * ```ts
 * normalizeIntegration({ id: 'i1', key: 'hubspot', name: 42 }); // { id: 'i1', key: 'hubspot', name: '42' }
 * normalizeIntegration({ name: 'No id, no key' }); // undefined
 * ```
 */
export function normalizeIntegration(value: unknown): MembraneIntegration | undefined {
  const source = asRecord(value);
  if (!source) return undefined;
  const id = asIdentifier(source.id);
  const key = asIdentifier(source.key) ?? id;
  if (key === undefined) return undefined;
  const integration: Record<string, unknown> = { ...source, key, name: asText(source.name) ?? key };
  if (id === undefined) delete integration.id;
  else integration.id = id;
  keepTyped(integration, 'string', 'logoUri', 'authType');
  keepTyped(integration, 'boolean', 'isDeactivated');
  if (typeof source.state !== 'string' || !KNOWN_ELEMENT_STATES.has(source.state)) delete integration.state;
  const connection = normalizeConnection(source.connection);
  if (connection) integration.connection = connection;
  else delete integration.connection;
  if (Array.isArray(source.authOptions)) {
    integration.authOptions = source.authOptions.filter((option): option is MembraneAuthOption => asRecord(option) !== undefined);
  } else delete integration.authOptions;
  return integration as unknown as MembraneIntegration;
}
