import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { createWorkspaceEvents } from '../createWorkspaceEvents.js';
import type { WorkspaceEventMessage, WorkspaceEventsAudience } from '../createWorkspaceEvents.js';
import { MembraneApiError } from '../MembraneApiError.js';
import type { EmulatorContext, EmulatorEnv } from './EmulatorContext.js';

/** A comment line this often keeps proxies from closing an idle stream (the emulator's guess). */
export const WORKSPACE_EVENTS_HEARTBEAT_MS = 15_000;
/** setTimeout's largest delay; a token valid for longer is closed at this point instead. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * `GET /sse/workspace` (membrane-sdk-0.28.md §5): the token comes in `?token=` (as the SDK's
 * `createEventSource` sends it) or as `Authorization: Bearer`, is verified like the REST routes
 * (401 JSON when bad), then a `text/event-stream` of unnamed messages: `{type:'connected'}` first,
 * then an `element-update` for the connection and for its integration on every change of one of
 * the token's customer's connections (admin tokens see every customer). A `: heartbeat` comment
 * every 15 s; the stream ends when the token expires (the emulator's guess of Membrane's behaviour).
 */
export function registerWorkspaceEventsRoute(app: Hono<EmulatorEnv>, ctx: EmulatorContext): void {
  const hub = createWorkspaceEvents(ctx.store);

  app.get('/sse/workspace', async (c) => {
    if (ctx.faults.get().unauthenticated) throw new MembraneApiError(401, 'Token expired');
    const token = c.req.query('token');
    const auth = await ctx.verify(token ? `Bearer ${token}` : c.req.header('authorization'));
    c.set('auth', auth);
    let audience: WorkspaceEventsAudience = { admin: true };
    if (auth.kind === 'customer') {
      const customer = ctx.store.upsertCustomer({
        internalId: auth.id,
        ...(auth.name === undefined ? {} : { name: auth.name }),
        ...(auth.fields === undefined ? {} : { fields: auth.fields }),
      });
      c.set('customer', customer);
      audience = { customerInternalId: customer.internalId };
    }
    const expiresAt = typeof auth.claims.exp === 'number' ? auth.claims.exp * 1000 : undefined;
    c.header('Cache-Control', 'no-store');

    return streamSSE(c, async (stream) => {
      let stop: () => void = () => {};
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      stream.onAbort(stop);
      const send = (message: WorkspaceEventMessage): void => {
        if (!stream.aborted && !stream.closed) stream.writeSSE({ data: JSON.stringify(message) }).catch(stop);
      };
      send({ type: 'connected', message: 'Listening to workspace element updates.', timestamp: new Date().toISOString() });
      const unsubscribe = hub.subscribe(audience, send);
      const heartbeat = setInterval(() => {
        if (!stream.aborted && !stream.closed) stream.write(': heartbeat\n\n').catch(stop);
      }, WORKSPACE_EVENTS_HEARTBEAT_MS);
      const expiry = expiresAt === undefined ? undefined : setTimeout(stop, Math.min(MAX_TIMER_MS, Math.max(0, expiresAt - Date.now())));
      await stopped;
      clearInterval(heartbeat);
      if (expiry !== undefined) clearTimeout(expiry);
      unsubscribe();
    });
  });
}
