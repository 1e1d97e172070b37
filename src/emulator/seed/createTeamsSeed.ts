import type { EmulatorSeed } from '../types.js';
import { createDefaultSeed } from './createDefaultSeed.js';

/**
 * The demo apps with "Acme Inc." holding two HubSpot accounts: "HubSpot · acme.com
 * (jane@acme.com)", connected, and "HubSpot · acme-eu.com (ops@acme-eu.com)", which needs a new
 * sign-in (`CLIENT_ACTION_REQUIRED`, clientAction `connect`). Salesforce (disconnected) and
 * Slack (in error) stay as in the default seed. Each account carries its identity in
 * `meta.account`. Returns a fresh copy every time.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ seed: createTeamsSeed() });
 * ```
 */
export function createTeamsSeed(): EmulatorSeed {
  const seed = createDefaultSeed();
  const hubspot = seed.connections.find((connection) => connection.name === 'HubSpot');
  if (!hubspot) throw new Error('The default seed has no HubSpot connection to split into two accounts.');
  const others = seed.connections.filter((connection) => connection !== hubspot);
  return {
    ...seed,
    connections: [
      {
        ...hubspot,
        name: 'HubSpot · acme.com (jane@acme.com)',
        meta: { account: { email: 'jane@acme.com', domain: 'acme.com' } },
        updatedAt: '2025-03-02T10:00:00.000Z',
      },
      {
        ...hubspot,
        id: '65a1f0c2d4e5f60718293c11',
        name: 'HubSpot · acme-eu.com (ops@acme-eu.com)',
        meta: { account: { email: 'ops@acme-eu.com', domain: 'acme-eu.com' } },
        state: 'CLIENT_ACTION_REQUIRED',
        clientAction: { type: 'connect', description: 'HubSpot signed ops@acme-eu.com out. Sign in again to resume syncing.' },
        createdAt: '2025-02-01T08:00:00.000Z',
        updatedAt: '2025-03-05T07:30:00.000Z',
      },
      ...others,
    ],
  };
}
