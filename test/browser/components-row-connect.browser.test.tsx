import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { commands, userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/styles/styles.css';
import { IntegrationsList, resetSharedKits, type MembraneKitEvent } from '../../src/index.ts';
import { emulator, getToken, resetEmulator } from './emulator.ts';

// On React 19 (`browser`) and 18.3 (`browser-react18`), in StrictMode: a list row's own Connect
// button opens the real popup inside the click, and Allow there leaves that row connected.
beforeEach(async () => {
  await resetEmulator();
  await waitFor(async () => expect(await commands.countPopups()).toBe(0), { timeout: 5000 });
});
afterEach(() => {
  cleanup();
  resetSharedKits();
  vi.restoreAllMocks();
});

describe('IntegrationsList row in Chromium', () => {
  it('connects from the row: Connect opens the popup, Allow ends connected', async () => {
    const open = vi.spyOn(window, 'open');
    const events: MembraneKitEvent[] = [];
    render(<IntegrationsList fetchToken={() => getToken()} apiUri={emulator().apiUri} onEvent={(event) => events.push(event)} />);
    const button = await screen.findByRole('button', { name: 'Connect GitHub' }, { timeout: 10_000 });
    const row = button.closest<HTMLElement>('[data-slot="integrations-list-item"]')!;
    expect(row).toHaveAttribute('data-state', 'not-connected');

    await userEvent.click(button);
    expect(open).toHaveBeenCalledTimes(1);
    await commands.waitForPopup({ urlIncludes: '/connect' });
    await commands.clickInPopup({ urlIncludes: '/connect', role: 'button', name: 'Allow' });

    await waitFor(() => expect(row).toHaveAttribute('data-state', 'connected'), { timeout: 10_000 });
    expect(within(row).queryByRole('button', { name: 'Connect GitHub' })).toBeNull();
    expect(events.filter((event) => event.type.startsWith('connect.')).map((event) => event.type)).toEqual(['connect.started', 'connect.succeeded']);
  });
});
