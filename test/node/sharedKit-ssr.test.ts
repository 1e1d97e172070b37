// Server rendering: a provider-less component rendered for one request must share nothing (token,
// fetchToken, cached data) with the next request's render in the same process.
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionStatus, getSharedKit, useMembraneKit, type KitProps, type MembraneKit } from '../../src/index.ts';

const API_URI = 'http://membrane.test';

/** An unsigned JWT for `id` (the kit reads claims, the API verifies signatures). */
function tokenFor(id: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ id, iat: now, exp: now + 3600 })}.signature`;
}

/** Renders a request's page (a status and a probe reading its kit) and returns the kit it used. */
function renderRequest(fetchToken: KitProps['fetchToken']): { html: string; kit: MembraneKit } {
  let kit: MembraneKit | undefined;
  function Probe(props: KitProps): ReactElement | null {
    kit = useMembraneKit(props).kit;
    return null;
  }
  const html = renderToString(
    createElement('main', null, createElement(ConnectionStatus, { integrationKey: 'hubspot', apiUri: API_URI, fetchToken }), createElement(Probe, { apiUri: API_URI, fetchToken })),
  );
  if (!kit) throw new Error('The probe did not render.');
  return { html, kit };
}

describe('shared kits on a server', () => {
  it("a second request's render never uses the first request's fetchToken, token or cache", async () => {
    const alice = vi.fn(async () => tokenFor('alice'));
    const bob = vi.fn(async () => tokenFor('bob'));

    const first = renderRequest(alice);
    expect(first.html).toContain('data-slot="connection-status"');
    expect(await first.kit.tokenManager.getToken()).toBe(tokenFor('alice'));
    first.kit.queryClient.setQueryData(['membrane', 'integrations', {}], { items: [{ key: 'hubspot', connection: { id: 'alice-hubspot' } }] });
    alice.mockClear();

    const second = renderRequest(bob);
    expect(second.kit).not.toBe(first.kit);
    expect(await second.kit.tokenManager.getToken()).toBe(tokenFor('bob'));
    expect(alice).not.toHaveBeenCalled();
    expect(second.kit.queryClient.getQueryData(['membrane', 'integrations', {}])).toBeUndefined();
  });

  it('getSharedKit called outside React on a server also returns a kit of its own each time', async () => {
    const one = getSharedKit({ apiUri: API_URI, fetchToken: async () => tokenFor('alice') });
    const two = getSharedKit({ apiUri: API_URI, fetchToken: async () => tokenFor('bob') });
    expect(two).not.toBe(one);
    expect(await two.tokenManager.getToken()).toBe(tokenFor('bob'));
  });
});
