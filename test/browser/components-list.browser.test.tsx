import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../src/styles/styles.css';
import { IntegrationsList, resetSharedKits } from '../../src/index.ts';
import { emulator, getToken, resetEmulator } from './emulator.ts';

beforeEach(() => resetEmulator());
afterEach(() => {
  cleanup();
  resetSharedKits();
});

describe('IntegrationsList search in Chromium', () => {
  it('hides non-matching rows without unmounting them, and shows them again when cleared', async () => {
    render(<IntegrationsList fetchToken={() => getToken()} apiUri={emulator().apiUri} />);
    const list = await screen.findByRole('list', { name: 'Integrations' }, { timeout: 10_000 });
    const total = list.querySelectorAll('[data-slot="integrations-list-item"]').length;
    const hubspotRow = list.querySelector('[data-integration-key="hubspot"]');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search integrations' }), 'hubs');
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(list.querySelectorAll('[data-slot="integrations-list-item"][hidden]')).toHaveLength(total - 1);
    expect(list.querySelector('[data-integration-key="hubspot"]')).toBe(hubspotRow);
    await userEvent.clear(screen.getByRole('searchbox'));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(total));
  });
});
