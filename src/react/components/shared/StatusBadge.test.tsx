import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MembraneKit } from '../../kit/createKit.js';
import type { ResolvedKit } from '../../kit/useKit.js';
import { defaultLabels } from '../../labels/defaultLabels.js';
import { StatusBadge } from './StatusBadge.js';

const kit: ResolvedKit = {
  kit: {} as MembraneKit,
  theme: 'light',
  unstyled: false,
  labels: defaultLabels,
  portalContainer: null,
  inProvider: false,
  emit: () => {},
};

describe('StatusBadge', () => {
  it('is a plain, unfocusable pill without details', () => {
    render(<StatusBadge state="connected" name="HubSpot" details={undefined} kit={kit} />);
    const badge = screen.getByText(defaultLabels.status.connected);
    expect(badge).not.toHaveAttribute('tabindex');
    expect(badge).not.toHaveAttribute('aria-describedby');
  });

  it('describes an error badge with the error text while no tooltip is shown', () => {
    render(<StatusBadge state="error" name="Slack" details="Token revoked by the user" kit={kit} />);
    const badge = screen.getByText(defaultLabels.status.error);
    expect(badge).toHaveAttribute('tabindex', '0');
    expect(badge).toHaveAccessibleDescription(/Token revoked by the user/);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('opens the tooltip on the very first keyboard focus without moving focus, and closes it on blur', async () => {
    const user = userEvent.setup();
    render(
      <>
        <button type="button">Before</button>
        <StatusBadge state="error" name="Slack" details="Token revoked by the user" kit={kit} />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Before' }));
    await user.tab();
    const badge = screen.getByText(defaultLabels.status.error);
    expect(badge).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Token revoked by the user');
    // The tooltip is portalled beside the badge: the focused element is still the same one.
    expect(badge).toHaveFocus();
    expect(badge).toBeInTheDocument();

    await act(async () => {
      await user.tab();
    });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('closes the tooltip on Escape and keeps focus on the badge', async () => {
    const user = userEvent.setup();
    render(<StatusBadge state="error" name="Slack" details="Token revoked by the user" kit={kit} />);
    await user.tab();
    const badge = screen.getByText(defaultLabels.status.error);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Token revoked by the user');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).toBeNull();
    expect(badge).toHaveFocus();
  });

  it('portals the tooltip with the theme tokens when there is no provider element', async () => {
    const user = userEvent.setup();
    render(<StatusBadge state="error" name="Slack" details="Token revoked by the user" kit={{ ...kit, theme: 'dark' }} />);
    await user.tab();
    const bubble = (await screen.findByRole('tooltip')).parentElement!;
    expect(bubble.parentElement).toBe(document.body);
    expect(bubble).toHaveClass('mk-root', 'mk-Tooltip');
    expect(bubble).toHaveAttribute('data-mk-theme', 'dark');
  });
});
