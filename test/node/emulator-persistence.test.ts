import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulatorStore } from '../../src/emulator/createEmulatorStore.ts';
import { persistToFile } from '../../src/emulator/persistToFile.ts';
import { startEmulator } from '../../src/emulator/startEmulator.ts';
import { fetchToken, sdkClient } from './emulator-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'membrane-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JSON-file persistence', () => {
  it('keeps connections and customers across a restart', async () => {
    const file = join(dir, 'nested', 'state.json');
    const first = await startEmulator({ persistTo: file });
    const client = sdkClient(first, await fetchToken(first, { customerId: 'persisted', name: 'Persisted Ltd' }));
    const created = await client.connections.create({
      name: 'Pipedrive',
      integrationId: 'pipedrive',
      credentials: { apiToken: 'pd' } as never,
    });
    await first.close();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1 });

    const second = await startEmulator({ persistTo: file });
    try {
      const again = sdkClient(second, await fetchToken(second, { customerId: 'persisted' }));
      expect(await again.connection(created.id).get()).toMatchObject({ id: created.id, name: 'Pipedrive', connected: true });
      expect((await again.self.get()).name).toBe('Persisted Ltd');
    } finally {
      await second.close();
    }
  });

  it('writes after changes (debounced) and stops writing when stopped', async () => {
    const file = join(dir, 'debounced.json');
    const store = createEmulatorStore();
    const stop = persistToFile(store, file, { debounceMs: 10 });
    store.upsertCustomer({ internalId: 'late', name: 'Late Co' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readFileSync(file, 'utf8')).toContain('Late Co');
    stop();
    store.upsertCustomer({ internalId: 'after-stop', name: 'After Stop' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readFileSync(file, 'utf8')).not.toContain('After Stop');
  });

  it('refuses a file that is not emulator state, saying how to recover', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"hello":1}');
    expect(() => persistToFile(createEmulatorStore(), file)).toThrow(/not an emulator state file.*Delete it/);
    writeFileSync(file, '{oops');
    expect(() => persistToFile(createEmulatorStore(), file)).toThrow(/Cannot read the emulator state file/);
  });
});
