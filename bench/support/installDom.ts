import { JSDOM, type DOMWindow } from 'jsdom';
import { NodeEventSource } from './NodeEventSource.js';

/** A jsdom page installed as Node's globals, with a simulated popup browser. */
export interface BenchDom {
  window: DOMWindow;
  /** What the simulated popups did, in order (for the bench's notes). */
  popupLog: string[];
  /** Closes the page and every popup page. */
  close(): void;
}

interface SimulatedPopup {
  name: string;
  closed: boolean;
  close(): void;
  focus(): void;
  postMessage(): void;
}

const formFields = (form: HTMLFormElement, win: DOMWindow, extra: Record<string, string> = {}): URLSearchParams => {
  const fields = new URLSearchParams();
  for (const [name, value] of new win.FormData(form)) if (typeof value === 'string') fields.append(name, value);
  for (const [name, value] of Object.entries(extra)) fields.set(name, value);
  return fields;
};

/**
 * Creates a jsdom page at `pageUrl` and makes its window the global environment React renders in
 * (API calls go through jsdom's XMLHttpRequest, so CORS applies as in a browser). `window.open`
 * returns a simulated popup: a form posted into it is sent to the server for real, a consent page
 * is answered by "clicking" its Allow button, and the result page's own script runs with the page
 * as its `opener`, so its `postMessage` reaches the page from the API's origin, as in a browser.
 */
export function installDom(pageUrl: string): BenchDom {
  const dom = new JSDOM('<!doctype html><html lang="en"><head><title>bench</title></head><body></body></html>', {
    url: pageUrl,
    pretendToBeVisual: true,
  });
  const win = dom.window;
  const popupLog: string[] = [];
  const popupPages: JSDOM[] = [];
  const popups = new Map<string, SimulatedPopup>();

  Object.defineProperty(win, 'EventSource', { value: NodeEventSource, configurable: true, writable: true });
  for (const key of Object.getOwnPropertyNames(win)) {
    if (key in globalThis) continue;
    Object.defineProperty(globalThis, key, { configurable: true, get: () => (win as unknown as Record<string, unknown>)[key] });
  }
  for (const key of ['window', 'document', 'navigator', 'self'] as const) {
    Object.defineProperty(globalThis, key, { configurable: true, writable: true, value: key === 'self' || key === 'window' ? win : win[key] });
  }

  const loadResultPage = (html: string, url: string, popup: SimulatedPopup) => {
    const apiOrigin = new URL(url).origin;
    const opener = {
      postMessage(data: unknown) {
        // Structured clone across windows; the page sees the API's origin.
        const event = new win.MessageEvent('message', { data: JSON.parse(JSON.stringify(data)) as unknown, origin: apiOrigin });
        const type = (data as { type?: unknown } | null)?.type;
        popupLog.push(`result page posted ${String(type)} to the opener`);
        setTimeout(() => win.dispatchEvent(event), 0);
      },
    };
    const page = new JSDOM(html, {
      url,
      runScripts: 'dangerously',
      beforeParse(popupWindow) {
        Object.defineProperty(popupWindow, 'opener', { configurable: true, get: () => opener });
        popupWindow.close = () => popup.close();
      },
    });
    popupPages.push(page);
  };

  const navigate = async (popup: SimulatedPopup, form: HTMLFormElement) => {
    try {
      let response = await fetch(form.action, { method: 'POST', body: formFields(form, win) });
      let html = await response.text();
      popupLog.push(`popup POST ${new URL(form.action).pathname} → ${response.status}`);
      const consent = new JSDOM(html, { url: response.url }).window.document.querySelector<HTMLFormElement>('form#consent');
      if (consent) {
        const consentWindow = consent.ownerDocument.defaultView as unknown as DOMWindow;
        response = await fetch(consent.action, { method: 'POST', body: formFields(consent, consentWindow, { decision: 'allow' }) });
        html = await response.text();
        popupLog.push(`user clicked Allow: POST ${new URL(consent.action).pathname} → ${response.status}`);
      }
      if (!popup.closed) loadResultPage(html, response.url, popup);
    } catch (error) {
      popupLog.push(`popup failed: ${(error as Error).message}`);
      popup.close();
    }
  };

  win.open = ((_url?: string | URL, target?: string) => {
    const name = target ?? '';
    const popup: SimulatedPopup = {
      name,
      closed: false,
      close() {
        this.closed = true;
      },
      focus() {},
      postMessage() {},
    };
    popups.set(name, popup);
    popupLog.push('window.open (popup allowed)');
    return popup as unknown as Window;
  }) as DOMWindow['open'];

  win.HTMLFormElement.prototype.submit = function submit(this: HTMLFormElement) {
    const popup = popups.get(this.target);
    if (!popup) throw new Error(`bench: form.submit() into "${this.target}" is not simulated (only popups opened with window.open are).`);
    void navigate(popup, this);
  };

  return {
    window: win,
    popupLog,
    close() {
      for (const page of popupPages) page.window.close();
      win.close();
    },
  };
}
