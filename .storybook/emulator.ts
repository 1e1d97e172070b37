import { apiUri as demoApiUri } from 'virtual:membrane-emulator';
import { workspaces, type WorkspaceName } from './workspaces.js';

/**
 * The local Membrane emulator as the stories see it, in both Storybook modes:
 * - `storybook dev` (and the Vitest run of the stories): real emulators mounted on the dev server
 *   by the emulator's Vite plugin, so popups, SSE and the prebuilt UI work for real;
 * - a static `storybook build`: the same emulator app running in the page, reached through MSW
 *   (REST and tokens work; navigations such as the consent popup need the dev server).
 * Either way the stories use real signed tokens from the emulator's token endpoint.
 */
export const emulatorMode = __MEMBRANE_EMULATOR_MODE__;

/** Where the site is served from, e.g. `http://localhost:6006` (or a sub-path in a static deployment). */
const siteRoot = demoApiUri.slice(0, demoApiUri.length - workspaces.demo.path.length);

/** URLs of one emulator workspace. */
export interface EmulatorWorkspace {
  name: WorkspaceName;
  apiUri: string;
  uiUri: string;
  tokenUrl: string;
}

/** The URLs of an emulator workspace (see `.storybook/workspaces.ts`). */
export function emulatorWorkspace(name: WorkspaceName = 'demo'): EmulatorWorkspace {
  const apiUri = `${siteRoot}${workspaces[name].path}`;
  return { name, apiUri, uiUri: `${apiUri}/ui`, tokenUrl: `${apiUri}/_emulator/token` };
}

let ready: Promise<void> | undefined;

/** Resolves once the emulators answer: at once on the dev server, after MSW starts in a static build. */
export function emulatorReady(): Promise<void> {
  ready ??= emulatorMode === 'msw' ? startInBrowserEmulators() : Promise.resolve();
  return ready;
}

async function startInBrowserEmulators(): Promise<void> {
  // Static builds only (see inBrowserEmulators.ts): the dev server resolves this import to a stub.
  const { startInBrowserEmulators: start } = await import('./inBrowserEmulators.js');
  await start((name) => emulatorWorkspace(name).apiUri);
}

/** What the emulator's token endpoint accepts. Leave `customerId` out for the seeded customer "Acme Inc.". */
export interface EmulatorTokenRequest {
  workspace?: WorkspaceName;
  customerId?: string;
  name?: string;
  /** Lifetime in seconds; short values show the kit refreshing the token. */
  expiresIn?: number;
}

/** A signed token and its expiry, as `POST /_emulator/token` answers. */
export interface EmulatorToken {
  token: string;
  expiresAt: string;
}

/** Asks the emulator for a real signed customer token, as an app's backend would. */
export async function requestEmulatorToken({ workspace, ...body }: EmulatorTokenRequest = {}): Promise<EmulatorToken> {
  await emulatorReady();
  const response = await fetch(emulatorWorkspace(workspace).tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`The emulator's token endpoint answered ${response.status} ${response.statusText}.`);
  }
  return (await response.json()) as EmulatorToken;
}

/** A `fetchToken` callback for the kit, backed by the emulator's token endpoint (your backend's job in an app). */
export function emulatorFetchToken(request: EmulatorTokenRequest = {}): () => Promise<string> {
  return async () => (await requestEmulatorToken(request)).token;
}

async function control(workspace: WorkspaceName, method: string, path: string, body?: unknown): Promise<void> {
  await emulatorReady();
  const response = await fetch(`${emulatorWorkspace(workspace).apiUri}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`The emulator refused ${method} /_emulator/${path}: ${response.status} ${await response.text()}`);
  }
}

/** Emulator fault settings (see docs/emulator.md); unset fields keep their value. */
export interface EmulatorFaults {
  latencyMs?: number;
  errors?: Array<{ status: number; times?: number; route?: string; message?: string }>;
  unauthenticated?: boolean;
  tokenExpiresIn?: number | null;
  consent?: 'manual' | 'allow' | 'deny' | 'fail';
}

/** Sets faults on one workspace: latency, error statuses, forced 401, consent behaviour. */
export function setEmulatorFaults(workspace: WorkspaceName, faults: EmulatorFaults): Promise<void> {
  return control(workspace, 'PUT', 'faults', faults);
}

/** Clears every fault of one workspace. */
export function clearEmulatorFaults(workspace: WorkspaceName): Promise<void> {
  return control(workspace, 'DELETE', 'faults');
}

/** Puts one workspace back to its seed (connections, customers) and clears its faults. */
export function resetEmulator(workspace: WorkspaceName): Promise<void> {
  return control(workspace, 'POST', 'reset');
}
