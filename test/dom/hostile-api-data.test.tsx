/**
 * Issue 11 items 7, 8 and 14: API data the kit renders must not run script (a `javascript:` help
 * link or logo, which React 18 passes through), nor freeze the tab (a catastrophic schema
 * `pattern`), nor take the whole list down (one malformed integration, or one row that throws).
 * Runs on React 19 (dom) and 18.3 (dom-react18).
 */
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { ConnectButton, IntegrationsList } from '../../src/index.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, server, fetchToken } = startKitTestEnvironment();
const HOSTILE = 'javascript:alert(document.cookie)';

function stripeOption() {
  const stripe = emulator.store.findIntegration('stripe')! as { logoUri: string; authOptions?: { ui?: { helpUri?: string; schema?: unknown } }[] };
  return { stripe, option: stripe.authOptions![0]! };
}

async function openStripeDialog() {
  const user = userEvent.setup();
  render(<ConnectButton integrationKey="stripe" fetchToken={fetchToken} apiUri={API_URI} />);
  const button = await screen.findByRole('button', { name: 'Connect Stripe' }, { timeout: 5_000 });
  await waitFor(() => expect(button).toHaveAttribute('data-state', 'not-connected'));
  await user.click(button);
  return { user, dialog: await screen.findByRole('dialog', { name: 'Connect Stripe' }) };
}

describe('API data as links and images', () => {
  it('keeps an https help link', async () => {
    const { dialog } = await openStripeDialog();
    expect(within(dialog).getByRole('link', { name: 'Where do I find these details?' })).toHaveAttribute('href', 'https://docs.stripe.com/keys');
  });

  it('drops a javascript: help link and logo instead of rendering them', async () => {
    const { stripe, option } = stripeOption();
    option.ui!.helpUri = HOSTILE;
    stripe.logoUri = HOSTILE;
    const { dialog } = await openStripeDialog();
    expect(within(dialog).queryByRole('link', { name: 'Where do I find these details?' })).toBeNull();
    for (const element of document.querySelectorAll('[href], [src]')) {
      expect(element.getAttribute('href') ?? element.getAttribute('src')).not.toMatch(/^\s*javascript:/i);
    }
  });

  it('shows the letter fallback in the list for a javascript: logo', async () => {
    stripeOption().stripe.logoUri = HOSTILE;
    render(<IntegrationsList fetchToken={fetchToken} apiUri={API_URI} />);
    await screen.findByText('Stripe');
    expect(document.querySelector('img[src^="javascript:"]')).toBeNull();
    expect(document.querySelectorAll('img[data-slot="integrations-list-logo"]').length).toBeGreaterThan(0);
  });
});

describe('a catastrophic schema pattern', () => {
  it('typing 29 characters against ^(a+)+$ does not freeze the form', async () => {
    const { option } = stripeOption();
    const schema = option.ui!.schema as { properties: Record<string, { pattern?: string }> };
    schema.properties.secretKey!.pattern = '^(a+)+$';
    const { user, dialog } = await openStripeDialog();
    const secret = within(dialog).getByLabelText(/Secret key/);
    const started = performance.now();
    await user.type(secret, `${'a'.repeat(28)}!`);
    await user.tab();
    // userEvent's own keystrokes cost ~1.5 s here; before the fix this took 11 s. The 50 ms bound
    // per validation is checked without the DOM in validateParameters.pattern.test.ts.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(secret).toHaveValue(`${'a'.repeat(28)}!`);
  });
});

/** One page of `GET /integrations` as a misbehaving server could send it. */
const MALFORMED_PAGE = {
  items: [
    { id: 'int-healthy', key: 'healthy', name: 'Healthy App', logoUri: 'https://example.com/healthy.png' },
    { id: 'int-numeric', key: 'numeric', name: 42, logoUri: { url: 'https://example.com/x.png' } },
    { id: 'int-nameless', key: 'nameless-app' },
    {
      id: 'int-errors',
      key: 'errors-object',
      name: 'Errors Object',
      connection: { id: 'conn-errors', connected: true, errors: { message: 'not an array' }, requestError: 'boom', state: 7 },
    },
    { name: 'Neither id nor key' },
    { key: 'key-only', name: 'Key Only' },
    null,
    'not an object',
  ],
};

function serveIntegrations(page: Record<string, unknown>) {
  server.use(http.get(`${API_URI}/integrations`, () => HttpResponse.json(page)));
}

const rowNames = () =>
  [...document.querySelectorAll('[data-slot="integrations-list-item"] [data-slot="integrations-list-name"]')].map((el) => el.textContent);

describe('malformed integrations in a list page', () => {
  it('renders every usable row, with the key as the name when the name is missing, and drops items without id and key', async () => {
    serveIntegrations(MALFORMED_PAGE);
    render(<IntegrationsList fetchToken={fetchToken} apiUri={API_URI} />);
    await screen.findByText('Healthy App', {}, { timeout: 5_000 });
    await waitFor(() => expect(rowNames()).toEqual(['Healthy App', '42', 'nameless-app', 'Errors Object', 'Key Only']));
    expect(screen.queryByText('Neither id nor key')).toBeNull();
    expect(screen.getByRole('button', { name: /Connect.*Healthy App/ })).toBeInTheDocument();
    // `errors` that is not an array is dropped; the connection is connected, not an error.
    const errorsRow = document.querySelector('[data-integration-key="errors-object"]')!;
    expect(errorsRow).toHaveAttribute('data-state', 'connected');
  });
});

describe('a row that throws while rendering', () => {
  it('shows a compact row that says it could not be shown, and the other rows stay', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <IntegrationsList
        fetchToken={fetchToken}
        apiUri={API_URI}
        renderItem={(integration) => {
          if (integration.key === 'stripe') throw new Error('renderItem broke on Stripe');
          return (
            <IntegrationsList.Item integration={integration}>
              <IntegrationsList.Name />
            </IntegrationsList.Item>
          );
        }}
      />,
    );
    await screen.findByText('HubSpot', {}, { timeout: 5_000 });
    const fallback = await screen.findByText('This integration could not be shown');
    expect(fallback.closest('li')).toHaveAttribute('data-slot', 'integrations-list-item-error');
    expect(fallback.closest('li')).toHaveAttribute('data-integration-key', 'stripe');
    expect(screen.queryByText('Stripe')).toBeNull();
    expect(rowNames().length).toBeGreaterThan(1);
  });
});
