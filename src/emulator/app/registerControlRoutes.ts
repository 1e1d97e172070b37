import type { Context, Hono } from 'hono';
import { createMembraneTokenWithExpiry } from '../../server/index.js';
import type { FaultSettings } from '../createFaultController.js';
import { MembraneApiError } from '../MembraneApiError.js';
import { toApiConnection } from '../toApiConnection.js';
import type { EmulatorConnectionRecord } from '../types.js';
import { applyConnectionStatus, CONNECTION_STATUS_KEYS } from '../validateConnectionStatus.js';
import type { EmulatorContext, EmulatorEnv } from './EmulatorContext.js';
import { mountUrl } from './EmulatorContext.js';

/** Default lifetime of tokens from `POST /_emulator/token`, in seconds. */
const DEFAULT_TOKEN_SECONDS = 3600;

async function jsonObject(c: Context<EmulatorEnv>): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new MembraneApiError(400, 'Request body must be JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new MembraneApiError(400, 'Request body must be a JSON object.');
  return body as Record<string, unknown>;
}

const asBadRequest = <T>(run: () => T): T => {
  try {
    return run();
  } catch (error) {
    if (error instanceof TypeError) throw new MembraneApiError(400, error.message);
    throw error;
  }
};

/**
 * Emulator controls under `/_emulator`: token endpoint, faults, reset, request log, and the
 * status of connections (to put one into each 0.28 state for stories and tests).
 */
export function registerControlRoutes(app: Hono<EmulatorEnv>, ctx: EmulatorContext): void {
  const { store, faults } = ctx;

  app.get('/_emulator', (c) => {
    const url = mountUrl(c, ctx.basePath);
    return c.json({
      name: 'membrane-react-kit emulator',
      apiUri: url,
      uiUri: `${url}/ui`,
      tokenUrl: `${url}/_emulator/token`,
      workspaceKey: ctx.workspaceKey,
      integrations: store.integrations.length,
      customers: store.customers.size,
      connections: store.connections.size,
    });
  });

  app.post('/_emulator/token', async (c) => {
    const body = await jsonObject(c);
    const id = body.customerId ?? body.id ?? store.defaultCustomer.id;
    if (typeof id !== 'string' || id.trim() === '') throw new MembraneApiError(400, '"customerId" must be a non-empty string.');
    const isDefault = id === store.defaultCustomer.id;
    const name = body.name ?? (isDefault ? store.defaultCustomer.name : undefined);
    if (name !== undefined && typeof name !== 'string') throw new MembraneApiError(400, '"name" must be a string.');
    const fields = body.fields ?? (isDefault ? store.defaultCustomer.fields : undefined);
    if (fields !== undefined && (typeof fields !== 'object' || fields === null || Array.isArray(fields))) {
      throw new MembraneApiError(400, '"fields" must be an object.');
    }
    const asked = body.expiresIn ?? DEFAULT_TOKEN_SECONDS;
    if (typeof asked !== 'number' || !Number.isFinite(asked) || asked <= 0 || asked > 86_400) {
      throw new MembraneApiError(400, '"expiresIn" must be a number of seconds between 1 and 86400.');
    }
    const shortened = faults.get().tokenExpiresIn;
    const expiresIn = shortened === null ? asked : Math.min(asked, shortened);
    const { token, expiresAt } = await createMembraneTokenWithExpiry(
      { workspaceKey: ctx.workspaceKey, workspaceSecret: ctx.workspaceSecret },
      {
        customer: { id, ...(name === undefined ? {} : { name }), ...(fields === undefined ? {} : { fields: fields as Record<string, unknown> }) },
        expiresIn,
        // The emulator's secret is a throwaway dev secret; MSW runs this handler in the page itself.
        dangerouslyAllowBrowser: true,
      },
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ token, expiresAt: expiresAt.toISOString() });
  });

  app.get('/_emulator/faults', (c) => c.json(faults.get()));
  app.post('/_emulator/faults', async (c) => {
    const body = await jsonObject(c);
    return c.json(asBadRequest(() => faults.set(body as Partial<FaultSettings>)));
  });
  app.put('/_emulator/faults', async (c) => {
    const body = await jsonObject(c);
    const next = asBadRequest(() => {
      const previous = faults.get();
      faults.clear();
      try {
        return faults.set(body as Partial<FaultSettings>);
      } catch (error) {
        faults.set(previous);
        throw error;
      }
    });
    return c.json(next);
  });
  app.delete('/_emulator/faults', (c) => {
    faults.clear();
    return c.json(faults.get());
  });

  app.post('/_emulator/reset', (c) => {
    store.reset();
    faults.clear();
    ctx.events.clear();
    ctx.pendingConsents.clear();
    return c.json({ ok: true });
  });

  /** A connection id, or an integration id/key meaning the newest live connection of `?customerId=` (default: the default customer). */
  const findConnection = (c: Context<EmulatorEnv>): EmulatorConnectionRecord => {
    const selector = c.req.param('selector') ?? '';
    const byId = store.connections.get(selector);
    if (byId) return byId;
    const integration = store.findIntegration(selector);
    const customerId = c.req.query('customerId') ?? store.defaultCustomer.id;
    const customer = store.findCustomer(customerId);
    if (integration && !customer) throw new MembraneApiError(404, `Customer "${customerId}" not found (pass ?customerId= with its id or internalId).`);
    const connection =
      integration && customer
        ? store.findConnections({ userId: customer.id, integrationId: integration.id }).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
        : undefined;
    if (!connection) {
      throw new MembraneApiError(
        404,
        integration
          ? `Customer "${customerId}" has no connection to ${integration.name}.`
          : `No connection "${selector}": pass a connection id, or an integration key or id (with ?customerId=, default "${store.defaultCustomer.id}").`,
      );
    }
    return connection;
  };
  const view = (record: EmulatorConnectionRecord) => ({
    ...toApiConnection(record, store.findIntegration(record.integrationId)),
    customerId: store.customers.get(record.userId)?.internalId,
  });

  app.get('/_emulator/connections', (c) => c.json([...store.connections.values()].map(view)));
  app.get('/_emulator/connections/:selector', (c) => c.json(view(findConnection(c))));
  /**
   * Sets 0.28 status fields on a connection: any of `state`, `clientAction`, `isDefunct`,
   * `errors`, `requestError`, `error`, `disconnected`, `connected`; `null` clears one.
   */
  app.patch('/_emulator/connections/:selector', async (c) => {
    const connection = findConnection(c);
    const body = await jsonObject(c);
    const next = asBadRequest(() => applyConnectionStatus(connection, body));
    const patch: Partial<EmulatorConnectionRecord> = { disconnected: next.disconnected };
    for (const key of CONNECTION_STATUS_KEYS) {
      if (key !== 'connected' && key !== 'disconnected') (patch as Record<string, unknown>)[key] = next[key];
    }
    return c.json(view(store.updateConnection(connection.id, patch)));
  });

  app.get('/_emulator/requests', (c) => c.json(store.requests));
  app.delete('/_emulator/requests', (c) => {
    store.requests.length = 0;
    return c.json({ ok: true });
  });
}
