import { emulatorReady, emulatorWorkspace } from '../../.storybook/emulator.js';
import type { WorkspaceName } from '../../.storybook/workspaces.js';

/**
 * Puts a connection of a story's emulator workspace into a Membrane 0.28 state, through the
 * emulator's `PATCH /_emulator/connections/:selector` (docs/emulator.md, "Connection status"):
 * `selector` is a connection id or an integration key (the seeded customer's connection to it).
 *
 * @example
 * ```ts
 * await setConnectionState('sandbox', 'hubspot', { state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'connect', description: 'Sign in again.' } });
 * ```
 */
export async function setConnectionState(workspace: WorkspaceName, selector: string, status: Record<string, unknown>): Promise<void> {
  await emulatorReady();
  const response = await fetch(`${emulatorWorkspace(workspace).apiUri}/_emulator/connections/${encodeURIComponent(selector)}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(status),
  });
  if (!response.ok) throw new Error(`The emulator refused PATCH /_emulator/connections/${selector}: ${response.status} ${await response.text()}`);
}
