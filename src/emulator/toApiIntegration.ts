import { toApiConnection } from './toApiConnection.js';
import type { EmulatorConnection, EmulatorConnectionRecord, EmulatorIntegrationRecord } from './types.js';

/**
 * The emulated connector id of an integration (Membrane integrations point at a connector).
 *
 * @example
 * ```ts
 * connectorIdOf(store.findIntegration('hubspot')!); // 'c0de…'
 * ```
 */
export function connectorIdOf(record: Pick<EmulatorIntegrationRecord, 'id'>): string {
  return `c0de${record.id.slice(4)}`;
}

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
    connectorId: connectorIdOf(record),
    connectorVersion: '1.0.0',
    ...(defaultOption ? { authType: defaultOption.type } : {}),
    // 0.28 reads `inputSchema ?? ui.schema`; both are sent.
    authOptions: record.authOptions.map((option) => {
      const schema = option.inputSchema ?? option.ui?.schema;
      return structuredClone(schema ? { ...option, inputSchema: schema } : option);
    }),
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
