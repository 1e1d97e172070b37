/**
 * Issue 11 items 8 and 14: API data the kit renders must not run script (a `javascript:` help link
 * or logo, which React 18 passes through) nor freeze the tab (a catastrophic schema `pattern`).
 * Runs on React 19 (dom) and 18.3 (dom-react18).
 */
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConnectButton, IntegrationsList } from '../../src/index.ts';
import { API_URI, startKitTestEnvironment } from './emulatorServer.ts';

const { emulator, fetchToken } = startKitTestEnvironment();
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
