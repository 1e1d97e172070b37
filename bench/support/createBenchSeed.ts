import { createDefaultSeed } from '../../src/emulator/seed/createDefaultSeed.js';
import { createLogo } from '../../src/emulator/seed/createLogo.js';
import type { EmulatorAuthOption, EmulatorSeed } from '../../src/emulator/types.js';

// Word lists for app names that read like real SaaS products ("Northwind Billing", "Quartz Desk").
const BRANDS = [
  'Acme', 'Apex', 'Arrow', 'Atlas', 'Aurora', 'Beacon', 'Birch', 'Bolt', 'Bright', 'Cedar',
  'Cirrus', 'Cobalt', 'Comet', 'Copper', 'Coral', 'Crest', 'Delta', 'Echo', 'Ember', 'Falcon',
  'Fern', 'Flint', 'Forge', 'Glacier', 'Granite', 'Harbor', 'Helix', 'Horizon', 'Indigo', 'Juniper',
  'Kestrel', 'Lark', 'Lumen', 'Maple', 'Meridian', 'Nimbus', 'Northwind', 'Nova', 'Oak', 'Onyx',
  'Orbit', 'Pebble', 'Pine', 'Pixel', 'Prism', 'Quartz', 'Quill', 'Radiant', 'Raven', 'Ridge',
];
const PRODUCTS = [
  'Analytics', 'Billing', 'Books', 'Calendar', 'Chat', 'CRM', 'Desk', 'Docs', 'Drive', 'Forms',
  'HR', 'Inventory', 'Invoices', 'Mail', 'Meet', 'Notes', 'Payroll', 'Pipeline', 'Projects', 'Sheets',
];
const COLOURS = ['#0b6bcb', '#d9480f', '#2b8a3e', '#862e9c', '#c2255c', '#1098ad', '#e67700', '#364fc7', '#5c940d', '#495057'];

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function authOptionsFor(name: string, index: number): EmulatorAuthOption[] {
  // Roughly how a real catalogue mixes them: mostly OAuth 2, some API keys.
  if (index % 4 !== 3) {
    return [{ key: 'oauth2', type: 'oauth2', title: 'OAuth 2.0', description: `Sign in to ${name} and grant access.` }];
  }
  return [
    {
      key: 'api-key',
      type: 'client-credentials',
      title: 'API key',
      description: `Paste an API key from ${name}'s settings.`,
      ui: {
        schema: {
          type: 'object',
          required: ['apiKey'],
          properties: { apiKey: { type: 'string', title: 'API key', format: 'password', minLength: 8 } },
        },
      },
    },
  ];
}

/**
 * The emulator's default workspace (16 apps, customer `demo-customer` with three connections)
 * grown to `integrationCount` apps by adding generated, realistic-looking ones. Deterministic, so
 * every run measures the same data.
 */
export function createBenchSeed(integrationCount: number): EmulatorSeed {
  const seed = createDefaultSeed();
  if (integrationCount <= seed.integrations.length) {
    return { ...seed, integrations: seed.integrations.slice(0, integrationCount) };
  }
  const extra = integrationCount - seed.integrations.length;
  if (extra > BRANDS.length * PRODUCTS.length) throw new RangeError(`createBenchSeed: at most ${BRANDS.length * PRODUCTS.length + 16} integrations.`);
  for (let i = 0; i < extra; i++) {
    // Walk brands and products with different strides so neighbours differ in both words.
    const brand = BRANDS[(i * 7) % BRANDS.length]!;
    const product = PRODUCTS[(i + Math.floor(i / BRANDS.length)) % PRODUCTS.length]!;
    const name = `${brand} ${product}`;
    const key = slug(name);
    seed.integrations.push({
      id: `b0000000000000000${String(i).padStart(7, '0')}`,
      key,
      name,
      logoUri: createLogo(COLOURS[i % COLOURS.length]!, brand[0]!),
      baseUri: `https://api.${key}.example.com`,
      appUri: `https://${key}.example.com`,
      authOptions: authOptionsFor(name, i),
    });
  }
  const keys = new Set(seed.integrations.map((integration) => integration.key));
  if (keys.size !== seed.integrations.length) throw new Error('createBenchSeed generated duplicate integration keys.');
  return seed;
}
