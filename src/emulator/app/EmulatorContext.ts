import type { Context } from 'hono';
import type { ConnectionEvents } from '../createConnectionEvents.js';
import type { EmulatorStore } from '../createEmulatorStore.js';
import type { FaultController } from '../createFaultController.js';
import type { VerifiedToken } from '../createTokenVerifier.js';
import type { PreparedConnect } from '../prepareConnect.js';
import type { EmulatorCustomer } from '../types.js';

/** A consent page waiting for Allow or Deny. */
export interface PendingConsent {
  prepared: PreparedConnect;
  requestId?: string;
  redirectUri?: string;
  /** The connection being reconnected (0.28 failures carry it). */
  connectionId?: string;
  createdAt: number;
}

/** Everything the routes share. */
export interface EmulatorContext {
  store: EmulatorStore;
  faults: FaultController;
  events: ConnectionEvents;
  workspaceKey: string;
  workspaceSecret: string;
  basePath: string;
  verify: (authorization: string | null | undefined) => Promise<VerifiedToken>;
  pendingConsents: Map<string, PendingConsent>;
}

/** Hono environment of the emulator app. */
export interface EmulatorEnv {
  Variables: { auth: VerifiedToken; customer: EmulatorCustomer | undefined };
}

/** Absolute URL of the app's mount point for this request (works behind any base path). */
export function mountUrl(c: Context, basePath: string): string {
  return `${new URL(c.req.url).origin}${basePath}`;
}

/** The request path relative to the mount point. */
export function relativePath(path: string, basePath: string): string {
  const rest = path.startsWith(basePath) ? path.slice(basePath.length) : path;
  return rest === '' ? '/' : rest;
}
