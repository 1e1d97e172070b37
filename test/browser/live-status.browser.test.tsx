/**
 * Live status in Chromium against the emulator's real `/sse/workspace` stream: a connection
 * created or archived from "another tab" (a plain fetch with the customer's token) shows in a
 * mounted IntegrationsList and ConnectionStatus within about two seconds, without a reload and
 * with one list refetch per change.
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../src/styles/styles.css';
import { ConnectionStatus, IntegrationsList, MembraneKitProvider, resetSharedKits } from '../../src/index.ts';
import { emulator, getToken, requestLog, resetEmulator } from './emulator.ts';

const fetchToken = () => getToken();
const LIVE_WITHIN_MS = 2_000;

beforeEach(async () => {
  await resetEmulator();
});
afterEach(() => {
  cleanup();
  resetSharedKits();
});

/** What another tab of the same customer does: a REST call with its own token. */
async function fromAnotherTab(method: string, path: string, body?: unknown): Promise<{ id: string }> {
  const token = await getToken();
  const response = await fetch(`${emulator().apiUri}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok, `${method} ${path} answered ${response.status}`).toBe(true);
  return (await response.json()) as { id: string };
}

const count = async (method: string, path: string): Promise<number> =>
  (await requestLog()).filter((entry) => entry.method === method && entry.path === path).length;

function row(key: string): HTMLElement | undefined {
  const list = screen.getByRole('list', { name: 'Integrations' });
  return within(list)
    .getAllByRole('listitem')
    .find((item) => item.dataset.integrationKey === key);
}
const status = (key: string) => screen.getByTestId(`status-${key}`).querySelector<HTMLElement>('[data-slot="connection-status"]');

describe('live status from /sse/workspace (Chromium)', () => {
  it('a connection created, then archived, in another tab shows in the list and the status within 2 s, one list refetch each', async () => {
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={emulator().apiUri}>
        <span data-testid="status-github">
          <ConnectionStatus integrationKey="github" />
        </span>
        <IntegrationsList />
      </MembraneKitProvider>,
    );
    await screen.findByRole('list', { name: 'Integrations' }, { timeout: 10_000 });
    await waitFor(() => expect(row('github')).toHaveAttribute('data-state', 'not-connected'), { timeout: 10_000 });
    expect(status('github')).toHaveAttribute('data-state', 'not-connected');
    // The stream is open once the emulator logged it (one for the whole page, even in StrictMode).
    await waitFor(async () => expect(await count('GET', '/sse/workspace')).toBe(1), { timeout: 5_000 });
    const navigationStart = performance.timeOrigin;

    let before = await count('GET', '/integrations');
    const created = await fromAnotherTab('POST', '/connections', { integrationKey: 'github' });
    let changedAt = performance.now();
    await waitFor(
      () => {
        expect(row('github')).toHaveAttribute('data-state', 'connected');
        expect(status('github')).toHaveAttribute('data-state', 'connected');
      },
      { timeout: LIVE_WITHIN_MS, interval: 20 },
    );
    expect(performance.now() - changedAt).toBeLessThan(LIVE_WITHIN_MS);
    // Give a refetch storm the chance to show, then count.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const afterCreate = await count('GET', '/integrations');
    expect(afterCreate - before).toBeGreaterThanOrEqual(1);
    expect(afterCreate - before).toBeLessThanOrEqual(2);

    before = afterCreate;
    await fromAnotherTab('DELETE', `/connections/${created.id}`);
    changedAt = performance.now();
    await waitFor(
      () => {
        expect(row('github')).toHaveAttribute('data-state', 'not-connected');
        expect(status('github')).toHaveAttribute('data-state', 'not-connected');
      },
      { timeout: LIVE_WITHIN_MS, interval: 20 },
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    const afterArchive = await count('GET', '/integrations');
    expect(afterArchive - before).toBeGreaterThanOrEqual(1);
    expect(afterArchive - before).toBeLessThanOrEqual(2);

    // No reload happened, and still one stream.
    expect(performance.timeOrigin).toBe(navigationStart);
    expect(await count('GET', '/sse/workspace')).toBe(1);
  });

  it('another customer\'s change reaches no one here', async () => {
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={emulator().apiUri}>
        <IntegrationsList />
      </MembraneKitProvider>,
    );
    await screen.findByRole('list', { name: 'Integrations' }, { timeout: 10_000 });
    await waitFor(async () => expect(await count('GET', '/sse/workspace')).toBe(1), { timeout: 5_000 });
    const before = await count('GET', '/integrations');
    const other = await getToken('someone-else', 'Someone Else');
    const response = await fetch(`${emulator().apiUri}/connections`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other}`, 'content-type': 'application/json' },
      body: JSON.stringify({ integrationKey: 'github' }),
    });
    expect(response.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await count('GET', '/integrations')).toBe(before);
    expect(row('github')).toHaveAttribute('data-state', 'not-connected');
  });
});
