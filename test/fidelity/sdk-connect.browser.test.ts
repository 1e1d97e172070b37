/**
 * Fidelity in Chromium: the connect stack of both SDK generations, the real packages loaded in the
 * test page, against the shared emulator (test/browser/globalSetup.ts). 0.28 posts `/connect`
 * (membrane-sdk-0.28.md §1), 1.14 posts `/connection-popup` (membrane-api.md §3); a popup for
 * OAuth options (the user clicks Allow or Deny), a hidden iframe for client-credentials. Every
 * connection 0.28 resolves with is parsed with the 0.28 SDK's `ConnectionApiResponse`.
 *
 * The hosted `/screens/*` (`ui.connect`) are tested elsewhere. Test names are
 * `<client> › <call>` for scripts/fidelity-table.mjs.
 */
import { IntegrationAppClient } from '@integration-app/sdk';
import { ConnectionApiResponse, MembraneClient, isMembraneError } from '@membranehq/sdk';
import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { commands } from 'vitest/browser';
import { toKitError } from '../../src/core/errors/toKitError.ts';
import { emulator, getToken, requestLog, resetEmulator } from '../browser/emulator.ts';
import { expectSchema } from './expectSchema.ts';

const SALESFORCE_CONNECTION = '65a1f0c2d4e5f60718293c02';
const JIRA_INPUT = { siteUrl: 'https://acme.atlassian.net', email: 'ops@acme.test', apiToken: 'jira-token' };

let open: MockInstance<typeof window.open> | undefined;

type Conn = { id: string; name: string; connected?: boolean; authOptionKey?: string } | null;

/** Waits until no popup is left open (a result page closes itself after posting). */
async function noPopups(): Promise<void> {
  for (let i = 0; i < 40 && (await commands.countPopups()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

const settle = <T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

interface Flow {
  name: string;
  /** Starts the flow; `user` then acts in the popup or frame (or does nothing). */
  start: () => Promise<unknown>;
  user?: () => Promise<void>;
  check: (outcome: { value?: unknown; error?: unknown }) => void | Promise<void>;
}

function v028(): MembraneClient {
  const { apiUri, uiUri } = emulator();
  return new MembraneClient({ apiUri, uiUri, fetchToken: () => getToken() });
}

function v114(): IntegrationAppClient {
  const { apiUri, uiUri } = emulator();
  return new IntegrationAppClient({ apiUri, uiUri, fetchToken: () => getToken() });
}

const allow = (path: string) => () => commands.clickInPopup({ urlIncludes: path, role: 'button', name: 'Allow' });
const deny = (path: string) => () => commands.clickInPopup({ urlIncludes: path, role: 'button', name: 'Deny' });

function connected(name: unknown, extra: Record<string, unknown> = {}) {
  return ({ value, error }: { value?: unknown; error?: unknown }) => {
    expect(error).toBeUndefined();
    expect(value).toMatchObject({ name, connected: true, ...extra });
  };
}

function deniedWith(check: (error: unknown) => void) {
  return async ({ value, error }: { value?: unknown; error?: unknown }) => {
    expect(value).toBeUndefined();
    expect(String((error as { message?: string }).message)).toContain('Access to Notion was denied by the user.');
    expect(toKitError(error).code).toBe('auth');
    check(error);
    expect((await v114().connections.find({ integrationKey: 'notion' })).items).toHaveLength(0);
  };
}

const FLOWS: Record<'@integration-app/sdk 1.14.1' | '@membranehq/sdk 0.28.3', Flow[]> = {
  '@membranehq/sdk 0.28.3': [
    {
      name: 'client.connect({integrationKey}) → popup → Allow',
      start: () => v028().connect({ integrationKey: 'google-sheets' }),
      user: allow('/connect'),
      check: async (outcome) => {
        connected('Google Sheets')(outcome);
        expectSchema(ConnectionApiResponse, outcome.value, 'client.connect() result');
        const log = (await requestLog()).map((entry) => `${entry.method} ${entry.path}`);
        expect(log).toEqual(expect.arrayContaining(['POST /connection-options', 'POST /connect', 'POST /connect/consent']));
      },
    },
    {
      name: 'integration(key).connect() → popup → Allow',
      start: () => v028().integration('asana').connect(),
      user: allow('/connect'),
      check: (outcome) => {
        connected('Asana')(outcome);
        expectSchema(ConnectionApiResponse, outcome.value, 'integration.connect() result');
      },
    },
    {
      name: 'integration(key).connect() → popup → Deny',
      start: () => v028().integration('notion').connect(),
      user: deny('/connect'),
      check: deniedWith((error) => {
        expect(isMembraneError(error)).toBe(true);
        expect((error as { data?: { type?: string } }).data?.type).toBe('connection');
      }),
    },
    {
      name: 'connection(id).reconnect() → popup → Allow',
      start: () => v028().connection(SALESFORCE_CONNECTION).reconnect(),
      user: allow('/connect'),
      check: (outcome) => {
        connected('Salesforce', { id: SALESFORCE_CONNECTION })(outcome);
        expectSchema(ConnectionApiResponse, outcome.value, 'reconnect() result');
      },
    },
    {
      name: 'popup closed by the user → null',
      start: () => v028().integration('xero').connect(),
      user: async () => {
        await commands.waitForPopup({ urlIncludes: '/connect' });
        await commands.closePopup({ urlIncludes: '/connect' });
      },
      check: ({ value, error }) => {
        expect(error).toBeUndefined();
        expect(value).toBeNull();
      },
    },
    {
      // 0.28 picks the window by `options.find(o => o.key == authOptionKey).type` (membrane-sdk-0.28.md §1),
      // 1.14 by `connectorSpec.auth.options[authOptionKey].type`: Jira's second option, client-credentials.
      name: 'client-credentials connect({input, authOptionKey}) → hidden iframe',
      start: () => v028().integration('jira').connect({ input: JIRA_INPUT, authOptionKey: 'api-token' }),
      check: async (outcome) => {
        connected('Jira', { authOptionKey: 'api-token' })(outcome);
        expectSchema(ConnectionApiResponse, outcome.value, 'client-credentials connect() result');
        expect(document.querySelector('iframe[name^="connection-request-"]')).not.toBeNull();
        expect(await commands.countPopups()).toBe(0);
      },
    },
    {
      // No option matches `key == undefined`, so the type is unknown and a popup opens; the emulator's
      // /connect page completes a client-credentials connect without a user step and closes itself.
      name: 'client-credentials connect({input}) without authOptionKey',
      start: () => {
        open = vi.spyOn(window, 'open');
        return v028().integration('stripe').connect({ input: { secretKey: 'sk_test_0123456789', mode: 'test' } });
      },
      check: async (outcome) => {
        connected('Stripe', { authOptionKey: 'secret-key' })(outcome);
        expect(open?.mock.calls.map(([, target]) => String(target))).toEqual([expect.stringMatching(/^connection-request-/)]);
        expect(document.querySelector('iframe[name^="connection-request-"]')).toBeNull();
        await noPopups();
        expect(await commands.countPopups()).toBe(0);
      },
    },
    {
      name: 'client-credentials connect with invalid input → error',
      start: () => v028().integration('pipedrive').connect({ input: {} }),
      check: ({ value, error }) => {
        expect(value).toBeUndefined();
        expect(isMembraneError(error)).toBe(true);
        expect(String((error as { message?: string }).message)).toContain('"apiToken" is required');
      },
    },
    {
      // 0.28 kept the legacy embed (membrane-sdk-0.28.md §2): an iframe of {uiUri}/embed/…?token=.
      name: 'integration(key).openNewConnection() → embed iframe → Connect',
      start: () => v028().integration('hubspot').openNewConnection({ allowMultipleConnections: true }),
      user: () => commands.clickInFrame({ frameUrlIncludes: '/ui/embed/', role: 'button', name: 'Connect' }),
      check: (outcome) => {
        // allowMultipleConnections: a second account, named after it (src/emulator/accountIdentityOf.ts).
        connected(expect.stringMatching(/^HubSpot · \S+ \(\S+@\S+\)$/))(outcome);
        expectSchema(ConnectionApiResponse, outcome.value, 'openNewConnection() result');
      },
    },
  ],
  '@integration-app/sdk 1.14.1': [
    {
      name: 'integration(key).connect() → popup → Allow',
      start: () => v114().integration('asana').connect(),
      user: allow('/connection-popup'),
      check: connected('Asana'),
    },
    {
      name: 'integration(key).connect() → popup → Deny',
      start: () => v114().integration('notion').connect(),
      user: deny('/connection-popup'),
      check: deniedWith((error) => expect((error as { isIntegrationAppError?: boolean }).isIntegrationAppError).toBe(true)),
    },
    {
      name: 'connection(id).reconnect() → popup → Allow',
      start: () => v114().connection(SALESFORCE_CONNECTION).reconnect(),
      user: allow('/connection-popup'),
      check: connected('Salesforce', { id: SALESFORCE_CONNECTION }),
    },
    {
      name: 'popup closed by the user → null',
      start: () => v114().integration('xero').connect(),
      user: async () => {
        await commands.waitForPopup({ urlIncludes: '/connection-popup' });
        await commands.closePopup({ urlIncludes: '/connection-popup' });
      },
      check: ({ value, error }) => {
        expect(error).toBeUndefined();
        expect(value).toBeNull();
      },
    },
    {
      name: 'client-credentials connect({input, authOptionKey}) → hidden iframe',
      start: () => v114().integration('jira').connect({ parameters: JIRA_INPUT, authOptionKey: 'api-token' }),
      check: async (outcome) => {
        connected('Jira', { authOptionKey: 'api-token' })(outcome);
        expect(document.querySelector('iframe[name^="connection-request-"]')).not.toBeNull();
        expect(await commands.countPopups()).toBe(0);
      },
    },
    {
      // 1.14 reads the connector spec, whose default `auth` is the client-credentials option: an iframe.
      name: 'client-credentials connect({input}) without authOptionKey',
      start: () => {
        open = vi.spyOn(window, 'open');
        return v114().integration('stripe').connect({ parameters: { secretKey: 'sk_test_0123456789', mode: 'test' } });
      },
      check: async (outcome) => {
        connected('Stripe', { authOptionKey: 'secret-key' })(outcome);
        expect(open).not.toHaveBeenCalled();
        expect(document.querySelector('iframe[name^="connection-request-"]')).not.toBeNull();
      },
    },
    {
      name: 'client-credentials connect with invalid input → error',
      start: () => v114().integration('pipedrive').connect({ parameters: {} }),
      check: ({ value, error }) => {
        expect(value).toBeUndefined();
        expect(String((error as { message?: string }).message)).toContain('"apiToken" is required');
      },
    },
    {
      name: 'integration(key).openNewConnection() → embed iframe → Connect',
      start: () => v114().integration('hubspot').openNewConnection({ allowMultipleConnections: true }),
      user: () => commands.clickInFrame({ frameUrlIncludes: '/ui/embed/', role: 'button', name: 'Connect' }),
      check: connected(expect.stringMatching(/^HubSpot · \S+ \(\S+@\S+\)$/)),
    },
  ],
};

describe('fidelity: the connect stack of both SDKs in Chromium', () => {
  beforeEach(async () => {
    await noPopups();
    await resetEmulator();
    document.body.innerHTML = '';
    open = undefined;
  });

  for (const [client, flows] of Object.entries(FLOWS)) {
    describe(client, () => {
      for (const flow of flows) {
        it(flow.name, async () => {
          const outcome = settle(flow.start());
          await flow.user?.();
          await flow.check(await outcome);
        });
      }
    });
  }

  it('0.28 and 1.14 results agree: the same connection shape for the same app', async () => {
    const current = (await settle(v028().integration('stripe').connect({ input: { secretKey: 'sk_test_1', mode: 'test' } }))).value as Conn;
    const legacy = (await settle(v114().integration('stripe').connect({ parameters: { secretKey: 'sk_test_2', mode: 'test' } }))).value as Conn;
    expect(current && legacy).toBeTruthy();
    expect(Object.keys(current ?? {}).sort()).toEqual(Object.keys(legacy ?? {}).sort());
  });
});
