import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmulatorStore } from './createEmulatorStore.js';
import type { EmulatorSnapshot } from './types.js';

/**
 * Keeps a store's customers and connections in a JSON file: restores them now if the file
 * exists, then rewrites the file (atomically, debounced) after every change. Returns a function
 * that writes any pending change and stops.
 *
 * @example
 * ```ts
 * const store = createEmulatorStore();
 * const stop = persistToFile(store, '.membrane-emulator.json');
 * // … later
 * stop();
 * ```
 */
export function persistToFile(store: EmulatorStore, file: string, { debounceMs = 100 } = {}): () => void {
  if (existsSync(file)) {
    let snapshot: EmulatorSnapshot;
    try {
      snapshot = JSON.parse(readFileSync(file, 'utf8')) as EmulatorSnapshot;
    } catch (error) {
      throw new Error(`Cannot read the emulator state file ${file}: ${(error as Error).message}. Delete it to start from the seed.`);
    }
    try {
      store.restore(snapshot);
    } catch (error) {
      throw new Error(`${file} is not an emulator state file (${(error as Error).message}). Delete it to start from the seed.`);
    }
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = (): void => {
    timer = undefined;
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(store.snapshot(), null, 2)}\n`);
    renameSync(temporary, file);
  };
  const unsubscribe = store.subscribe(() => {
    if (timer === undefined) timer = setTimeout(write, debounceMs);
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) {
      clearTimeout(timer);
      write();
    }
  };
}
