import type { EmulatorSeed } from '../types.js';
import { seedIntegrations } from './seedIntegrations.js';

/**
 * Token `id` of the seed workspace's default customer.
 *
 * @example
 * ```ts
 * import { DEFAULT_CUSTOMER_ID, EMULATOR_WORKSPACE_KEY, EMULATOR_WORKSPACE_SECRET } from 'membrane-react-kit/emulator';
 * import { createMembraneToken } from 'membrane-react-kit/server';
 *
 * // A token for the customer who owns the seed's HubSpot, Salesforce and Slack connections.
 * const token = await createMembraneToken(
 *   { workspaceKey: EMULATOR_WORKSPACE_KEY, workspaceSecret: EMULATOR_WORKSPACE_SECRET },
 *   { customer: { id: DEFAULT_CUSTOMER_ID } },
 * );
 * ```
 */
export const DEFAULT_CUSTOMER_ID = 'demo-customer';

/**
 * The default workspace: 16 apps, the customer `demo-customer` ("Acme Inc.") and three of its
 * connections, one per state: HubSpot connected, Salesforce disconnected, Slack in error.
 * Returns a fresh copy every time, so stores never share mutable data.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ seed: createDefaultSeed() });
 * ```
 */
export function createDefaultSeed(): EmulatorSeed {
  const customerId = '65a1f0c2d4e5f60718293b01';
  const seededAt = '2025-01-15T09:30:00.000Z';
  return structuredClone<EmulatorSeed>({
    integrations: seedIntegrations,
    defaultCustomer: { id: DEFAULT_CUSTOMER_ID, name: 'Acme Inc.', fields: { plan: 'pro' } },
    customers: [
      {
        id: customerId,
        internalId: DEFAULT_CUSTOMER_ID,
        name: 'Acme Inc.',
        fields: { plan: 'pro' },
        createdAt: seededAt,
      },
    ],
    connections: [
      {
        id: '65a1f0c2d4e5f60718293c01',
        name: 'HubSpot',
        userId: customerId,
        integrationId: '65a1f0c2d4e5f60718293a01',
        authOptionKey: 'oauth2',
        parameters: {},
        disconnected: false,
        createdAt: seededAt,
        updatedAt: seededAt,
      },
      {
        id: '65a1f0c2d4e5f60718293c02',
        name: 'Salesforce',
        userId: customerId,
        integrationId: '65a1f0c2d4e5f60718293a02',
        authOptionKey: 'oauth2',
        parameters: { environment: 'production' },
        disconnected: true,
        createdAt: seededAt,
        updatedAt: '2025-02-03T16:12:00.000Z',
      },
      {
        id: '65a1f0c2d4e5f60718293c03',
        name: 'Slack',
        userId: customerId,
        integrationId: '65a1f0c2d4e5f60718293a03',
        authOptionKey: 'oauth2',
        parameters: {},
        disconnected: true,
        revoked: true,
        error: {
          type: 'connection',
          key: 'access_token_revoked',
          message: 'The access token was revoked by the user',
        },
        createdAt: seededAt,
        updatedAt: '2025-02-10T08:45:00.000Z',
      },
    ],
  });
}
