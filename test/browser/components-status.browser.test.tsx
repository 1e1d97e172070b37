/**
 * `<ConnectionStatus>` in Chromium against the emulator: the error text of a broken connection is
 * announced with the badge, and shown in a tooltip on hover and on keyboard focus, hidden again
 * on Escape, on blur and when the pointer leaves. Written against roles and text only.
 */
import type { CSSProperties } from 'react';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../src/styles/styles.css';
import { ConnectionStatus, resetSharedKits } from '../../src/index.ts';
import { emulator, getToken, resetEmulator } from './emulator.ts';

// The seed's Slack connection was revoked; this is the error Membrane reports for it.
const ERROR_TEXT = 'The access token was revoked by the user';
const fetchToken = () => getToken();

beforeEach(async () => {
  await resetEmulator();
});
afterEach(() => {
  cleanup();
  resetSharedKits();
});

async function renderSlackStatus(style?: CSSProperties) {
  render(
    <div style={style}>
      <button type="button">Before</button>
      <ConnectionStatus integrationKey="slack" fetchToken={fetchToken} apiUri={emulator().apiUri} />
      <button type="button">After</button>
    </div>,
  );
  const status = await screen.findByText('Disconnected', {}, { timeout: 10_000 });
  const badge = status.closest<HTMLElement>('[tabindex]');
  expect(badge).not.toBeNull();
  return badge!;
}

/** The tooltip the user sees (not only its screen-reader copy). */
async function visibleTooltip() {
  const tooltip = await screen.findByRole('tooltip', {}, { timeout: 5000 });
  expect(tooltip).toHaveTextContent(ERROR_TEXT);
  const bubble = tooltip.parentElement!;
  expect(bubble).toBeVisible();
  expect(bubble.getBoundingClientRect().width).toBeGreaterThan(0);
  return tooltip;
}

async function tooltipGone(after: string) {
  await waitFor(() => expect(screen.queryByRole('tooltip'), `tooltip still shown after ${after}`).toBeNull(), { timeout: 3000 });
}

describe('ConnectionStatus error tooltip (Chromium)', () => {
  it('announces the error text with the badge', async () => {
    const badge = await renderSlackStatus();
    // Slack is disconnected with a revoked-token error (0.28 reads connected:false first); the text is the same.
    expect(badge).toHaveTextContent('Slack status: Disconnected');
    expect(badge).toHaveAccessibleDescription(`Details: ${ERROR_TEXT}`);
    const describedBy = badge.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)).toHaveTextContent(ERROR_TEXT);
    // Nothing is shown before the user asks for it.
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('shows the error text on hover, hides it on Escape and when the pointer leaves', async () => {
    const badge = await renderSlackStatus();
    await userEvent.hover(badge);
    await visibleTooltip();
    await userEvent.keyboard('{Escape}');
    await tooltipGone('Escape (hover)');

    await userEvent.unhover(badge);
    await userEvent.hover(badge);
    await visibleTooltip();
    // The tooltip stays open for a moment while the pointer may be heading for it, so the pointer
    // moves away in more than one step, as a real mouse does.
    await userEvent.hover(screen.getByRole('button', { name: 'After' }));
    await userEvent.hover(screen.getByRole('button', { name: 'Before' }));
    await tooltipGone('the pointer left');
  });

  it('shows the error text on keyboard focus (Tab), hides it on Escape and on blur', async () => {
    const badge = await renderSlackStatus();
    screen.getByRole('button', { name: 'Before' }).focus();
    await userEvent.tab();
    expect(badge).toHaveFocus();
    await visibleTooltip();

    await userEvent.keyboard('{Escape}');
    await tooltipGone('Escape (focus)');
    expect(badge).toHaveFocus();

    // Back and forth: focus shows it again, leaving hides it.
    await userEvent.tab({ shift: true });
    await userEvent.tab();
    expect(badge).toHaveFocus();
    await visibleTooltip();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
    await tooltipGone('blur');
  });

  it('places the tooltip above the badge, below it when there is no room above, and inside the viewport', async () => {
    // Room above, badge at the right edge: above, clamped to the viewport's right side.
    let badge = await renderSlackStatus({ position: 'absolute', top: 200, right: 0 });
    badge.focus();
    let bubble = (await visibleTooltip()).parentElement!;
    let bubbleBox = bubble.getBoundingClientRect();
    let badgeBox = badge.getBoundingClientRect();
    expect(bubble).toHaveAttribute('data-side', 'top');
    expect(bubbleBox.bottom).toBeLessThanOrEqual(badgeBox.top);
    expect(bubbleBox.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
    expect(bubbleBox.left).toBeGreaterThanOrEqual(0);
    cleanup();

    // At the very top of the page: it flips below the badge.
    badge = await renderSlackStatus({ position: 'absolute', top: 0, left: 0 });
    badge.focus();
    bubble = (await visibleTooltip()).parentElement!;
    bubbleBox = bubble.getBoundingClientRect();
    badgeBox = badge.getBoundingClientRect();
    expect(bubble).toHaveAttribute('data-side', 'bottom');
    expect(bubbleBox.top).toBeGreaterThanOrEqual(badgeBox.bottom);
    expect(bubbleBox.left).toBeGreaterThanOrEqual(0);
  });
});
