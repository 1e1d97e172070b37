import type { Context, Hono } from 'hono';
import { currentConnectionOf } from '../currentConnectionOf.js';
import { toApiConnection } from '../toApiConnection.js';
import { connectorIdOf, toApiIntegration } from '../toApiIntegration.js';
import { toConnectorSpec } from '../toConnectorSpec.js';
import { MembraneApiError } from '../MembraneApiError.js';
import { commitConnect, prepareConnect } from '../prepareConnect.js';
import { optionSchema } from '../prepareConnect.js';
import type { EmulatorConnectionRecord, EmulatorCustomer, EmulatorIntegrationRecord } from '../types.js';
import { authenticate } from './authenticate.js';
import type { EmulatorContext, EmulatorEnv } from './EmulatorContext.js';
import { paginate } from './paginate.js';

type C = Context<EmulatorEnv>;

const bool = (value: string | undefined): boolean | undefined =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : undefined;

/** A boolean query filter as 0.28's `FindConnectionsQuery` takes it: `true/1/false/0`, anything else a 400. */
function strictBool(query: Record<string, string>, name: string): boolean | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  const parsed = bool(value);
  if (parsed === undefined) throw new MembraneApiError(400, `"${name}" must be true, 1, false or 0, got "${value}".`);
  return parsed;
}

async function jsonBody(c: C): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new MembraneApiError(400, 'Request body must be a JSON object.');
}

const optionalString = (body: Record<string, unknown>, field: string): string | undefined => {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new MembraneApiError(400, `"${field}" must be a string.`);
  return value;
};

function requireCustomer(c: C): EmulatorCustomer {
  const customer = c.get('customer');
  if (!customer) {
    throw new MembraneApiError(403, 'This endpoint acts for a customer: use a customer token (with an "id" claim), not an admin token.');
  }
  return customer;
}

function requireAdmin(c: C): void {
  if (c.get('auth').kind !== 'admin') {
    throw new MembraneApiError(403, 'Listing customers needs an admin token (isAdmin: true, no "id" claim).');
  }
}

const toApiCustomer = (customer: EmulatorCustomer): Record<string, unknown> => ({
  id: customer.id,
  internalId: customer.internalId,
  name: customer.name,
  ...(customer.fields ? { fields: customer.fields } : {}),
  ...(customer.credentials === undefined ? {} : { credentials: customer.credentials }),
  isTest: customer.isTest,
  isBillable: customer.isBillable,
  ...(customer.lastActiveAt ? { lastActiveAt: customer.lastActiveAt } : {}),
});

/** The REST API the SDK calls (docs/membrane-api.md §1), all behind token authentication. */
export function registerRestRoutes(app: Hono<EmulatorEnv>, ctx: EmulatorContext): void {
  const { store } = ctx;
  const auth = authenticate(ctx);
  const newestFirst = (a: EmulatorConnectionRecord, b: EmulatorConnectionRecord): number => b.updatedAt.localeCompare(a.updatedAt);

  const currentConnection = (customer: EmulatorCustomer | undefined, integrationId: string): EmulatorConnectionRecord | undefined =>
    customer ? currentConnectionOf(store, customer.id, integrationId) : undefined;

  const api = (record: EmulatorConnectionRecord) => toApiConnection(record, store.findIntegration(record.integrationId));

  const findIntegration = (c: C) => {
    const selector = c.req.param('idOrKey') ?? '';
    const integration = store.findIntegration(selector);
    if (!integration) throw new MembraneApiError(404, `Integration "${selector}" not found.`);
    return integration;
  };

  /** A connection id, or an integration id/key meaning the customer's connection to it. */
  const findConnection = (c: C): EmulatorConnectionRecord => {
    const selector = c.req.param('selector') ?? '';
    const customer = c.get('customer');
    const byId = store.connections.get(selector);
    if (byId && (!customer || byId.userId === customer.id)) return byId;
    const integration = store.findIntegration(selector);
    const viaIntegration = integration && customer ? currentConnection(customer, integration.id) : undefined;
    if (viaIntegration) return viaIntegration;
    throw new MembraneApiError(404, `Connection "${selector}" not found.`);
  };

  app.get('/self', auth, (c) => c.json(toApiCustomer(requireCustomer(c))));
  app.patch('/self', auth, async (c) => {
    const customer = requireCustomer(c);
    const body = await jsonBody(c);
    const name = optionalString(body, 'name');
    const fields = body.fields;
    if (fields !== undefined && (typeof fields !== 'object' || fields === null || Array.isArray(fields))) {
      throw new MembraneApiError(400, '"fields" must be an object.');
    }
    const updated = store.updateCustomer(customer.id, {
      ...(name === undefined ? {} : { name }),
      ...(fields === undefined ? {} : { fields: fields as Record<string, unknown> }),
      ...('credentials' in body ? { credentials: body.credentials } : {}),
    });
    return c.json(toApiCustomer(updated));
  });

  app.get('/customers', auth, (c) => {
    requireAdmin(c);
    const search = c.req.query('search')?.toLowerCase();
    const customers = [...store.customers.values()].filter(
      (customer) => !search || customer.name.toLowerCase().includes(search) || customer.internalId.toLowerCase().includes(search),
    );
    return c.json(paginate(customers.map(toApiCustomer), c.req.query()));
  });
  app.get('/customers/:id', auth, (c) => {
    requireAdmin(c);
    const customer = store.findCustomer(c.req.param('id'));
    if (!customer) throw new MembraneApiError(404, `Customer "${c.req.param('id')}" not found.`);
    return c.json(toApiCustomer(customer));
  });

  app.get('/integrations', auth, (c) => {
    const search = c.req.query('search')?.trim().toLowerCase();
    const customer = c.get('customer');
    const matching = store.integrations.filter(
      (integration) => !search || integration.name.toLowerCase().includes(search) || integration.key.includes(search),
    );
    const page = paginate(matching, c.req.query());
    return c.json({
      ...page,
      items: page.items.map((integration) => toApiIntegration(integration, currentConnection(customer, integration.id))),
    });
  });
  app.get('/integrations/:idOrKey', auth, (c) => {
    const integration = findIntegration(c);
    return c.json(toApiIntegration(integration, currentConnection(c.get('customer'), integration.id)));
  });
  app.get('/integrations/:idOrKey/connector-spec', auth, (c) => c.json(toConnectorSpec(findIntegration(c))));
  app.post('/integrations/:idOrKey/disconnect', auth, (c) => {
    const integration = findIntegration(c);
    const customer = requireCustomer(c);
    for (const connection of store.findConnections({ userId: customer.id, integrationId: integration.id })) {
      store.updateConnection(connection.id, { disconnected: true });
    }
    return c.json(toApiIntegration(integration, currentConnection(customer, integration.id)));
  });

  /**
   * 0.28's `POST /connection-options` (membrane-sdk-0.28.md §1, step 1): the auth options of the
   * integration named by `connectionId`, `integrationId`, `integrationKey` or `connectorId`, as a
   * JSON array. The element shape `{key, type, title?, description?, inputSchema?}` is the
   * reference's inferred guess (`GeneratedConnectorOption`).
   */
  app.post('/connection-options', auth, async (c) => {
    const body = await jsonBody(c);
    const connectionId = optionalString(body, 'connectionId');
    const integrationId = optionalString(body, 'integrationId');
    const integrationKey = optionalString(body, 'integrationKey');
    const connectorId = optionalString(body, 'connectorId');
    const parameters = body.connectorParameters;
    if (parameters !== undefined && parameters !== null && (typeof parameters !== 'object' || Array.isArray(parameters))) {
      throw new MembraneApiError(400, '"connectorParameters" must be an object.');
    }
    let integration: EmulatorIntegrationRecord | undefined;
    if (connectionId) {
      const customer = c.get('customer');
      const connection = store.connections.get(connectionId);
      if (!connection || (customer && connection.userId !== customer.id) || connection.archivedAt) {
        throw new MembraneApiError(404, `Connection "${connectionId}" not found.`);
      }
      integration = store.findIntegration(connection.integrationId);
      if (!integration) throw new MembraneApiError(404, 'The integration of this connection no longer exists.');
    } else if (integrationId || integrationKey) {
      const selector = (integrationId ?? integrationKey) as string;
      integration = store.findIntegration(selector);
      if (!integration) throw new MembraneApiError(404, `Integration "${selector}" not found.`);
    } else if (connectorId) {
      integration = store.integrations.find((candidate) => connectorIdOf(candidate) === connectorId);
      if (!integration) throw new MembraneApiError(404, `Connector "${connectorId}" not found.`);
    } else {
      throw new MembraneApiError(400, 'Say which app: pass connectionId, integrationId, integrationKey or connectorId.');
    }
    return c.json(
      integration.authOptions.map((option) => {
        const schema = optionSchema(option);
        return structuredClone({
          key: option.key,
          type: option.type,
          ...(option.title === undefined ? {} : { title: option.title }),
          ...(option.description === undefined ? {} : { description: option.description }),
          ...(schema ? { inputSchema: schema } : {}),
        });
      }),
    );
  });

  app.get('/connections', auth, (c) => {
    const query = c.req.query();
    const customer = c.get('customer');
    if (customer && query.userId && query.userId !== customer.id && query.userId !== customer.internalId) {
      return c.json({ items: [] });
    }
    const includeArchived = bool(query.includeArchived);
    const isTest = bool(query.isTest);
    const connected = strictBool(query, 'connected');
    const disconnected = strictBool(query, 'disconnected');
    const search = query.search?.trim();
    const connections = store
      .findConnections({
        ...(customer ? { userId: customer.id } : query.userId ? { userId: query.userId } : {}),
        ...(query.integrationId ? { integrationId: query.integrationId } : {}),
        ...(query.integrationKey ? { integrationKey: query.integrationKey } : {}),
        ...(includeArchived === undefined ? {} : { includeArchived }),
        ...(isTest === undefined ? {} : { isTest }),
        ...(connected === undefined ? {} : { connected }),
        ...(disconnected === undefined ? {} : { disconnected }),
        ...(search ? { search } : {}),
      })
      .sort(newestFirst);
    const page = paginate(connections, query);
    return c.json({ ...page, items: page.items.map(api) });
  });
  app.post('/connections', auth, async (c) => {
    const customer = requireCustomer(c);
    const body = await jsonBody(c);
    const integration = optionalString(body, 'integrationId') ?? optionalString(body, 'integrationKey');
    const prepared = prepareConnect(store, customer, {
      ...(integration === undefined ? {} : { integration }),
      ...(optionalString(body, 'authOptionKey') === undefined ? {} : { authOptionKey: optionalString(body, 'authOptionKey') }),
      ...(optionalString(body, 'name') === undefined ? {} : { name: optionalString(body, 'name') }),
      // 0.28 names the user's input `input` (1.14: `parameters`); raw `credentials` are taken as input too.
      parameters: body.input ?? body.parameters ?? body.credentials,
      allowMultipleConnections: body.allowMultipleConnections !== false,
    });
    return c.json(api(commitConnect(store, prepared)), 201);
  });
  app.get('/connections/:selector', auth, (c) => c.json(api(findConnection(c))));
  const patchConnection = async (c: C) => {
    const connection = findConnection(c);
    const body = await jsonBody(c);
    const name = optionalString(body, 'name');
    if (name !== undefined && name.trim() === '') throw new MembraneApiError(400, '"name" must not be empty.');
    const updated = store.updateConnection(connection.id, name === undefined ? {} : { name: name.trim() });
    return c.json(api(updated));
  };
  app.patch('/connections/:selector', auth, patchConnection);
  app.put('/connections/:selector', auth, patchConnection);
  app.delete('/connections/:selector', auth, (c) => {
    const connection = findConnection(c);
    const archived = connection.archivedAt
      ? connection
      : store.updateConnection(connection.id, { archivedAt: new Date().toISOString() });
    return c.json(api(archived));
  });
  app.post('/connections/:selector/refresh-credentials', auth, (c) => {
    const connection = findConnection(c);
    const integration = store.findIntegration(connection.integrationId);
    if (connection.archivedAt) throw new MembraneApiError(400, 'This connection is archived; create a new one.');
    if (connection.revoked) {
      throw new MembraneApiError(400, `Could not refresh the credentials of ${integration?.name ?? 'this app'}: the access token was revoked by the user. Reconnect to continue.`, {
        type: 'connection',
      });
    }
    if (connection.disconnected && !connection.error) {
      throw new MembraneApiError(400, `${integration?.name ?? 'This app'} is disconnected, so there are no credentials to refresh; reconnect it.`, {
        type: 'connection',
      });
    }
    if (connection.isDefunct) {
      throw new MembraneApiError(400, `The connection to ${integration?.name ?? 'this app'} is defunct, so its credentials cannot be refreshed; reconnect it.`, {
        type: 'connection',
        key: 'connection_is_defunct',
      });
    }
    const refreshed = store.updateConnection(connection.id, { disconnected: false, error: undefined, errors: undefined, requestError: undefined });
    return c.json(api(refreshed));
  });
}
