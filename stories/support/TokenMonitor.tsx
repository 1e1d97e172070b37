import { useEffect, useState } from 'react';
import { useIntegrations, useTokenState } from '../../src/index.js';

const time = (ms: number) => new Date(ms).toLocaleTimeString('en-GB');

/**
 * Shows the kit's token as an app developer would want to see it while debugging: its status,
 * a countdown to expiry and every refresh. `pollEveryMs` makes the page ask Membrane for the list
 * regularly, as a live dashboard would; the kit refreshes the token ahead of expiry on the way.
 */
export function TokenMonitor({ pollEveryMs }: { pollEveryMs?: number }) {
  const { status, expiresAt, error } = useTokenState();
  const { refetch } = useIntegrations();
  const [tokens, setTokens] = useState<number[]>([]);
  const [now, setNow] = useState(() => Date.now());

  // A new expiry means a new token: record it while rendering (no effect, no extra render pass).
  if (expiresAt !== undefined && !tokens.includes(expiresAt)) setTokens([...tokens, expiresAt]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!pollEveryMs) return undefined;
    const timer = setInterval(() => refetch(), pollEveryMs);
    return () => clearInterval(timer);
  }, [pollEveryMs, refetch]);

  const secondsLeft = expiresAt === undefined ? undefined : Math.max(0, Math.round((expiresAt - now) / 1000));
  return (
    <section
      aria-label="Membrane token"
      style={{
        display: 'grid',
        gap: 'var(--mk-space-1)',
        padding: 'var(--mk-space-4)',
        border: 'var(--mk-border-width) solid var(--mk-color-border)',
        borderRadius: 'var(--mk-radius-lg)',
        background: 'var(--mk-color-surface)',
        color: 'var(--mk-color-text)',
        fontFamily: 'var(--mk-font-family)',
      }}
    >
      <strong>Token</strong>
      <span data-testid="token-status">Status: {status}</span>
      {secondsLeft !== undefined && <span>Expires in {secondsLeft} s (at {time(expiresAt ?? 0)})</span>}
      <span data-testid="token-count" aria-live="polite">
        Tokens fetched: {tokens.length}
        {tokens.length > 1 ? ` — refreshed ${tokens.length - 1} time${tokens.length === 2 ? '' : 's'}` : ''}
      </span>
      {error && <span role="alert">Token error: {error.message}</span>}
    </section>
  );
}
