import type { Context, Hono } from 'hono';
import { MembraneApiError } from '../MembraneApiError.js';
import type { ScreenConfig, ScreenTheme } from '../pages/renderScreenPages.js';
import {
  renderScreenConnectionPage,
  renderScreenConnectPage,
  renderScreenErrorPage,
  renderScreenPickerPage,
} from '../pages/renderScreenPages.js';
import type { EmulatorCustomer } from '../types.js';
import type { EmulatorContext, EmulatorEnv } from './EmulatorContext.js';
import { mountUrl } from './EmulatorContext.js';

type C = Context<EmulatorEnv>;
type Fields = Record<string, string>;

const THEMES: readonly ScreenTheme[] = ['light', 'dark', 'auto'];

/** The urlencoded (or multipart) fields of the screen's form POST; the token is read only from here. */
async function readFields(c: C): Promise<Fields> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('form')) return {};
  const body = await c.req.parseBody().catch(() => ({}));
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * The 0.28 hosted screens (membrane-sdk-0.28.md §2), served from the API origin as the SDK's
 * `openIframeWithPost` expects: `POST /screens/connect`, `POST /screens/connection` and
 * `POST /screens/integrations/:key/connect`. Each takes a form POST into the SDK's iframe (`token`
 * in the body, never the query), verifies the token, and answers a page that is a penpal v6 child
 * (the prebuilt UI pages' client script): handshake, then the connect form, `POST /ui/api/connect`,
 * `onSuccess(connection)` and `close()`; Cancel and Close call `close()` only. A bad token, an
 * unknown app or connection, or bad fields give an error page (token left out) that can still be
 * closed. The consent fault (`allow`/`deny`/`manual`) drives the connect form as in the prebuilt UI.
 */
export function registerScreenRoutes(app: Hono<EmulatorEnv>, ctx: EmulatorContext): void {
  const { store, faults } = ctx;

  const screen = (render: (c: C, fields: Fields, customer: EmulatorCustomer, config: ScreenConfig) => Response) => async (c: C) => {
    const fields = await readFields(c);
    const apiBase = mountUrl(c, ctx.basePath);
    const theme = THEMES.find((candidate) => candidate === fields.theme);
    const config: ScreenConfig = {
      screen: true,
      apiBase,
      uiBase: `${apiBase}/ui`,
      token: fields.token ?? '',
      consent: faults.get().consent,
      ...(theme ? { theme } : {}),
    };
    c.header('Cache-Control', 'no-store');
    try {
      if (faults.get().unauthenticated) throw new MembraneApiError(401, 'Token expired');
      if (!fields.token) throw new MembraneApiError(401, 'The screen was opened without a token: POST it in the form body ("token" field).');
      if (fields.theme !== undefined && fields.theme !== '' && !theme) {
        throw new MembraneApiError(400, `theme must be one of ${THEMES.join(', ')}, got "${fields.theme}".`);
      }
      const auth = await ctx.verify(`Bearer ${fields.token}`);
      if (auth.kind !== 'customer') throw new MembraneApiError(403, 'Hosted screens need a customer token (with an "id" claim).');
      const customer = store.upsertCustomer({
        internalId: auth.id,
        ...(auth.name === undefined ? {} : { name: auth.name }),
        ...(auth.fields === undefined ? {} : { fields: auth.fields }),
      });
      return render(c, fields, customer, config);
    } catch (error) {
      if (!(error instanceof MembraneApiError)) throw error;
      return c.html(renderScreenErrorPage(error.message, config), error.status as 400);
    }
  };

  /** The customer's live connection `id`, or a 404. */
  const ownConnection = (customer: EmulatorCustomer, id: string) => {
    const connection = store.connections.get(id);
    if (!connection || connection.userId !== customer.id || connection.archivedAt) {
      throw new MembraneApiError(404, `Connection "${id}" not found for this customer.`);
    }
    const integration = store.findIntegration(connection.integrationId);
    if (!integration) throw new MembraneApiError(404, 'The integration of this connection no longer exists.');
    return { connection, integration };
  };

  /** The connect form for `integrationRef` (or the connection to reconnect), as both connect screens show it. */
  const connectPage = (c: C, fields: Fields, customer: EmulatorCustomer, config: ScreenConfig, integrationRef: string | undefined): Response => {
    if (fields.connectorParameters) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(fields.connectorParameters);
      } catch {
        // handled below
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new MembraneApiError(400, 'connectorParameters must be a JSON object (the SDK sends JSON.stringify(connectorParameters)).');
      }
    }
    const reconnect = fields.connectionId ? ownConnection(customer, fields.connectionId) : undefined;
    const integration = integrationRef ? store.findIntegration(integrationRef) : reconnect?.integration;
    if (!integration) throw new MembraneApiError(404, `Integration "${integrationRef}" not found.`);
    if (reconnect && reconnect.integration.id !== integration.id) {
      throw new MembraneApiError(400, `Connection "${reconnect.connection.id}" belongs to another integration than "${integrationRef}".`);
    }
    const name = fields.name;
    return c.html(
      renderScreenConnectPage({
        integration,
        customer,
        ...(reconnect ? { reconnect: reconnect.connection } : {}),
        config: {
          ...config,
          integrationId: integration.id,
          ...(reconnect ? { connectionId: reconnect.connection.id, authOptionKey: reconnect.connection.authOptionKey } : {}),
          ...(fields.authOptionKey ? { authOptionKey: fields.authOptionKey } : {}),
          allowMultipleConnections: ['1', 'true'].includes(fields.allowMultipleConnections ?? ''),
          ...(name ? { name } : {}),
        },
      }),
    );
  };

  app.post(
    '/screens/connect',
    screen((c, fields, customer, config) => {
      const integrationRef = fields.integrationId || fields.integrationKey || undefined;
      if (integrationRef || fields.connectionId) return connectPage(c, fields, customer, config, integrationRef);
      // `ui.connect()` with no app: guessed as a picker that posts this screen again with one.
      const carry = Object.fromEntries(
        ['allowMultipleConnections', 'name', 'connectorParameters'].flatMap((key) => (fields[key] ? [[key, fields[key]]] : [])),
      ) as Fields;
      return c.html(renderScreenPickerPage(store.integrations, config, carry));
    }),
  );

  app.post(
    '/screens/integrations/:key/connect',
    screen((c, fields, customer, config) => connectPage(c, { ...fields, integrationId: '', integrationKey: '' }, customer, config, c.req.param('key'))),
  );

  app.post(
    '/screens/connection',
    screen((c, fields, customer, config) => {
      if (!fields.connectionId) throw new MembraneApiError(400, 'The connection screen needs a "connectionId" field.');
      const { connection, integration } = ownConnection(customer, fields.connectionId);
      return c.html(renderScreenConnectionPage(integration, connection, config));
    }),
  );
}
