import { Hono } from 'hono';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { EMULATOR_WORKSPACE_KEY, EMULATOR_WORKSPACE_SECRET } from './constants.js';
import type { EmulatorContext, EmulatorEnv } from './app/EmulatorContext.js';
import { relativePath } from './app/EmulatorContext.js';
import { registerConnectRoutes } from './app/registerConnectRoutes.js';
import { registerControlRoutes } from './app/registerControlRoutes.js';
import { registerEmbedRoutes } from './app/registerEmbedRoutes.js';
import { registerRestRoutes } from './app/registerRestRoutes.js';
import { registerScreenRoutes } from './app/registerScreenRoutes.js';
import { registerWorkspaceEventsRoute } from './app/registerWorkspaceEventsRoute.js';
import { createControlOriginCheck } from './app/createControlOriginCheck.js';
import { createConnectionEvents } from './createConnectionEvents.js';
import { createEmulatorStore } from './createEmulatorStore.js';
import type { EmulatorStore } from './createEmulatorStore.js';
import { createFaultController } from './createFaultController.js';
import type { FaultController, FaultSettings } from './createFaultController.js';
import { createTokenVerifier } from './createTokenVerifier.js';
import type { EmulatorPublicKey } from './createTokenVerifier.js';
import { MembraneApiError } from './MembraneApiError.js';
import type { EmulatorSeed } from './types.js';

/** Options of {@link createEmulatorApp} (and of every adapter). */
export interface EmulatorAppOptions {
  /** Workspace key; tokens must carry it as `iss`. Default: {@link EMULATOR_WORKSPACE_KEY}. */
  workspaceKey?: string;
  /** Workspace secret for HS256/384/512 tokens, at least 32 bytes. Default: {@link EMULATOR_WORKSPACE_SECRET}. */
  workspaceSecret?: string;
  /** A registered public key (SPKI PEM, JWK or CryptoKey) to accept ES*, RS* and PS* tokens. */
  publicKey?: EmulatorPublicKey;
  /** Initial workspace data. Default: `createDefaultSeed()`. Ignored when `store` is given. */
  seed?: EmulatorSeed;
  /** Use this store instead of a new one (e.g. one restored from a file). */
  store?: EmulatorStore;
  /** Initial fault settings. */
  faults?: Partial<FaultSettings>;
  /** Path the app is mounted under, e.g. `/__membrane`; default: the root. */
  basePath?: string;
  /**
   * Browser origins, besides the emulator's own and loopback ones (`localhost`, `127.0.0.1`, any
   * port), that may call the control routes `/_emulator/*` (tokens, faults, reset), e.g.
   * `['http://192.168.1.20:5173']` for a dev server on the LAN. `'*'` allows every website to
   * mint tokens and set faults: only for a deliberately shared emulator. The API routes answer
   * any origin regardless (they need a bearer token).
   */
  allowedOrigins?: readonly string[];
}

/** A Fetch-API Membrane emulator. */
export interface EmulatorApp {
  /** Answers one request (any runtime with `Request`/`Response`). */
  fetch: (request: Request) => Promise<Response>;
  /** The underlying Hono app. */
  app: Hono<EmulatorEnv>;
  store: EmulatorStore;
  faults: FaultController;
  workspaceKey: string;
  basePath: string;
}

const CONTROL_PREFIX = '/_emulator';
/** A tiny SVG favicon, so browser pages of the emulator log no 404 (served as `/favicon.ico`). */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="4" fill="#3d5afe"/><path d="M4 11V5l4 3 4-3v6" fill="none" stroke="#fff" stroke-width="1.6" stroke-linejoin="round"/></svg>';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function normalizeBasePath(path: string | undefined): string {
  if (path === undefined || path === '' || path === '/') return '';
  if (!path.startsWith('/') || /[?#]/.test(path)) {
    throw new TypeError(`basePath must be a path starting with "/", such as "/__membrane", got "${path}".`);
  }
  return path.replace(/\/+$/, '');
}

/**
 * Creates the emulator: one Hono app with the REST API, the connect popup and SSE, the prebuilt
 * UI pages (under `/ui`) and the controls (under `/_emulator`). Every adapter (`startEmulator`,
 * the CLI, the Vite plugin, the MSW handlers) runs this same app. Browser-safe.
 *
 * @example
 * ```ts
 * import { createEmulatorApp } from 'membrane-react-kit/emulator/browser';
 *
 * const emulator = createEmulatorApp();
 * const { token } = await (await emulator.fetch(new Request('http://emulator.local/_emulator/token', { method: 'POST' }))).json();
 * const response = await emulator.fetch(
 *   new Request('http://emulator.local/integrations', { headers: { Authorization: `Bearer ${token}` } }),
 * );
 * ```
 */
export function createEmulatorApp(options: EmulatorAppOptions = {}): EmulatorApp {
  const workspaceKey = options.workspaceKey ?? EMULATOR_WORKSPACE_KEY;
  const workspaceSecret = options.workspaceSecret ?? EMULATOR_WORKSPACE_SECRET;
  if (typeof workspaceKey !== 'string' || workspaceKey.trim() === '') {
    throw new TypeError('workspaceKey must be a non-empty string (it is the "iss" of every token).');
  }
  if (typeof workspaceSecret !== 'string' || new TextEncoder().encode(workspaceSecret).length < 32) {
    throw new TypeError('workspaceSecret must be at least 32 bytes long, as Membrane requires for HS256/384/512.');
  }
  const basePath = normalizeBasePath(options.basePath);
  const store = options.store ?? createEmulatorStore(options.seed);
  const faults = createFaultController(options.faults);
  const ctx: EmulatorContext = {
    store,
    faults,
    events: createConnectionEvents(),
    workspaceKey,
    workspaceSecret,
    basePath,
    verify: createTokenVerifier({
      workspaceKey,
      workspaceSecret,
      ...(options.publicKey === undefined ? {} : { publicKey: options.publicKey }),
    }),
    pendingConsents: new Map(),
  };

  const isAllowedControlOrigin = createControlOriginCheck(options.allowedOrigins);
  const isControlPath = (path: string): boolean => {
    const relative = relativePath(path, basePath);
    return relative === CONTROL_PREFIX || relative.startsWith(`${CONTROL_PREFIX}/`);
  };
  const controlOriginAllowed = (c: Context<EmulatorEnv>): boolean =>
    isAllowedControlOrigin({ origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site'), ownOrigin: new URL(c.req.url).origin });

  const root = new Hono<EmulatorEnv>();
  const app = basePath ? root.basePath(basePath) : root;

  app.use(
    '*',
    cors({
      // The API is open to any origin (bearer tokens, no cookies). The controls mint tokens and
      // set faults without a token: only allowed origins get CORS headers for them (see below).
      origin: (origin, c) => (!isControlPath(c.req.path) ? '*' : origin && controlOriginAllowed(c) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: ['authorization', 'content-type', 'membrane-api-version'],
      maxAge: 600,
    }),
  );

  // Controls refuse other websites: any page could otherwise mint tokens or set faults on a
  // developer's running emulator (a form POST needs no CORS). Preflights were answered above.
  app.use('*', async (c, next) => {
    if (c.req.method !== 'OPTIONS' && isControlPath(c.req.path) && !controlOriginAllowed(c)) {
      const origin = c.req.header('origin');
      throw new MembraneApiError(
        403,
        `The emulator's controls (${CONTROL_PREFIX}/*) refuse requests from ${origin ? `the origin ${origin}` : 'another site'}: only its own origin, localhost dev servers and allowedOrigins (CLI: --allow-origin) may call them.`,
      );
    }
    return next();
  });

  // Request log, then faults (latency, error status); the emulator's own controls are exempt.
  app.use('*', async (c, next) => {
    const path = relativePath(c.req.path, basePath);
    if (c.req.method === 'OPTIONS' || path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`) || path === '/favicon.ico') return next();
    const started = Date.now();
    const settings = faults.get();
    if (settings.latencyMs > 0) await sleep(settings.latencyMs);
    const fault = faults.takeError(c.req.method, path);
    let faulted: Response | undefined;
    if (fault) {
      const error = new MembraneApiError(fault.status, fault.message ?? (fault.status === 401 ? 'Token expired' : undefined));
      faulted = c.json(error.data, fault.status as 400);
    } else {
      await next();
    }
    const auth = c.get('auth');
    store.requests.push({
      method: c.req.method,
      path,
      // The prebuilt UI pages carry the customer token in the query; the log never keeps it.
      query: Object.fromEntries(Object.entries(c.req.query()).map(([key, value]) => [key, key === 'token' ? '[redacted]' : value])),
      status: (faulted ?? c.res).status,
      ...(auth?.kind === 'customer' ? { customerId: auth.id } : {}),
      at: new Date(started).toISOString(),
      durationMs: Date.now() - started,
    });
    return faulted;
  });

  app.get('/favicon.ico', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(FAVICON_SVG, 200, { 'Content-Type': 'image/svg+xml' });
  });
  registerControlRoutes(app, ctx);
  registerRestRoutes(app, ctx);
  registerConnectRoutes(app, ctx);
  registerEmbedRoutes(app, ctx);
  registerScreenRoutes(app, ctx);
  registerWorkspaceEventsRoute(app, ctx);

  app.notFound((c) => c.json(new MembraneApiError(404, `No emulated endpoint for ${c.req.method} ${relativePath(c.req.path, basePath)}.`).data, 404));
  app.onError((error, c) => {
    if (error instanceof MembraneApiError) return c.json(error.data, error.status as 400);
    console.error('[membrane-emulator] unexpected error:', error instanceof Error ? error.message : error);
    return c.json(new MembraneApiError(500).data, 500);
  });

  return { fetch: async (request) => app.fetch(request), app, store, faults, workspaceKey, basePath };
}
