/**
 * A connect request id: 22 base-36 characters from `crypto.getRandomValues`, the same shape the
 * SDK sends. It names the popup window and is the only message a flow listens for.
 *
 * @example
 * ```ts
 * const requestId = createRequestId(); // 'k3v0q9…'
 * ```
 */
export function createRequestId(): string {
  const bytes = new Uint8Array(22);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += (byte % 36).toString(36);
  return id;
}
