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
import type { EmulatorContext, EmulatorEnv } from './EmulatorContext.js';
import { mountUrl } from './EmulatorContext.js';

type C = Context<EmulatorEnv>;
type Decision = 'allow' | 'deny' | 'fail';

/** Unanswered consent pages are forgotten after this long. */
const CONSENT_TTL_MS = 30 * 60_000;
/** An SSE stream is closed after this long even if nothing was published. */
const SSE_MAX_MS = 15 * 60_000;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

async function readPayload(c: C): Promise<Record<string, unknown>> {
  const query = c.req.query();
  let fields: Record<string, unknown> = {};
  const type = c.req.header('content-type') ?? '';
  if (type.includes('application/json')) {
    fields = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
  } else if (type.includes('form')) {
    const form = await c.req.parseBody();
    fields = Object.fromEntries(Object.entries(form).filter(([, value]) => typeof value === 'string'));
  }
  if (typeof fields.payload === 'string') {
    try {
      const payload: unknown = JSON.parse(fields.payload);
      if (typeof payload === 'object' && payload !== null) return { ...query, ...(payload as Record<string, unknown>) };
    } catch {
      throw new MembraneApiError(400, 'The "payload" field is not valid JSON.');
    }
  }
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

/**
 * `POST /connection-popup` (consent page, popup or hidden iframe, or same-window redirect) and
 * `GET /sse/connection-events/:requestId` (docs/membrane-api.md §1 and §3).
 */
export function registerConnectRoutes(app: Hono<EmulatorEnv>, ctx: EmulatorContext): void {
  const { store, faults, events, pendingConsents } = ctx;

  const finish = (c: C, result: { requestId?: string; redirectUri?: URL; appName?: string } & (
    { connection: ReturnType<typeof toApiConnection> } | { error: MembraneApiError }
  )): Response => {
    const base = { source: 'integration.app' as const, ...(result.requestId ? { requestId: result.requestId } : {}) };
    const message: ConnectionEventMessage =
      'connection' in result
        ? { ...base, type: 'newConnectionCreated', connection: result.connection }
        : { ...base, type: 'newConnectionFailure', error: result.error.message, errorData: result.error.data };
    events.publish(message);
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

  const decide = (prepared: PreparedConnect, decision: Decision): ReturnType<typeof toApiConnection> => {
    const app = prepared.integration.name;
    if (decision === 'deny') {
      throw new MembraneApiError(400, `Access to ${app} was denied by the user.`, { type: 'connection', key: 'access_denied' });
    }
    if (decision === 'fail') {
      throw new MembraneApiError(400, `${app} rejected the authorization request (emulated consent failure).`, {
        type: 'connection',
      });
    }
    return toApiConnection(commitConnect(store, prepared));
  };

  app.post('/connection-popup', async (c) => {
    let requestId: string | undefined;
    let redirectUri: URL | undefined;
    try {
      const payload = await readPayload(c);
      requestId = str(payload.requestId);
      redirectUri = parseRedirectUri(payload.redirectUri);
      if (faults.get().unauthenticated) throw new MembraneApiError(401, 'Token expired');
      const token = str(payload.token);
      const auth = await ctx.verify(token ? `Bearer ${token}` : undefined);
      if (auth.kind !== 'customer') throw new MembraneApiError(403, 'Connecting an app needs a customer token (with an "id" claim).');
      const customer = store.upsertCustomer({
        internalId: auth.id,
        ...(auth.name === undefined ? {} : { name: auth.name }),
        ...(auth.fields === undefined ? {} : { fields: auth.fields }),
      });
      const integration = str(payload.integrationId) ?? str(payload.integrationKey);
      const connectionId = str(payload.connectionId);
      const authOptionKey = str(payload.authOptionKey);
      const name = str(payload.name);
      const prepared = prepareConnect(store, customer, {
        ...(integration ? { integration } : {}),
        ...(connectionId ? { connectionId } : {}),
        ...(authOptionKey ? { authOptionKey } : {}),
        ...(name ? { name } : {}),
        parameters: payload.connectionParameters ?? payload.parameters,
        allowMultipleConnections: payload.allowMultipleConnections === true || payload.allowMultipleConnections === 'true',
      });
      const consent = faults.get().consent;
      if (prepared.option.type === 'client-credentials') {
        // Client credentials complete without a user step (the SDK submits into a hidden iframe).
        const decision: Decision = consent === 'manual' || consent === 'allow' ? 'allow' : 'fail';
        return finish(c, { requestId, redirectUri, appName: prepared.integration.name, connection: decide(prepared, decision) });
      }
      const consentId = createId();
      const now = Date.now();
      for (const [id, pending] of pendingConsents) if (now - pending.createdAt > CONSENT_TTL_MS) pendingConsents.delete(id);
      pendingConsents.set(consentId, {
        prepared,
        createdAt: now,
        ...(requestId ? { requestId } : {}),
        ...(redirectUri ? { redirectUri: redirectUri.toString() } : {}),
      });
      c.header('Cache-Control', 'no-store');
      return c.html(
        renderConsentPage({ prepared, consentId, consent, actionUrl: `${mountUrl(c, ctx.basePath)}/connection-popup/consent` }),
      );
    } catch (error) {
      const failure = error instanceof MembraneApiError ? error : new MembraneApiError(500, 'The connect request failed unexpectedly.');
      return finish(c, { ...(requestId ? { requestId } : {}), ...(redirectUri ? { redirectUri } : {}), error: failure });
    }
  });

  app.post('/connection-popup/consent', async (c) => {
    const form = await c.req.parseBody();
    const pending = typeof form.consentId === 'string' ? pendingConsents.get(form.consentId) : undefined;
    if (!pending) {
      return c.html(renderResultPage({ source: 'integration.app', type: 'newConnectionFailure', error: 'This consent page has expired; start connecting again.' }), 410);
    }
    pendingConsents.delete(String(form.consentId));
    const decision = form.decision === 'allow' || form.decision === 'deny' || form.decision === 'fail' ? form.decision : 'deny';
    const target = {
      ...(pending.requestId ? { requestId: pending.requestId } : {}),
      ...(pending.redirectUri ? { redirectUri: new URL(pending.redirectUri) } : {}),
      appName: pending.prepared.integration.name,
    };
    try {
      return finish(c, { ...target, connection: decide(pending.prepared, decision) });
    } catch (error) {
      const failure = error instanceof MembraneApiError ? error : new MembraneApiError(500, 'Creating the connection failed unexpectedly.');
      return finish(c, { ...target, error: failure });
    }
  });

  app.get('/sse/connection-events/:requestId', (c) =>
    streamSSE(c, async (stream) => {
      let stop: () => void = () => {};
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      stream.onAbort(stop);
      const unsubscribe = events.subscribe(c.req.param('requestId'), (message) => {
        void stream.writeSSE({ data: JSON.stringify(message) });
      });
      const timer = setTimeout(stop, SSE_MAX_MS);
      await stopped;
      clearTimeout(timer);
      unsubscribe();
    }),
  );
}
