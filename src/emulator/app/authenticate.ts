import type { MiddlewareHandler } from 'hono';
import { MembraneApiError } from '../MembraneApiError.js';
import type { EmulatorContext, EmulatorEnv } from './EmulatorContext.js';

/**
 * Middleware: verifies the bearer token (or answers 401), creates or updates the customer it
 * names, and honours the `unauthenticated` fault.
 */
export function authenticate(ctx: EmulatorContext): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    if (ctx.faults.get().unauthenticated) throw new MembraneApiError(401, 'Token expired');
    const auth = await ctx.verify(c.req.header('authorization'));
    c.set('auth', auth);
    c.set(
      'customer',
      auth.kind === 'customer'
        ? ctx.store.upsertCustomer({
            internalId: auth.id,
            ...(auth.name === undefined ? {} : { name: auth.name }),
            ...(auth.fields === undefined ? {} : { fields: auth.fields }),
          })
        : undefined,
    );
    await next();
  };
}
