/**
 * Fidelity: every REST call of both Membrane SDK generations, `@integration-app/sdk` 1.14.1
 * (`IntegrationAppClient`) and `@membranehq/sdk` 0.28.3 (`MembraneClient`), run against the
 * emulator over HTTP with `fetchToken` from its token route. Every 0.28 response is parsed with
 * the 0.28 SDK's own exported zod schemas (docs/membrane-sdk-0.28.md, docs/membrane-api.md §1).
 *
 * One table (`CALLS`): a row per call, a runner per client (no runner = the SDK has no such
 * call), one check shared by both. Test names are `<client> › <call>`, which
 * scripts/fidelity-table.mjs turns into the client × call table.
 */
import { IntegrationAppClient } from '@integration-app/sdk';
import {
  ConnectionApiResponse,
  ConnectorSpec,
  GeneratedConnectorOption,
  IntegrationApiResponse,
  IntegrationListItem,
  MembraneClient,
  TenantSelfResponse,
  createPaginationResponseSchema,
} from '@membranehq/sdk';
import { describe, expect, it } from 'vitest';
import { isNotAuthenticatedError } from '../../src/core/api/isNotAuthenticatedError.ts';
import { toKitError } from '../../src/core/errors/toKitError.ts';
import type { RunningEmulator } from '../../src/emulator/startEmulator.ts';
import { fetchToken, rejection, signToken, useEmulator } from '../node/emulator-helpers.ts';
import { arrayOf, expectSchema, type SchemaLike } from './expectSchema.ts';

const HUBSPOT_INTEGRATION = '65a1f0c2d4e5f60718293a01';
const HUBSPOT_CONNECTION = '65a1f0c2d4e5f60718293c01';
const SALESFORCE_CONNECTION = '65a1f0c2d4e5f60718293c02';
const SLACK_CONNECTION = '65a1f0c2d4e5f60718293c03';

const ConnectionPage = createPaginationResponseSchema(ConnectionApiResponse);
const IntegrationPage = createPaginationResponseSchema(IntegrationListItem);
const ConnectionOptions = arrayOf(GeneratedConnectorOption);

interface Env {
  emulator: RunningEmulator;
}

interface Call {
  name: string;
  v114?: (client: IntegrationAppClient, env: Env) => Promise<unknown>;
  v028?: (client: MembraneClient, env: Env) => Promise<unknown>;
  /** The 0.28 schema the response must pass (0.28 runs only). */
  schema?: SchemaLike;
  /** What both generations must see. */
  check: (result: unknown, env: Env) => void | Promise<void>;
}

type Conn = { id: string; name: string; connected?: boolean; disconnected?: boolean; archivedAt?: string; integrationId?: string; authOptionKey?: string };
type Page<T> = { items: T[]; cursor?: string };
type SdkError = { data?: { type?: string; key?: string; message?: string }; message?: string };

const stored = (env: Env, id: string) => env.emulator.store.connections.get(id);

/** Runs a call that must fail, answering what it threw. */
const failing = (promise: Promise<unknown>) => rejection(promise);

const CALLS: Call[] = [
  {
    name: 'self.get()',
    v114: (c) => c.self.get(),
    v028: (c) => c.self.get(),
    schema: TenantSelfResponse,
    check: (self) => expect(self).toMatchObject({ id: expect.any(String), name: 'Acme Inc.', internalId: 'demo-customer' }),
  },
  {
    name: 'self.patch({credentials})',
    v114: (c) => c.self.patch({ credentials: { apiKey: 'k-1' } }),
    v028: (c) => c.self.patch({ credentials: { apiKey: 'k-1' } }),
    schema: TenantSelfResponse,
    check: (self, env) => {
      expect(self).toMatchObject({ name: 'Acme Inc.', credentials: { apiKey: 'k-1' } });
      expect(env.emulator.store.findCustomer('demo-customer')?.credentials).toEqual({ apiKey: 'k-1' });
    },
  },
  {
    name: 'integrations.find({search})',
    v114: (c) => c.integrations.find({ search: 'spot' }),
    v028: (c) => c.integrations.find({ search: 'spot' }),
    schema: IntegrationPage,
    check: (page) => expect((page as Page<{ key: string }>).items.map((item) => item.key)).toEqual(['hubspot']),
  },
  {
    name: 'integrations.find({limit, cursor})',
    v114: async (c) => {
      const first = await c.integrations.find({ limit: 5 });
      return [first, await c.integrations.find({ limit: 5, cursor: first.cursor })];
    },
    v028: async (c) => {
      const first = await c.integrations.find({ limit: 5 });
      expectSchema(IntegrationPage, first, 'GET /integrations?limit=5');
      return [first, await c.integrations.find({ limit: 5, cursor: first.cursor })];
    },
    schema: arrayOf(IntegrationPage),
    check: (pages) => {
      const [first, second] = pages as [Page<{ key: string }>, Page<{ key: string }>];
      expect(first.items).toHaveLength(5);
      expect(first.cursor).toEqual(expect.any(String));
      expect(second.items).toHaveLength(5);
      expect(second.items.map((item) => item.key)).not.toContain(first.items[0]?.key);
    },
  },
  {
    name: 'integrations.findAll()',
    v114: (c) => c.integrations.findAll(),
    v028: (c) => c.integrations.findAll(),
    schema: arrayOf(IntegrationListItem),
    check: (items) => {
      expect((items as Array<{ key: string }>).length).toBeGreaterThanOrEqual(12);
      expect((items as Array<{ key: string }>).map((item) => item.key)).toContain('jira');
    },
  },
  {
    name: 'integration(key).get()',
    v114: (c) => c.integration('hubspot').get(),
    v028: (c) => c.integration('hubspot').get(),
    schema: IntegrationApiResponse,
    check: (integration) =>
      expect(integration).toMatchObject({ id: HUBSPOT_INTEGRATION, key: 'hubspot', connection: { id: HUBSPOT_CONNECTION, connected: true } }),
  },
  {
    name: 'integration(id).get()',
    v114: (c) => c.integration(HUBSPOT_INTEGRATION).get(),
    v028: (c) => c.integration(HUBSPOT_INTEGRATION).get(),
    schema: IntegrationApiResponse,
    check: (integration) => expect(integration).toMatchObject({ id: HUBSPOT_INTEGRATION, key: 'hubspot', name: 'HubSpot' }),
  },
  {
    name: 'integration(key).getConnectorSpec()',
    v114: (c) => c.integration('jira').getConnectorSpec(),
    v028: (c) => c.integration('jira').getConnectorSpec(),
    schema: ConnectorSpec,
    check: (spec) =>
      expect(spec).toMatchObject({
        key: 'jira',
        auth: { type: 'oauth2', options: { oauth2: { type: 'oauth2' }, 'api-token': { type: 'client-credentials' } } },
      }),
  },
  {
    name: 'POST /connection-options',
    v028: (c) => c.post('/connection-options', { integrationKey: 'jira' }),
    schema: ConnectionOptions,
    check: (options) =>
      expect((options as Array<{ key: string; type: string }>).map((option) => [option.key, option.type])).toEqual([
        ['oauth2', 'oauth2'],
        ['api-token', 'client-credentials'],
      ]),
  },
  {
    name: 'connections.find()',
    v114: (c) => c.connections.find(),
    v028: (c) => c.connections.find(),
    schema: ConnectionPage,
    check: (page) =>
      expect((page as Page<Conn>).items.map((item) => item.id).sort()).toEqual([HUBSPOT_CONNECTION, SALESFORCE_CONNECTION, SLACK_CONNECTION]),
  },
  {
    name: 'connections.find({connected: true})',
    v114: (c) => c.connections.find({ connected: true } as never),
    v028: (c) => c.connections.find({ connected: true }),
    schema: ConnectionPage,
    check: (page) => expect((page as Page<Conn>).items.map((item) => item.id)).toEqual([HUBSPOT_CONNECTION]),
  },
  {
    name: 'connections.find({connected: false})',
    v114: (c) => c.connections.find({ connected: false } as never),
    v028: (c) => c.connections.find({ connected: false }),
    schema: ConnectionPage,
    check: (page) => expect((page as Page<Conn>).items.map((item) => item.id).sort()).toEqual([SALESFORCE_CONNECTION, SLACK_CONNECTION]),
  },
  {
    name: 'connections.find({disconnected: true})',
    v114: (c) => c.connections.find({ disconnected: true } as never),
    v028: (c) => c.connections.find({ disconnected: true }),
    schema: ConnectionPage,
    check: (page) => {
      const items = (page as Page<Conn>).items;
      expect(items.map((item) => item.id).sort()).toEqual([SALESFORCE_CONNECTION, SLACK_CONNECTION]);
      expect(items.every((item) => item.disconnected === true)).toBe(true);
    },
  },
  {
    name: 'connections.find({search})',
    v114: (c) => c.connections.find({ search: 'Sales' } as never),
    v028: (c) => c.connections.find({ search: 'Sales' }),
    schema: ConnectionPage,
    check: (page) => expect((page as Page<Conn>).items.map((item) => item.id)).toEqual([SALESFORCE_CONNECTION]),
  },
  {
    name: 'connections.find({integrationKey})',
    v114: (c) => c.connections.find({ integrationKey: 'slack' }),
    v028: (c) => c.connections.find({ integrationKey: 'slack' }),
    schema: ConnectionPage,
    check: (page) => expect((page as Page<Conn>).items.map((item) => item.id)).toEqual([SLACK_CONNECTION]),
  },
  {
    name: 'connections.find({includeArchived})',
    v114: async (c) => {
      await c.connection(HUBSPOT_CONNECTION).archive();
      return [await c.connections.find(), await c.connections.find({ includeArchived: true })];
    },
    v028: async (c) => {
      await c.connection(HUBSPOT_CONNECTION).archive();
      return [await c.connections.find(), await c.connections.find({ includeArchived: true })];
    },
    schema: arrayOf(ConnectionPage),
    check: (pages) => {
      const [live, all] = pages as [Page<Conn>, Page<Conn>];
      expect(live.items.map((item) => item.id)).not.toContain(HUBSPOT_CONNECTION);
      expect(all.items.find((item) => item.id === HUBSPOT_CONNECTION)?.archivedAt).toEqual(expect.any(String));
    },
  },
  {
    name: 'connection(id).get()',
    v114: (c) => c.connection(SALESFORCE_CONNECTION).get(),
    v028: (c) => c.connection(SALESFORCE_CONNECTION).get(),
    schema: ConnectionApiResponse,
    check: (connection) => expect(connection).toMatchObject({ id: SALESFORCE_CONNECTION, name: 'Salesforce', connected: false, disconnected: true }),
  },
  {
    name: 'connection(integrationKey).get()',
    v114: (c) => c.connection('hubspot').get(),
    v028: (c) => c.connection('hubspot').get(),
    schema: ConnectionApiResponse,
    check: (connection) => expect(connection).toMatchObject({ id: HUBSPOT_CONNECTION, connected: true, integrationId: HUBSPOT_INTEGRATION }),
  },
  {
    name: 'connection(id).patch({name})',
    v114: (c) => c.connection(HUBSPOT_CONNECTION).patch({ name: 'Sales CRM' }),
    v028: (c) => c.connection(HUBSPOT_CONNECTION).patch({ name: 'Sales CRM' }),
    schema: ConnectionApiResponse,
    check: (connection, env) => {
      expect(connection).toMatchObject({ id: HUBSPOT_CONNECTION, name: 'Sales CRM' });
      expect(stored(env, HUBSPOT_CONNECTION)?.name).toBe('Sales CRM');
    },
  },
  {
    name: 'connection(id).put({name})',
    v114: (c) => c.connection(HUBSPOT_CONNECTION).put({ name: 'Put CRM' }),
    v028: (c) => c.connection(HUBSPOT_CONNECTION).put({ name: 'Put CRM' }),
    schema: ConnectionApiResponse,
    check: (connection, env) => {
      expect(connection).toMatchObject({ id: HUBSPOT_CONNECTION, name: 'Put CRM' });
      expect(stored(env, HUBSPOT_CONNECTION)?.name).toBe('Put CRM');
    },
  },
  {
    name: 'connection(id).archive()',
    v114: async (c) => {
      await c.connection(HUBSPOT_CONNECTION).archive();
      return c.connection(HUBSPOT_CONNECTION).get();
    },
    v028: async (c) => {
      await c.connection(HUBSPOT_CONNECTION).archive();
      return c.connection(HUBSPOT_CONNECTION).get();
    },
    schema: ConnectionApiResponse,
    check: (connection, env) => {
      expect(connection).toMatchObject({ id: HUBSPOT_CONNECTION, archivedAt: expect.any(String) });
      expect(stored(env, HUBSPOT_CONNECTION)?.archivedAt).toEqual(expect.any(String));
    },
  },
  {
    name: 'connections.create({input | parameters})',
    // 1.14 names the user's input `parameters`, 0.28 `input` (membrane-sdk-0.28.md §4).
    v114: (c) => c.connections.create({ integrationId: '65a1f0c2d4e5f60718293a0a', name: 'Pipedrive', parameters: { apiToken: 'pd-1' } } as never),
    v028: (c) => c.connections.create({ integrationKey: 'pipedrive', name: 'Pipedrive', input: { apiToken: 'pd-1' } }),
    schema: ConnectionApiResponse,
    check: (connection, env) => {
      const created = connection as Conn;
      expect(created).toMatchObject({ name: 'Pipedrive', connected: true, authOptionKey: 'api-token' });
      expect(stored(env, created.id)?.parameters).toEqual({ apiToken: 'pd-1' });
    },
  },
  {
    name: 'connections.create() with invalid input → 400',
    v114: (c) => failing(c.connections.create({ integrationId: '65a1f0c2d4e5f60718293a0a', name: 'Pipedrive', parameters: {} } as never)),
    v028: (c) => failing(c.connections.create({ integrationKey: 'pipedrive', name: 'Pipedrive', input: {} })),
    check: (error) => {
      expect((error as SdkError).data).toMatchObject({ type: 'bad_request', message: expect.stringContaining('"apiToken" is required') });
      expect(toKitError(error).code).toBe('invalid_parameters');
    },
  },
  {
    name: 'connection(id).refreshCredentials()',
    v114: (c) => c.connection(HUBSPOT_CONNECTION).refreshCredentials(),
    v028: (c) => c.connection(HUBSPOT_CONNECTION).refreshCredentials(),
    schema: ConnectionApiResponse,
    check: (connection) => expect(connection).toMatchObject({ id: HUBSPOT_CONNECTION, connected: true }),
  },
  {
    name: 'refreshCredentials() of a revoked connection → connection error',
    v114: (c) => failing(c.connection(SLACK_CONNECTION).refreshCredentials()),
    v028: (c) => failing(c.connection(SLACK_CONNECTION).refreshCredentials()),
    check: (error) => {
      expect((error as SdkError).data).toMatchObject({ type: 'connection', message: expect.stringContaining('revoked') });
      expect(toKitError(error).code).toBe('auth');
    },
  },
  {
    name: 'integration(key).disconnect()',
    // 0.28 has no integration(x).disconnect() (membrane-sdk-0.28.md §4): disconnect is archive.
    v114: async (c) => {
      await c.integration('hubspot').disconnect();
      return c.connection(HUBSPOT_CONNECTION).get();
    },
    check: (connection, env) => {
      expect(connection).toMatchObject({ id: HUBSPOT_CONNECTION, disconnected: true, connected: false });
      expect(stored(env, HUBSPOT_CONNECTION)?.disconnected).toBe(true);
    },
  },
  {
    name: 'unknown integration → 404 not_found',
    v114: (c) => failing(c.integration('no-such-app').get()),
    v028: (c) => failing(c.integration('no-such-app').get()),
    check: (error) => {
      expect((error as SdkError).data).toMatchObject({ type: 'bad_request', key: 'not_found' });
      expect(isNotAuthenticatedError(error)).toBe(false);
      expect(toKitError(error).code).toBe('invalid_parameters');
    },
  },
  {
    name: 'unknown connection → 404 not_found',
    v114: (c) => failing(c.connection('no-such-connection').get()),
    v028: (c) => failing(c.connection('no-such-connection').get()),
    check: (error) => {
      expect((error as SdkError).data).toMatchObject({ type: 'bad_request', key: 'not_found' });
      expect(toKitError(error).code).toBe('invalid_parameters');
    },
  },
];

/** The 401 row needs a client of its own: a token signed with the wrong secret. */
const UNAUTHENTICATED = '401 (token with a wrong signature) → isNotAuthenticatedError';

async function checkUnauthenticated(error: unknown): Promise<void> {
  expect(isNotAuthenticatedError(error)).toBe(true);
  expect((error as SdkError).data).toMatchObject({ type: 'bad_request', key: 'not_authenticated' });
  expect(toKitError(error).code).toBe('auth');
}

const CLIENTS = [
  {
    label: '@integration-app/sdk 1.14.1',
    generation: 'v114',
    create: (env: Env, token?: string) =>
      new IntegrationAppClient({ apiUri: env.emulator.apiUri, uiUri: env.emulator.uiUri, ...(token ? { token } : { fetchToken: () => fetchToken(env.emulator) }) }),
  },
  {
    label: '@membranehq/sdk 0.28.3',
    generation: 'v028',
    create: (env: Env, token?: string) =>
      new MembraneClient({ apiUri: env.emulator.apiUri, uiUri: env.emulator.uiUri, ...(token ? { token } : { fetchToken: () => fetchToken(env.emulator) }) }),
  },
] as const;

describe('fidelity: both SDKs against the emulator (Node)', () => {
  const emulator = useEmulator();

  for (const sdk of CLIENTS) {
    describe(sdk.label, () => {
      for (const call of CALLS) {
        const run = call[sdk.generation] as ((client: unknown, env: Env) => Promise<unknown>) | undefined;
        if (!run) continue;
        it(call.name, async () => {
          const env = { emulator: emulator() };
          const result = await run(sdk.create(env), env);
          if (sdk.generation === 'v028' && call.schema) expectSchema(call.schema, result, call.name);
          await call.check(result, env);
        });
      }

      it(UNAUTHENTICATED, async () => {
        const env = { emulator: emulator() };
        const token = await signToken({ id: 'demo-customer' }, { secret: 'not-the-workspace-secret' });
        const client = sdk.create(env, token);
        await checkUnauthenticated(await failing(client.integrations.find()));
      });
    });
  }

  it('sends no field the 0.28 schemas do not know, but 1.14’s Integration.baseUri', async () => {
    const env = { emulator: emulator() };
    const client = CLIENTS[1].create(env);
    const unknownKeys = (schema: SchemaLike, value: unknown, label: string) => {
      const parsed = expectSchema(schema, value, label) as Record<string, unknown>;
      return Object.keys(value as Record<string, unknown>).filter((key) => !(key in parsed)).map((key) => `${label}.${key}`);
    };
    const integration = await client.integration('hubspot').get();
    const listed = (await client.integrations.find()).items[0];
    const connection = await client.connection(SLACK_CONNECTION).get();
    const unknown = [
      ...unknownKeys(IntegrationApiResponse, integration, 'integration'),
      ...unknownKeys(IntegrationListItem, listed, 'integrations[0]'),
      ...unknownKeys(ConnectionApiResponse, integration.connection, 'integration.connection'),
      ...unknownKeys(ConnectionApiResponse, connection, 'connection'),
      ...unknownKeys(TenantSelfResponse, await client.self.get(), 'self'),
    ];
    expect(unknown).toEqual(['integration.baseUri', 'integrations[0].baseUri']);
  });

  it('the 0.28 schemas reject what the SDK would not accept (so the checks above can fail)', () => {
    const connection = { id: 'c1', name: 'HubSpot', userId: 'u1', createdAt: 'now', updatedAt: 'now', connected: true };
    expect(() => expectSchema(ConnectionApiResponse, connection, 'ok')).not.toThrow();
    expect(() => expectSchema(ConnectionApiResponse, { ...connection, userId: undefined }, 'no userId')).toThrow(/userId/);
    expect(() => expectSchema(ConnectionApiResponse, { ...connection, state: 'HEALTHY' }, 'bad state')).toThrow(/state/);
    expect(() => expectSchema(IntegrationApiResponse, { id: 'i1', name: 'HubSpot' }, 'no logoUri')).toThrow(/logoUri/);
    expect(() => expectSchema(ConnectionOptions, { key: 'oauth2', type: 'oauth2' }, 'not an array')).toThrow(/expected an array/);
    expect(() => expectSchema(ConnectionOptions, [{ key: 'x', type: 'magic' }], 'bad type')).toThrow(/0\.type/);
  });

  it('both generations map the same failures to the same kit error codes', async () => {
    const env = { emulator: emulator() };
    const [v114, v028] = CLIENTS.map((sdk) => sdk.create(env)) as [IntegrationAppClient, MembraneClient];
    const token = await signToken({ id: 'demo-customer' }, { secret: 'not-the-workspace-secret' });
    const pairs: Array<[unknown, unknown]> = [
      [await failing(v114.integration('no-such-app').get()), await failing(v028.integration('no-such-app').get())],
      [await failing(v114.connection(SLACK_CONNECTION).refreshCredentials()), await failing(v028.connection(SLACK_CONNECTION).refreshCredentials())],
      [await failing(CLIENTS[0].create(env, token).self.get()), await failing(CLIENTS[1].create(env, token).self.get())],
    ];
    for (const [legacy, current] of pairs) {
      expect(toKitError(current).code).toBe(toKitError(legacy).code);
      expect(toKitError(current).message).toBe(toKitError(legacy).message);
    }
    expect(pairs.map(([legacy]) => toKitError(legacy).code)).toEqual(['invalid_parameters', 'auth', 'auth']);
  });
});
