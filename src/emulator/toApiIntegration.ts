import { toApiConnection } from './toApiConnection.js';
import type { EmulatorConnection, EmulatorConnectionRecord, EmulatorIntegrationRecord } from './types.js';

/**
 * The API view of an integration (`GET /integrations/:idOrKey`): Membrane's `Integration` with
 * `authOptions` and, for a customer, its current `connection`.
 *
 * @example
 * ```ts
 * toApiIntegration(store.findIntegration('hubspot')!, connectionRecord).connection?.connected; // true
 * ```
 */
export function toApiIntegration(
  record: EmulatorIntegrationRecord,
  connection?: EmulatorConnectionRecord,
): Record<string, unknown> & { id: string; key: string; name: string; connection?: EmulatorConnection } {
  const defaultOption = record.authOptions[0];
  return {
    id: record.id,
    key: record.key,
    name: record.name,
    logoUri: record.logoUri,
    baseUri: record.baseUri,
    state: 'READY',
    errors: [],
    isTest: false,
    isDeactivated: false,
    connectorId: `c0de${record.id.slice(4)}`,
    connectorVersion: '1.0.0',
    ...(defaultOption ? { authType: defaultOption.type } : {}),
    authOptions: structuredClone(record.authOptions),
    hasMissingParameters: false,
    hasDocumentation: true,
    hasOperations: true,
    hasData: true,
    hasEvents: false,
    hasGlobalWebhooks: false,
    hasUdm: true,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(connection ? { connection: toApiConnection(connection) } : {}),
  };
}
