import { asIdentifier, asRecord, asText, keepTyped, KNOWN_ELEMENT_STATES } from './normalizeFields.js';
import { normalizeErrorData } from './normalizeErrorData.js';
import type { MembraneConnection } from './types.js';

/**
 * A connection from Membrane's API as the kit's components can render it without a type check:
 * `id` a string; `name`, dates, `integrationId`, `authOptionKey` strings or absent; `connected`,
 * `disconnected`, `isDefunct` booleans or absent; `state` one of Membrane's known values or
 * absent; `errors` an array of `{ message: string }` (anything else is dropped); `requestError` and
 * the legacy `error` error objects (a bare string becomes `{ message }`); `clientAction`,
 * `integration`, `input` and `parameters` objects. Other fields pass through. Never throws: a
 * value that is not an object, or has no usable `id`, is `undefined`.
 *
 * @example
 * ```ts
 * normalizeConnection({ id: 'c1', errors: { message: 'x' }, state: 7 }); // { id: 'c1' }
 * normalizeConnection({ name: 'no id' }); // undefined
 * ```
 */
export function normalizeConnection(value: unknown): MembraneConnection | undefined {
  const source = asRecord(value);
  const id = asIdentifier(source?.id);
  if (!source || id === undefined) return undefined;
  const connection: Record<string, unknown> = { ...source, id };
  const name = asText(source.name);
  if (name === undefined) delete connection.name;
  else connection.name = name;
  keepTyped(connection, 'string', 'integrationId', 'userId', 'authOptionKey', 'createdAt', 'updatedAt', 'archivedAt');
  keepTyped(connection, 'boolean', 'connected', 'disconnected', 'isDefunct');
  if (typeof source.state !== 'string' || !KNOWN_ELEMENT_STATES.has(source.state)) delete connection.state;
  connection.errors = Array.isArray(source.errors) ? source.errors.map(normalizeErrorData).filter((error) => error !== undefined) : undefined;
  connection.requestError = normalizeErrorData(source.requestError);
  connection.error = normalizeErrorData(source.error);
  const clientAction = asRecord(source.clientAction);
  if (clientAction) {
    const action: Record<string, unknown> = { ...clientAction };
    keepTyped(action, 'string', 'type', 'description', 'uiUrl');
    connection.clientAction = action;
  } else delete connection.clientAction;
  const integration = asRecord(source.integration);
  if (integration) {
    const nested: Record<string, unknown> = { ...integration };
    keepTyped(nested, 'string', 'id', 'key', 'name', 'logoUri');
    connection.integration = nested;
  } else delete connection.integration;
  for (const field of ['input', 'parameters']) {
    if (field in source && !asRecord(source[field])) delete connection[field];
  }
  for (const field of ['errors', 'requestError', 'error']) {
    if (connection[field] === undefined) delete connection[field];
  }
  return connection as unknown as MembraneConnection;
}
