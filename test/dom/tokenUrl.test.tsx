import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectButton, ConnectionStatus, MembraneKitProvider } from '../../src/index.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { requests } = startKitTestEnvironment();
const TOKEN_URL = `${API_URI}/_emulator/token`;

/** Counts the kit's POSTs to the token endpoint (the emulator does not log its control routes). */
function countTokenRequests() {
  const fetchSpy = vi.spyOn(globalThis, 'fetch');
  return () =>
    fetchSpy.mock.calls.filter(([url, init]) => String(url) === TOKEN_URL && (init?.method ?? 'GET') === 'POST').length;
}

// tokenUrl is a string, so a React Server Component can render these with no client file of its own.
describe('tokenUrl', () => {
  it('lets components without a provider POST to the token endpoint, one request for all of them', async () => {
    const tokenRequests = countTokenRequests();
    render(
      <>
        <ConnectionStatus integrationKey="hubspot" apiUri={API_URI} tokenUrl={TOKEN_URL} />
        <ConnectionStatus integrationKey="salesforce" apiUri={API_URI} tokenUrl={TOKEN_URL} />
        <ConnectButton integrationKey="github" apiUri={API_URI} tokenUrl={TOKEN_URL} />
      </>,
    );
    await waitFor(() => expect(document.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'connected'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Connect GitHub' })).toBeInTheDocument());
    expect(tokenRequests()).toBe(1);
    expect(requests('GET', '/integrations')).toBe(1);
    // No kit prop reaches the DOM.
    expect(document.querySelector('[tokenurl], [tokenUrl], [apiuri]')).toBeNull();
  });

  it('works on the provider', async () => {
    const tokenRequests = countTokenRequests();
    render(
      <MembraneKitProvider apiUri={API_URI} tokenUrl={TOKEN_URL}>
        <ConnectionStatus integrationKey="hubspot" />
      </MembraneKitProvider>,
    );
    await waitFor(() => expect(document.querySelector('[data-slot="connection-status"]')).toHaveAttribute('data-state', 'connected'));
    expect(tokenRequests()).toBe(1);
  });

  it('says what is missing when neither tokenUrl nor fetchToken is given', () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      expect(() => render(<ConnectionStatus integrationKey="hubspot" apiUri={API_URI} />)).toThrow(/needs a tokenUrl .* or a fetchToken function/);
    } finally {
      console.error = original;
    }
  });
});
