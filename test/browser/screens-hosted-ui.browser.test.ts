/**
 * `mode="prebuilt"` in Chromium against the emulator's 0.28 hosted screens: with no `sdk` the kit
 * opens `/screens/connect` itself (openHostedScreen, no SDK loaded); with `sdk={MembraneClient}`
 * the real `@membranehq/sdk` 0.28.3 opens it through the kit's 0.28 adapter.
 */
import { MembraneClient } from '@membranehq/sdk';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import '../../src/styles/styles.css';
import { ConnectButton, resetSharedKits, type MembraneKitEvent } from '../../src/index.ts';
import { emulator, getToken, requestLog, resetEmulator, setFaults } from './emulator.ts';

const SALESFORCE_CONNECTION = '65a1f0c2d4e5f60718293c02';
const screens = { frameUrlIncludes: '/screens/' };
const fetchToken = () => getToken();

beforeEach(async () => {
  await resetEmulator();
  await setFaults({ consent: 'manual' });
});
afterEach(() => {
  cleanup();
  resetSharedKits();
  vi.restoreAllMocks();
});

function renderButton(integrationKey: string, extra: Record<string, unknown> = {}) {
  const onConnected = vi.fn();
  const onCancel = vi.fn();
  const events: MembraneKitEvent[] = [];
  render(
    createElement(ConnectButton, {
      integrationKey,
      mode: 'prebuilt',
      fetchToken,
      apiUri: emulator().apiUri,
      uiUri: emulator().uiUri,
      onConnected,
      onCancel,
      onEvent: (event: MembraneKitEvent) => events.push(event),
      ...extra,
    }),
  );
  return { onConnected, onCancel, events };
}

async function ready(name: string) {
  const button = await screen.findByRole('button', { name }, { timeout: 10_000 });
  await waitFor(() => expect(button).not.toHaveAttribute('data-state', 'loading'), { timeout: 10_000 });
  return button;
}

const kitOverlay = () => document.querySelector('[data-mk-hosted-screen]');

describe('prebuilt mode with no SDK: the kit’s own hosted screens', () => {
  it('connects through /screens/connect and ends connected; the overlay is removed and focus returns', async () => {
    const { onConnected, events } = renderButton('github');
    const button = await ready('Connect GitHub');
    await userEvent.click(button);
    await waitFor(() => expect(kitOverlay()).not.toBeNull());
    expect(kitOverlay()).toHaveAttribute('role', 'dialog');
    expect(await commands.frameText(screens)).toContain('Authorize GitHub for Acme Inc.');
    await commands.clickInFrame({ ...screens, role: 'button', name: 'Connect' });
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(onConnected.mock.calls[0]![0]).toMatchObject({ name: 'GitHub', connected: true });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'connected'));
    expect(kitOverlay()).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(document.getElementById('__integration-app-container')).toBeNull();
    expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.succeeded']);
    const log = await requestLog();
    expect(log.filter((entry) => entry.method === 'POST' && entry.path === '/screens/connect')).toHaveLength(1);
    expect(log.some((entry) => entry.path.startsWith('/ui/embed'))).toBe(false);
  });

  it('Cancel in the screen, and Escape on the overlay, end as cancelled with nothing created', async () => {
    const { onCancel, events } = renderButton('notion');
    const button = await ready('Connect Notion');
    await userEvent.click(button);
    await commands.clickInFrame({ ...screens, role: 'button', name: 'Cancel' });
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(kitOverlay()).toBeNull();

    await waitFor(() => expect(button).not.toHaveAttribute('data-busy'));
    await userEvent.click(button);
    expect(await commands.frameText(screens)).toContain('Authorize Notion');
    (kitOverlay() as HTMLElement).focus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(2), { timeout: 10_000 });
    expect(kitOverlay()).toBeNull();
    expect(events.map((event) => event.type)).toEqual(['connect.started', 'connect.cancelled', 'connect.started', 'connect.cancelled']);
    expect(button).toHaveAttribute('data-state', 'not-connected');
  });

  it('reconnects a disconnected connection through /screens/connect with its connectionId (same id)', async () => {
    const { onConnected, events } = renderButton('salesforce');
    const button = await ready('Reconnect Salesforce');
    await userEvent.click(button);
    expect(await commands.frameText(screens)).toContain('Reconnect Salesforce');
    await commands.clickInFrame({ ...screens, role: 'button', name: 'Reconnect' });
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(onConnected.mock.calls[0]![0]).toMatchObject({ id: SALESFORCE_CONNECTION });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'connected'));
    expect(events[0]).toMatchObject({ mode: 'prebuilt', reconnect: true });
  });
});

describe('prebuilt mode with sdk={MembraneClient} (@membranehq/sdk 0.28.3)', () => {
  it('connects through the SDK’s ui.connect screen and ends connected', async () => {
    const { onConnected } = renderButton('github', { sdk: MembraneClient });
    const button = await ready('Connect GitHub');
    await userEvent.click(button);
    await waitFor(() => expect(document.getElementById('__integration-app-container')).not.toBeNull(), { timeout: 10_000 });
    expect(kitOverlay()).toBeNull();
    await commands.clickInFrame({ ...screens, role: 'button', name: 'Connect' });
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    await waitFor(() => expect(button).toHaveAttribute('data-state', 'connected'));
  });

  it('reconnects through ui.connect({ connectionId }), keeping the id', async () => {
    const { onConnected } = renderButton('salesforce', { sdk: MembraneClient });
    await userEvent.click(await ready('Reconnect Salesforce'));
    expect(await commands.frameText(screens)).toContain('Reconnect Salesforce');
    await commands.clickInFrame({ ...screens, role: 'button', name: 'Reconnect' });
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(onConnected.mock.calls[0]![0]).toMatchObject({ id: SALESFORCE_CONNECTION });
  });
});
