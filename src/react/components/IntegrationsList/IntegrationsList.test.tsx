import { render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { API_URI, startKitTestEnvironment } from '../../../../test/dom/emulatorServer.ts';
import { MembraneKitProvider } from '../../provider/MembraneKitProvider.js';
import { IntegrationsList } from './IntegrationsList.js';

const { fetchToken } = startKitTestEnvironment();

describe('IntegrationsList refs', () => {
  it('hands refs to the root and to each part’s element, asChild included, without warnings', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const root = createRef<HTMLDivElement>();
    const item = createRef<HTMLLIElement>();
    const logo = createRef<HTMLImageElement>();
    const name = createRef<HTMLSpanElement>();
    const status = createRef<HTMLSpanElement>();
    const action = createRef<HTMLSpanElement>();
    const custom = createRef<HTMLLIElement>();
    render(
      <MembraneKitProvider fetchToken={fetchToken} apiUri={API_URI}>
        <IntegrationsList
          ref={root}
          renderItem={(integration) =>
            integration.key === 'hubspot' ? (
              <IntegrationsList.Item ref={item} integration={integration}>
                <IntegrationsList.Logo ref={logo} />
                <IntegrationsList.Name ref={name} />
                <IntegrationsList.Status ref={status} />
                <IntegrationsList.Action ref={action} />
              </IntegrationsList.Item>
            ) : integration.key === 'salesforce' ? (
              <IntegrationsList.Item ref={custom} integration={integration} asChild>
                <li data-custom="">
                  <IntegrationsList.Name />
                </li>
              </IntegrationsList.Item>
            ) : (
              <IntegrationsList.Item integration={integration} />
            )
          }
        />
      </MembraneKitProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Integrations' });
    expect(root.current).toHaveAttribute('data-slot', 'integrations-list');
    expect(item.current).toHaveAttribute('data-integration-key', 'hubspot');
    expect(list).toContainElement(item.current);
    expect(logo.current?.tagName).toBe('IMG');
    expect(logo.current).toHaveAttribute('data-slot', 'integrations-list-logo');
    expect(name.current).toHaveTextContent('HubSpot');
    expect(status.current).toHaveAttribute('data-slot', 'integrations-list-status');
    expect(action.current).toHaveAttribute('data-slot', 'integrations-list-action');
    expect(within(action.current!).getAllByRole('button').length).toBeGreaterThan(0);
    expect(custom.current).toHaveAttribute('data-custom', '');
    expect(custom.current).toHaveAttribute('data-slot', 'integrations-list-item');
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('keeps its display names and compound parts', () => {
    expect(IntegrationsList.displayName).toBe('IntegrationsList');
    expect(IntegrationsList.Item.displayName).toBe('IntegrationsListItem');
    expect([IntegrationsList.Logo, IntegrationsList.Name, IntegrationsList.Status, IntegrationsList.Action].map((part) => part.displayName)).toEqual([
      'IntegrationsListLogo',
      'IntegrationsListName',
      'IntegrationsListStatus',
      'IntegrationsListAction',
    ]);
  });
});
