import type { Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ConnectionEventMessage } from '../createConnectionEvents.js';
import { createId } from '../createId.js';
import { MembraneApiError } from '../MembraneApiError.js';
import { renderConsentPage } from '../pages/renderConsentPage.js';
import { renderResultPage } from '../pages/renderResultPage.js';
import { commitConnect, prepareConnect } from '../prepareConnect.js';
import type { PreparedConnect } from '../prepareConnect.js';
import { toApiConnection } from '../toApiConnection.js';
import { connectorIdOf } from '../toApiIntegration.js';
import type { EmulatorConnection, EmulatorConnectionRecord } from '../types.js';
import type { EmulatorContext, EmulatorEnv } from './EmulatorContext.js';
import { mountUrl } from './EmulatorContext.js';

type C = Context<EmulatorEnv>;
type Decision = 'allow' | 'deny' | 'fail';

/** Unanswered consent pages are forgotten after this long. */
const CONSENT_TTL_MS = 30 * 60_000;
/** An SSE stream is closed after this long even if nothing was published. */
const SSE_MAX_MS = 15 * 60_000;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The fields of a connect form. `withQuery` (1.14's `/connection-popup`): query parameters and
 * JSON bodies are merged in, as the 1.14 docs allow. Without it (0.28's `/connect`): only the
 * urlencoded `payload` field counts, so the token never comes from a URL.
 */
async function readPayload(c: C, withQuery = true): Promise<Record<string, unknown>> {
  const query = withQuery ? c.req.query() : {};
  let fields: Record<string, unknown> = {};
  const type = c.req.header('content-type') ?? '';
  if (withQuery && type.includes('application/json')) {
    fields = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
  } else if (type.includes('form')) {
    const form = await c.req.parseBody();
    fields = Object.fromEntries(Object.entries(form).filter(([, value]) => typeof value === 'string'));
  }
  if (typeof fields.payload === 'string') {
    try {
      const payload: unknown = JSON.parse(fields.payload);
      if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) return { ...query, ...(payload as Record<string, unknown>) };
    } catch {
      // handled below
    }
    throw new MembraneApiError(400, 'The "payload" field is not a JSON object.');
  }
  if (!withQuery) throw new MembraneApiError(400, 'POST /connect takes an application/x-www-form-urlencoded form with one field, "payload" (JSON).');
  return { ...query, ...fields };
}

function parseRedirectUri(value: unknown): URL | undefined {
  const text = str(value);
  if (!text) return undefined;
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // handled below
  }
  throw new MembraneApiError(400, `redirectUri must be an absolute http(s) URL, got "${text}".`);
}

/** Which SDK generation submitted the connect form. */
type Generation = '1.14' | '0.28';

const flag = (value: unknown): boolean => value === true || value === 'true' || value === '1';

/**
 * The connect flow of both SDK generations, one implementation:
 * - 1.14: `POST /connection-popup` (docs/membrane-api.md §1 and §3), ids in the query or payload,
 *   parameters in `payload.connectionParameters`;
 * - 0.28: `POST /connect` (membrane-sdk-0.28.md §1), ids and token only in the urlencoded
 *   `payload`, parameters in `payload.input`, failures carry `connectionId` when known;
 * - `GET /sse/connection-events/:requestId?token=`: the customer token is required (0.28 sends it;
 *   1.14's SDK sends none and gets a 401, it still has the popup's window message), and a stream
 *   carries only results of requests authenticated as the same customer.
 *
 * Each answers the consent page (OAuth), or at once the result page (client credentials, or a
 * failure): it posts the message to `window.opener || window.parent`, publishes it on SSE and
 * closes the popup; with `redirectUri` it answers a 303 to it instead.
 */
export function registerConnectRoutes(app: Hono<EmulatorEnv>, ctx: EmulatorContext): void {
  const { store, faults, events, pendingConsents } = ctx;
  const api = (record: EmulatorConnectionRecord): EmulatorConnection => toApiConnection(record, store.findIntegration(record.integrationId));

  /**
   * Answers the result page (or the redirect) and mirrors the message on SSE, but only on the
   * channel of `customerId`: the customer the request was authenticated as. A request without a
   * valid customer token publishes nothing, so it cannot end someone else's flow by its requestId.
   */
  const finish = (c: C, result: { customerId?: string; requestId?: string; redirectUri?: URL; appName?: string; connectionId?: string } & (
    { connection: EmulatorConnection } | { error: MembraneApiError }
  )): Response => {
    const base = { source: 'integration.app' as const, ...(result.requestId ? { requestId: result.requestId } : {}) };
    const message: ConnectionEventMessage =
      'connection' in result
        ? { ...base, type: 'newConnectionCreated', connection: result.connection }
        : {
            ...base,
            type: 'newConnectionFailure',
            error: result.error.message,
            errorData: result.error.data,
            ...(result.connectionId ? { connectionId: result.connectionId } : {}),
          };
    if (result.customerId) events.publish(result.customerId, message);
    c.header('Cache-Control', 'no-store');
    if (result.redirectUri) {
      const target = new URL(result.redirectUri);
      if ('connection' in result) target.searchParams.set('connectionId', result.connection.id);
      else {
        target.searchParams.set('error', result.error.message);
        target.searchParams.set('errorData', JSON.stringify(result.error.data));
      }
      return c.redirect(target.toString(), 303);
    }
    return c.html(renderResultPage(message, result.appName));
  };

  const decide = (prepared: PreparedConnect, decision: Decision): EmulatorConnection => {
    const app = prepared.integration.name;
    if (decision === 'deny') {
      throw new MembraneApiError(400, `Access to ${app} was denied by the user.`, { type: 'connection', key: 'access_denied' });
    }
    if (decision === 'fail') {
      throw new MembraneApiError(400, `${app} rejected the authorization request (emulated consent failure).`, {
        type: 'connection',
      });
    }
    return api(commitConnect(store, prepared));
  };

  const startConnect = async (c: C, generation: Generation): Promise<Response> => {
    let requestId: string | undefined;
    let redirectUri: URL | undefined;
    let connectionId: string | undefined;
    let customerId: string | undefined;
    try {
      const payload = await readPayload(c, generation === '1.14');
      requestId = str(payload.requestId);
      redirectUri = parseRedirectUri(payload.redirectUri);
      connectionId = str(payload.connectionId);
      if (faults.get().unauthenticated) throw new MembraneApiError(401, 'Token expired');
      const token = str(payload.token);
      const auth = await ctx.verify(token ? `Bearer ${token}` : undefined);
      if (auth.kind !== 'customer') throw new MembraneApiError(403, 'Connecting an app needs a customer token (with an "id" claim).');
      const customer = store.upsertCustomer({
        internalId: auth.id,
        ...(auth.name === undefined ? {} : { name: auth.name }),
        ...(auth.fields === undefined ? {} : { fields: auth.fields }),
      });
      customerId = customer.id;
      let integration = str(payload.integrationId) ?? str(payload.integrationKey);
      const connectorId = generation === '0.28' ? str(payload.connectorId) : undefined;
      if (!integration && connectorId) {
        integration = store.integrations.find((candidate) => connectorIdOf(candidate) === connectorId)?.id;
        if (!integration) throw new MembraneApiError(404, `Connector "${connectorId}" not found.`);
      }
      const authOptionKey = str(payload.authOptionKey);
      const name = str(payload.name);
      const prepared = prepareConnect(store, customer, {
        ...(integration ? { integration } : {}),
        ...(connectionId ? { connectionId } : {}),
        ...(authOptionKey ? { authOptionKey } : {}),
        ...(name ? { name } : {}),
        // 0.28 renamed 1.14's `connectionParameters` to `input` (membrane-sdk-0.28.md §1, step 3).
        parameters: generation === '0.28' ? payload.input : (payload.connectionParameters ?? payload.parameters),
        allowMultipleConnections: flag(payload.allowMultipleConnections),
      });
      const consent = faults.get().consent;
      if (prepared.option.type === 'client-credentials') {
        // Client credentials complete without a user step (the SDK submits into a hidden iframe).
        const decision: Decision = consent === 'manual' || consent === 'allow' ? 'allow' : 'fail';
        return finish(c, {
          customerId,
          requestId,
          redirectUri,
          connectionId,
          appName: prepared.integration.name,
          connection: decide(prepared, decision),
        });
      }
      const consentId = createId();
      const now = Date.now();
      for (const [id, pending] of pendingConsents) if (now - pending.createdAt > CONSENT_TTL_MS) pendingConsents.delete(id);
      pendingConsents.set(consentId, {
        prepared,
        createdAt: now,
        ...(requestId ? { requestId } : {}),
        ...(redirectUri ? { redirectUri: redirectUri.toString() } : {}),
        ...(connectionId ? { connectionId } : {}),
      });
      c.header('Cache-Control', 'no-store');
      const action = generation === '0.28' ? '/connect/consent' : '/connection-popup/consent';
      return c.html(renderConsentPage({ prepared, consentId, consent, actionUrl: `${mountUrl(c, ctx.basePath)}${action}` }));
    } catch (error) {
      const failure = error instanceof MembraneApiError ? error : new MembraneApiError(500, 'The connect request failed unexpectedly.');
      return finish(c, {
        ...(customerId ? { customerId } : {}),
        ...(requestId ? { requestId } : {}),
        ...(redirectUri ? { redirectUri } : {}),
        ...(connectionId ? { connectionId } : {}),
        error: failure,
      });
    }
  };

  const answerConsent = async (c: C): Promise<Response> => {
    const form = await c.req.parseBody();
    const pending = typeof form.consentId === 'string' ? pendingConsents.get(form.consentId) : undefined;
    if (!pending) {
      return c.html(renderResultPage({ source: 'integration.app', type: 'newConnectionFailure', error: 'This consent page has expired; start connecting again.' }), 410);
    }
    pendingConsents.delete(String(form.consentId));
    const decision = form.decision === 'allow' || form.decision === 'deny' || form.decision === 'fail' ? form.decision : 'deny';
    const target = {
      customerId: pending.prepared.customer.id,
      ...(pending.requestId ? { requestId: pending.requestId } : {}),
      ...(pending.redirectUri ? { redirectUri: new URL(pending.redirectUri) } : {}),
      ...(pending.connectionId ? { connectionId: pending.connectionId } : {}),
      appName: pending.prepared.integration.name,
    };
    try {
      return finish(c, { ...target, connection: decide(pending.prepared, decision) });
    } catch (error) {
      const failure = error instanceof MembraneApiError ? error : new MembraneApiError(500, 'Creating the connection failed unexpectedly.');
      return finish(c, { ...target, error: failure });
    }
  };

  app.post('/connection-popup', (c) => startConnect(c, '1.14'));
  app.post('/connection-popup/consent', answerConsent);
  app.post('/connect', (c) => startConnect(c, '0.28'));
  app.post('/connect/consent', answerConsent);

  app.get('/sse/connection-events/:requestId', async (c) => {
    // 0.28 sends `?token=` (membrane-sdk-0.28.md §1, step 2). Without one, anyone who learns a
    // requestId could read the new connection; so a token is required and scopes the stream.
    const token = c.req.query('token');
    if (!token) {
      throw new MembraneApiError(401, 'Missing access token: open the stream as /sse/connection-events/<requestId>?token=<customer token>.');
    }
    if (faults.get().unauthenticated) throw new MembraneApiError(401, 'Token expired');
    const auth = await ctx.verify(`Bearer ${token}`);
    if (auth.kind !== 'customer') throw new MembraneApiError(403, 'Connection events need a customer token (with an "id" claim).');
    const customer = store.upsertCustomer({
      internalId: auth.id,
      ...(auth.name === undefined ? {} : { name: auth.name }),
      ...(auth.fields === undefined ? {} : { fields: auth.fields }),
    });
    return streamSSE(c, async (stream) => {
      let stop: () => void = () => {};
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      stream.onAbort(stop);
      const unsubscribe = events.subscribe(customer.id, c.req.param('requestId'), (message) => {
        void stream.writeSSE({ data: JSON.stringify(message) });
      });
      const timer = setTimeout(stop, SSE_MAX_MS);
      await stopped;
      clearTimeout(timer);
      unsubscribe();
    });
  });
}
