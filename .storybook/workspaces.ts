import { createDefaultSeed } from '../src/emulator/seed/createDefaultSeed.js';
import { createTeamsSeed } from '../src/emulator/seed/createTeamsSeed.js';
import type { EmulatorSeed } from '../src/emulator/types.js';

/**
 * The emulator workspaces behind the stories. Each one is its own emulator instance (own store,
 * own faults) mounted under its own path, so a story that slows the network, breaks a request or
 * resets its data never touches the stories next to it, even on a docs page that renders them all.
 * `storybook dev` mounts them with the emulator's Vite plugin; a static build answers the same
 * paths in the browser with the emulator's MSW handlers.
 */
export const workspaces = {
  /** The seeded demo workspace: 16 apps; customer "Acme Inc." with HubSpot connected, Salesforce disconnected, Slack in error. */
  demo: { path: '/__membrane', seed: createDefaultSeed },
  /** No apps at all: the list's empty state. */
  empty: { path: '/__membrane-empty', seed: createEmptySeed },
  /** 1,000 apps (every seventh without a logo). */
  catalog: { path: '/__membrane-catalog', seed: createCatalogSeed },
  /** Names a layout must survive (long words, long sentences, right-to-left and CJK scripts) and apps without logos. */
  edge: { path: '/__membrane-edge', seed: createEdgeSeed },
  /** The demo data behind a slow network (latency set by the story). */
  slow: { path: '/__membrane-slow', seed: createDefaultSeed },
  /** The demo data with requests that fail until the story clears the fault. */
  flaky: { path: '/__membrane-flaky', seed: createDefaultSeed },
  /** Reset before each interactive story: connect and disconnect flows start from the seed every time. */
  sandbox: { path: '/__membrane-sandbox', seed: createDefaultSeed },
  /** Every Membrane 0.28 connection state at once (see createStatesSeed), for the connection-model stories. */
  states: { path: '/__membrane-states', seed: createStatesSeed },
  /** Several accounts of one app (see createTeamsSeed): "Acme Inc." with two HubSpot accounts, one healthy, one needing a new sign-in. */
  teams: { path: '/__membrane-teams', seed: createTeamsSeed },
} as const satisfies Record<string, { path: string; seed: () => EmulatorSeed }>;

/** The name of an emulator workspace. */
export type WorkspaceName = keyof typeof workspaces;

/**
 * The demo apps, with "Acme Inc." holding one connection per Membrane 0.28 state
 * (membrane-sdk-0.28.md §3): HubSpot needs a new sign-in (CLIENT_ACTION_REQUIRED, connect),
 * Salesforce needs more input (provide-input), Slack is being set up (BUILDING), Google Sheets is
 * being disconnected (DISCONNECTING), GitHub is connected but its last request failed
 * (requestError), Notion is defunct, Trello failed its setup (SETUP_FAILED with an error).
 */
export function createStatesSeed(): EmulatorSeed {
  const seed = createDefaultSeed();
  const customer = seed.customers[0];
  if (!customer) throw new Error('The default seed has no customer to give the connections to.');
  const at = '2025-04-01T09:00:00.000Z';
  const connection = (key: string, index: number, status: Partial<EmulatorSeed['connections'][number]>): EmulatorSeed['connections'][number] => {
    const integration = seed.integrations.find((candidate) => candidate.key === key);
    if (!integration?.authOptions[0]) throw new Error(`The default seed has no app "${key}" with an auth option.`);
    return {
      id: `57a7e5000000000000000c${index.toString(16).padStart(2, '0')}`,
      name: integration.name,
      userId: customer.id,
      integrationId: integration.id,
      authOptionKey: integration.authOptions[0].key,
      parameters: {},
      disconnected: false,
      createdAt: at,
      updatedAt: at,
      ...status,
    };
  };
  return {
    ...seed,
    connections: [
      connection('hubspot', 1, { state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'connect', description: 'HubSpot signed you out. Sign in again to resume syncing.' } }),
      connection('salesforce', 2, {
        state: 'CLIENT_ACTION_REQUIRED',
        clientAction: { type: 'provide-input', description: 'Choose the Salesforce environment to sync with.' },
      }),
      connection('slack', 3, { state: 'BUILDING' }),
      connection('google-sheets', 4, { state: 'DISCONNECTING' }),
      connection('github', 5, { requestError: { type: 'connection', message: 'GitHub answered 429: API rate limit exceeded.' } }),
      connection('notion', 6, { isDefunct: true }),
      connection('trello', 7, { state: 'SETUP_FAILED', errors: [{ type: 'connection', message: 'Trello rejected the webhook subscription.' }] }),
    ],
  };
}

function createEmptySeed(): EmulatorSeed {
  return { ...createDefaultSeed(), integrations: [], connections: [] };
}

const brands = [
  'Nimbus', 'Atlas', 'Quill', 'Harbor', 'Lumen', 'Orbit', 'Cobalt', 'Juniper', 'Vertex', 'Maple',
  'Pioneer', 'Summit', 'Beacon', 'Cascade', 'Falcon', 'Meridian', 'Granite', 'Willow', 'Zephyr', 'Ember',
  'Horizon', 'Keystone', 'Lattice', 'Northwind', 'Sable',
];
const products = [
  'CRM', 'Desk', 'Books', 'Analytics', 'Mail', 'Drive', 'Chat', 'Projects', 'HR', 'Payroll',
  'Invoices', 'Calendar', 'Forms', 'Wiki', 'Tickets', 'Signals', 'Ledger', 'Inventory', 'Campaigns', 'Docs',
  'Surveys', 'Scheduler', 'Sales', 'Support', 'Boards', 'Recruit', 'Expenses', 'Catalog', 'Voice', 'Sites',
  'Shipping', 'Contracts', 'Insights', 'Pipelines', 'Events', 'Assets', 'Billing', 'Notes', 'Tasks', 'Sync',
];
const palette = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626', '#4d7c0f', '#9333ea', '#0f766e'];

/** Names a design has to survive: long words, long sentences, non-Latin scripts. */
const awkwardNames = [
  'Enterprise Resource Planning Suite for Global Manufacturing and Distribution (EMEA)',
  'Supercalifragilisticexpialidocious-Customer-Data-Platform-Connector',
  'Société Générale de Gestion des Relations Clientèle',
  'Kundenbeziehungsmanagementplattform',
  'مدير علاقات العملاء',
  '顧客管理クラウド',
];

function letterLogo(color: string, letter: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="9" fill="${color}"/>` +
    `<text x="20" y="26.5" font-family="Arial, sans-serif" font-size="18" font-weight="700" fill="#fff" text-anchor="middle">${letter}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function createCatalogSeed(): EmulatorSeed {
  const seed = createDefaultSeed();
  const template = seed.integrations[0];
  if (!template) throw new Error('The default seed has no integration to copy auth options from.');
  const generated: EmulatorSeed['integrations'] = [];
  for (let index = 0; generated.length + seed.integrations.length < 1000; index += 1) {
    const name = `${brands[index % brands.length]} ${products[Math.floor(index / brands.length) % products.length]}`;
    const key = `catalog-${String(index + 1).padStart(4, '0')}`;
    generated.push({
      id: `c0ffee${(index + 1).toString(16).padStart(18, '0')}`,
      key,
      name,
      // Every seventh app has no logo at all: the kit must show its fallback, not a broken image.
      logoUri: index % 7 === 3 ? '' : letterLogo(palette[index % palette.length] ?? '#2563eb', name.charAt(0).toUpperCase()),
      baseUri: `https://api.${key}.example`,
      appUri: `https://${key}.example`,
      authOptions: structuredClone(template.authOptions),
    });
  }
  return { ...seed, integrations: [...seed.integrations, ...generated] };
}

function createEdgeSeed(): EmulatorSeed {
  const seed = createDefaultSeed();
  const template = seed.integrations[0];
  const customer = seed.customers[0];
  if (!template || !customer) throw new Error('The default seed has no integration or customer to copy.');
  const names = [...awkwardNames, 'Ledgerly', 'Q'];
  const integrations: EmulatorSeed['integrations'] = names.map((name, index) => ({
    id: `ed9e00000000000000000${(index + 1).toString(16).padStart(3, '0')}`,
    key: `edge-${index + 1}`,
    name,
    // Odd ones have no logo: the kit shows its fallback.
    logoUri: index % 2 === 1 ? '' : letterLogo(palette[index % palette.length] ?? '#2563eb', name.charAt(0).toUpperCase()),
    baseUri: `https://api.edge-${index + 1}.example`,
    appUri: `https://edge-${index + 1}.example`,
    authOptions: structuredClone(template.authOptions),
  }));
  const at = '2025-03-01T10:00:00.000Z';
  return {
    ...seed,
    integrations,
    // A long name in every state the row can take.
    connections: [
      { id: 'ed9e0000000000000000c001', name: names[0] ?? '', userId: customer.id, integrationId: integrations[0]?.id ?? '', authOptionKey: 'oauth2', parameters: {}, disconnected: false, createdAt: at, updatedAt: at },
      { id: 'ed9e0000000000000000c002', name: names[1] ?? '', userId: customer.id, integrationId: integrations[1]?.id ?? '', authOptionKey: 'oauth2', parameters: {}, disconnected: true, createdAt: at, updatedAt: at },
      {
        id: 'ed9e0000000000000000c003',
        name: names[2] ?? '',
        userId: customer.id,
        integrationId: integrations[2]?.id ?? '',
        authOptionKey: 'oauth2',
        parameters: {},
        disconnected: true,
        error: { type: 'connection', key: 'access_token_revoked', message: 'The access token was revoked by an administrator of Société Générale de Gestion des Relations Clientèle on 1 March 2025; reconnect to resume syncing.' },
        createdAt: at,
        updatedAt: at,
      },
    ],
  };
}
