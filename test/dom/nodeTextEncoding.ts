// In the jsdom environment `Uint8Array` is jsdom's, while TextEncoder (and Node APIs) return
// Node's. jose checks `key instanceof Uint8Array` when the emulator signs and verifies tokens in
// this process, so encoded bytes are copied into the global realm's Uint8Array.
import { TextEncoder as NodeTextEncoder } from 'node:util';

const nodeEncoder = new NodeTextEncoder();

class RealmTextEncoder {
  readonly encoding = 'utf-8';
  encode(input = ''): Uint8Array {
    return new Uint8Array(nodeEncoder.encode(input));
  }
  encodeInto(source: string, destination: Uint8Array) {
    return nodeEncoder.encodeInto(source, destination);
  }
}

globalThis.TextEncoder = RealmTextEncoder as unknown as typeof globalThis.TextEncoder;
