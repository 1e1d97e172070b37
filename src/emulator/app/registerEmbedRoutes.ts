import type { Context, Hono } from 'hono';
import { MembraneApiError } from '../MembraneApiError.js';
import type { EmbedConfig } from '../pages/renderEmbedPages.js';
import {
  renderConnectPage,
  renderEmbedErrorPage,
  renderIntegrationPage,
  renderMainPage,
} from '../pages/renderEmbedPages.js';
import { commitConnect, prepareConnect } from '../prepareConnect.js';
import { toApiConnection } from '../toApiConnection.js';
import type { EmulatorConnectionRecord, EmulatorCustomer } from '../types.js';
import { authenticate } from './authenticate.js';
import type { EmulatorContext, EmulatorEnv } from './EmulatorContext.js';
import { mountUrl } from './EmulatorContext.js';

type C = Context<EmulatorEnv>;

/**
 * The prebuilt UI (`uiUri` = mount + `/ui`): `/ui/embed/main`, `/ui/embed/integrations/:id`,
 * `/ui/embed/integrations/:key/connect`, `/ui/embed/connections/:id/refresh`, each a penpal child
 * (docs/membrane-api.md §4), plus `POST /ui/api/connect`, the action behind their connect forms.
 */
export function registerEmbedRoutes(app: Hono<EmulatorEnv>, ctx: EmulatorContext): void {
  const { store, faults } = ctx;

  const baseConfig = (c: C): EmbedConfig => {
    const apiBase = mountUrl(c, ctx.basePath);
    const returnTo = c.req.query('returnTo');
    return {
      apiBase,
      uiBase: `${apiBase}/ui`,
      token: c.req.query('token') ?? '',
      consent: faults.get().consent,
      ...(returnTo && /^\/[\w\-/]*$/.test(returnTo) ? { returnTo } : {}),
    };
  };

  const newest = (customer: EmulatorCustomer, integrationId: string): EmulatorConnectionRecord | undefined =>
    store
      .findConnections({ userId: customer.id, integrationId })
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];

  /** Verifies the page's `?token=` and answers the customer, or renders an error page. */
  const page = (render: (c: C, customer: EmulatorCustomer, config: EmbedConfig) => Response) => async (c: C) => {
    const config = baseConfig(c);
    c.header('Cache-Control', 'no-store');
    try {
      if (faults.get().unauthenticated) throw new MembraneApiError(401, 'Token expired');
      const auth = await ctx.verify(config.token ? `Bearer ${config.token}` : undefined);
      if (auth.kind !== 'customer') throw new MembraneApiError(403, 'The prebuilt UI needs a customer token (with an "id" claim).');
      const customer = store.upsertCustomer({
        internalId: auth.id,
        ...(auth.name === undefined ? {} : { name: auth.name }),
        ...(auth.fields === undefined ? {} : { fields: auth.fields }),
      });
      return render(c, customer, config);
    } catch (error) {
      if (!(error instanceof MembraneApiError)) throw error;
      return c.html(renderEmbedErrorPage(error.message, { ...config, token: '' }), error.status as 400);
    }
  };

  app.get(
    '/ui/embed/main',
    page((c, customer, config) =>
      c.html(
        renderMainPage(
          store.integrations.map((integration) => {
            const connection = newest(customer, integration.id);
            return connection ? { integration, connection } : { integration };
          }),
          customer,
          config,
        ),
      ),
    ),
  );

  app.get(
    '/ui/embed/integrations/:id',
    page((c, customer, config) => {
      const integration = store.findIntegration(c.req.param('id') ?? '');
      if (!integration) throw new MembraneApiError(404, `Integration "${c.req.param('id')}" not found.`);
      return c.html(renderIntegrationPage(integration, newest(customer, integration.id), config));
    }),
  );

  app.get(
    '/ui/embed/integrations/:key/connect',
    page((c, customer, config) => {
      const integration = store.findIntegration(c.req.param('key') ?? '');
      if (!integration) throw new MembraneApiError(404, `Integration "${c.req.param('key')}" not found.`);
      const name = c.req.query('name');
      return c.html(
        renderConnectPage({
          integration,
          customer,
          config: {
            ...config,
            integrationId: integration.id,
            allowMultipleConnections: ['1', 'true'].includes(c.req.query('allowMultipleConnections') ?? ''),
            ...(name ? { name } : {}),
          },
        }),
      );
    }),
  );

  app.get(
    '/ui/embed/connections/:id/refresh',
    page((c, customer, config) => {
      const connection = store.connections.get(c.req.param('id') ?? '');
      if (!connection || connection.userId !== customer.id || connection.archivedAt) {
        throw new MembraneApiError(404, `Connection "${c.req.param('id')}" not found.`);
      }
      const integration = store.findIntegration(connection.integrationId);
      if (!integration) throw new MembraneApiError(404, 'The integration of this connection no longer exists.');
      return c.html(
        renderConnectPage({
          integration,
          customer,
          reconnect: connection,
          config: { ...config, integrationId: integration.id, connectionId: connection.id, authOptionKey: connection.authOptionKey },
        }),
      );
    }),
  );

  app.post('/ui/api/connect', authenticate(ctx), async (c) => {
    const customer = c.get('customer');
    if (!customer) throw new MembraneApiError(403, 'Connecting an app needs a customer token (with an "id" claim).');
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object') throw new MembraneApiError(400, 'Request body must be a JSON object.');
    const text = (field: string): string | undefined => (typeof body[field] === 'string' && body[field] !== '' ? (body[field] as string) : undefined);
    const prepared = prepareConnect(store, customer, {
      ...(text('integration') ? { integration: text('integration') } : {}),
      ...(text('connectionId') ? { connectionId: text('connectionId') } : {}),
      ...(text('authOptionKey') ? { authOptionKey: text('authOptionKey') } : {}),
      ...(text('name') ? { name: text('name') } : {}),
      parameters: body.parameters,
      allowMultipleConnections: body.allowMultipleConnections === true,
    });
    const consent = faults.get().consent;
    if (consent === 'deny') {
      throw new MembraneApiError(400, `Access to ${prepared.integration.name} was denied by the user.`, { type: 'connection', key: 'access_denied' });
    }
    if (consent === 'fail') {
      throw new MembraneApiError(400, `${prepared.integration.name} rejected the authorization request (emulated consent failure).`, {
        type: 'connection',
      });
    }
    return c.json(toApiConnection(commitConnect(store, prepared), prepared.integration));
  });
}
