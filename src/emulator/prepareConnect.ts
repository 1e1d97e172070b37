import type { EmulatorStore } from './createEmulatorStore.js';
import { accountIdentityOf } from './accountIdentityOf.js';
import { currentConnectionOf } from './currentConnectionOf.js';
import { MembraneApiError } from './MembraneApiError.js';
import type { EmulatorAuthOption, EmulatorConnectionRecord, EmulatorCustomer, EmulatorDataSchema, EmulatorIntegrationRecord } from './types.js';
import { validateParameters } from './validateParameters.js';

/**
 * The input form schema of an auth option, read as the 0.28 SDK does (`inputSchema ?? ui.schema`,
 * membrane-sdk-0.28.md §3).
 *
 * @example
 * ```ts
 * optionSchema(integration.authOptions[0])?.required; // ['subdomain', 'email', 'apiToken']
 * ```
 */
export function optionSchema(option: EmulatorAuthOption): EmulatorDataSchema | undefined {
  return option.inputSchema ?? option.ui?.schema;
}

/** What a connect request asks for (popup payload, prebuilt UI form or `POST /connections`). */
export interface ConnectInput {
  /** Integration id or key; may be omitted when `connectionId` is given. */
  integration?: string;
  /** Reconnect this connection instead of creating one. */
  connectionId?: string;
  authOptionKey?: string;
  parameters?: unknown;
  name?: string;
  allowMultipleConnections?: boolean;
}

/** A validated connect request, ready for consent and then {@link commitConnect}. */
export interface PreparedConnect {
  integration: EmulatorIntegrationRecord;
  option: EmulatorAuthOption;
  customer: EmulatorCustomer;
  parameters: Record<string, unknown>;
  name: string;
  /** `meta` of a new connection: the account it signs in as (`meta.account`); none on reconnect. */
  meta?: Record<string, unknown>;
  /** The connection that Allow updates (reconnect, or single-connection mode); none: a new one. */
  target?: EmulatorConnectionRecord;
}

/**
 * Validates a connect request for a customer: the integration (or connection) exists and is the
 * customer's, the auth option exists, and the parameters fit the option's `inputSchema ?? ui.schema`. Throws a
 * {@link MembraneApiError} whose `data` is the `errorData` sent back to the SDK.
 *
 * @example
 * ```ts
 * const prepared = prepareConnect(store, customer, { integration: 'zendesk', parameters: { subdomain: 'acme', … } });
 * const connection = commitConnect(store, prepared);
 * ```
 */
export function prepareConnect(store: EmulatorStore, customer: EmulatorCustomer, input: ConnectInput): PreparedConnect {
  let existing: EmulatorConnectionRecord | undefined;
  if (input.connectionId) {
    existing = store.connections.get(input.connectionId);
    if (!existing || existing.userId !== customer.id || existing.archivedAt) {
      throw new MembraneApiError(404, `Connection "${input.connectionId}" not found for this customer.`);
    }
  }
  const integrationRef = input.integration ?? existing?.integrationId;
  if (!integrationRef) {
    throw new MembraneApiError(400, 'Say which app to connect: pass integrationId or integrationKey (or connectionId to reconnect).');
  }
  const integration = store.findIntegration(integrationRef);
  if (!integration) throw new MembraneApiError(404, `Integration "${integrationRef}" not found.`);
  if (existing && existing.integrationId !== integration.id) {
    throw new MembraneApiError(400, `Connection "${existing.id}" belongs to another integration than "${integrationRef}".`);
  }
  const optionKey = input.authOptionKey ?? existing?.authOptionKey;
  const option = optionKey
    ? integration.authOptions.find((candidate) => candidate.key === optionKey)
    : integration.authOptions[0];
  if (!option) {
    throw new MembraneApiError(
      400,
      `Auth option "${optionKey}" does not exist on ${integration.name}; use one of: ${integration.authOptions.map((o) => o.key).join(', ')}.`,
    );
  }
  const validation = validateParameters(optionSchema(option), input.parameters);
  if (!validation.ok) {
    const details = validation.problems.map(({ field, message }) => (field ? `"${field}" ${message}` : message)).join('; ');
    throw new MembraneApiError(400, `Invalid connection parameters for ${integration.name}: ${details}.`, {
      data: { problems: validation.problems },
    });
  }
  // Without allowMultipleConnections a connect re-authenticates the connection the integration shows.
  const target = existing ?? (input.allowMultipleConnections ? undefined : currentConnectionOf(store, customer.id, integration.id));
  const given = input.name?.trim();
  if (target) {
    return { integration, option, customer, parameters: validation.parameters, name: given || target.name, target };
  }
  // A connection made alongside others (allowMultipleConnections) is named after its account so
  // people can tell the accounts apart; a customer's only connection keeps the app's name.
  const siblings = store.findConnections({ userId: customer.id, integrationId: integration.id, includeArchived: true });
  const account = accountIdentityOf(integration, customer, validation.parameters, siblings);
  return {
    integration,
    option,
    customer,
    parameters: validation.parameters,
    name: given || (input.allowMultipleConnections ? account.label : integration.name),
    meta: { account: { email: account.email, domain: account.domain } },
  };
}

/**
 * Creates the connection of a prepared request, or updates its target (reconnect): credentials
 * replaced, `disconnected`, `error` and the 0.28 status fields (`state`, `clientAction`,
 * `isDefunct`, `errors`, `requestError`) cleared.
 *
 * @example
 * ```ts
 * const connection = commitConnect(store, prepareConnect(store, customer, { integration: 'hubspot' }));
 * ```
 */
export function commitConnect(store: EmulatorStore, prepared: PreparedConnect): EmulatorConnectionRecord {
  const { target } = prepared;
  if (target && store.connections.get(target.id)?.archivedAt === undefined && store.connections.has(target.id)) {
    return store.updateConnection(target.id, {
      name: prepared.name,
      authOptionKey: prepared.option.key,
      parameters: prepared.parameters,
      disconnected: false,
      error: undefined,
      revoked: undefined,
      // A reconnect repairs the 0.28 status too.
      state: undefined,
      clientAction: undefined,
      isDefunct: undefined,
      errors: undefined,
      requestError: undefined,
    });
  }
  return store.createConnection({
    name: prepared.name,
    userId: prepared.customer.id,
    integrationId: prepared.integration.id,
    authOptionKey: prepared.option.key,
    parameters: prepared.parameters,
    ...(prepared.meta ? { meta: prepared.meta } : {}),
  });
}
