import type { AddressInfo } from 'node:net';
import { IntegrationAppClient } from '@integration-app/sdk';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membraneEmulator } from '../../src/emulator/membraneEmulator.ts';

describe('membraneEmulator() Vite plugin', () => {
  let server: ViteDevServer;
  let origin: string;
  const logged: string[] = [];

  beforeAll(async () => {
    server = await createServer({
      configFile: false,
      root: process.cwd(),
      logLevel: 'info',
      customLogger: {
        info: (message: string) => logged.push(message),
        warn: () => {},
        warnOnce: () => {},
        error: () => {},
        clearScreen: () => {},
        hasErrorLogged: () => false,
        hasWarned: false,
      },
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
      plugins: [membraneEmulator({ path: '/__membrane' })],
    });
    await server.listen();
    origin = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('mounts the API under the path; the SDK works against it', async () => {
    const apiUri = `${origin}/__membrane`;
    const { token } = (await (await fetch(`${apiUri}/_emulator/token`, { method: 'POST' })).json()) as { token: string };
    const client = new IntegrationAppClient({ apiUri, uiUri: `${apiUri}/ui`, token });
    expect((await client.integrations.find()).items.length).toBe(16);
    expect((await client.integration('hubspot').get()).connection).toMatchObject({ connected: true });
  });

  it('builds page URLs from the mount point', async () => {
    const apiUri = `${origin}/__membrane`;
    const { token } = (await (await fetch(`${apiUri}/_emulator/token`, { method: 'POST' })).json()) as { token: string };
    const consent = await fetch(`${apiUri}/connection-popup?integrationKey=hubspot`, {
      method: 'POST',
      body: new URLSearchParams({ payload: JSON.stringify({ token, requestId: 'r' }) }),
    });
    expect(await consent.text()).toContain(`action="${apiUri}/connection-popup/consent"`);
    const info = (await (await fetch(`${apiUri}/_emulator`)).json()) as Record<string, string>;
    expect(info).toMatchObject({ apiUri, uiUri: `${apiUri}/ui` });
    const embed = await (await fetch(`${apiUri}/ui/embed/main?token=${token}`)).text();
    expect(embed).toContain(`"uiBase":"${apiUri}/ui"`);
  });

  it('leaves other paths to Vite', async () => {
    const response = await fetch(`${origin}/__membrane-other/x`);
    expect(response.headers.get('content-type') ?? '').not.toContain('application/json');
  });

  it('serves virtual:membrane-emulator with URLs relative to location.origin', async () => {
    const code = (await server.transformRequest('virtual:membrane-emulator'))?.code ?? '';
    expect(code).toContain('location.origin');
    expect(code).toContain('"/__membrane"');
    expect(code).toContain("export const tokenUrl = apiUri + '/_emulator/token'");
  });

  it('prints the URLs and the dev-only key at start', () => {
    const text = logged.join('\n');
    expect(text).toContain('Membrane emulator:');
    expect(text).toContain('/__membrane');
    expect(text).toContain('dev-only');
  });

  it('refuses the root as mount path', () => {
    expect(() => membraneEmulator({ path: '/' })).toThrow(/must not be the root/);
  });
});
