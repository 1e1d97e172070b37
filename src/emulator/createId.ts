/**
 * A random 24-hex-character id, shaped like Membrane's (MongoDB ObjectId) ids.
 *
 * @example
 * ```ts
 * createId(); // '66f1c2a9e4b0d3f5a7c8e9b1'
 * ```
 */
export function createId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
