/**
 * A small `EventSource` for the jsdom page (Node 20 and jsdom have none), built on Node's fetch:
 * unnamed `data:` events go to `onmessage`, a failed or ended stream calls `onerror`, and there is
 * no automatic reconnect (the SDK and the kit both close the stream on error anyway). Enough for
 * Membrane's `/sse/connection-events/:requestId` mirror, which both connect flows listen to.
 */
export class NodeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;

  readonly url: string;
  readonly withCredentials = false;
  readyState = NodeEventSource.CONNECTING;
  onopen: ((event: { type: string }) => void) | null = null;
  onmessage: ((event: { type: string; data: string }) => void) | null = null;
  onerror: ((event: { type: string }) => void) | null = null;
  private readonly controller = new AbortController();

  constructor(url: string | URL) {
    this.url = String(url);
    void this.run();
  }

  close(): void {
    this.readyState = NodeEventSource.CLOSED;
    this.controller.abort();
  }

  private async run(): Promise<void> {
    try {
      const response = await fetch(this.url, { headers: { accept: 'text/event-stream' }, signal: this.controller.signal });
      if (!response.ok || !response.body) throw new Error(`SSE ${response.status}`);
      this.readyState = NodeEventSource.OPEN;
      this.onopen?.({ type: 'open' });
      const decoder = new TextDecoder();
      let buffer = '';
      let data: string[] = [];
      let eventName = '';
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let newline: number;
        while ((newline = buffer.search(/\r?\n/)) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(buffer[newline] === '\r' ? newline + 2 : newline + 1);
          if (line === '') {
            if (data.length > 0 && (eventName === '' || eventName === 'message') && this.readyState === NodeEventSource.OPEN) {
              this.onmessage?.({ type: 'message', data: data.join('\n') });
            }
            data = [];
            eventName = '';
          } else if (line.startsWith('data:')) {
            data.push(line.slice(5).replace(/^ /, ''));
          } else if (line.startsWith('event:')) {
            eventName = line.slice(6).trim();
          }
        }
      }
      throw new Error('SSE stream ended');
    } catch {
      if (this.readyState === NodeEventSource.CLOSED) return;
      this.readyState = NodeEventSource.CLOSED;
      this.onerror?.({ type: 'error' });
    }
  }
}
