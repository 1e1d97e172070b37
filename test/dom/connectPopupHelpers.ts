/**
 * jsdom stand-ins for the connection popup: jsdom cannot open windows or submit forms, so the
 * tests capture the kit's form and play the popup's part against the emulator's real pages.
 */
import { vi } from 'vitest';
import { API_URI } from './emulatorServer.ts';

export const API_ORIGIN = new URL(API_URI).origin;

export interface CapturedForm {
  action: string;
  target: string;
  payload: Record<string, unknown>;
}

/** A popup window stand-in: the kit only needs `closed`, `close()` and a name. */
export function fakePopup() {
  const popup = { closed: false, close: vi.fn(() => (popup.closed = true)), name: '' };
  return popup;
}

/** Captures every connection form the kit submits. */
export function captureForms(): CapturedForm[] {
  const forms: CapturedForm[] = [];
  vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
    const input = this.querySelector<HTMLInputElement>('input[name="payload"]');
    forms.push({ action: this.action, target: this.target, payload: JSON.parse(input?.value ?? '{}') as Record<string, unknown> });
  });
  return forms;
}

export function postFrom(origin: string, data: unknown): void {
  window.dispatchEvent(new MessageEvent('message', { origin, data }));
}

async function post(url: string, fields: Record<string, string>): Promise<Document> {
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(fields) });
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

/**
 * Does what the popup does with a captured form: posts it to the emulator's `/connect`,
 * answers the consent page the way its own script would (the emulator's consent fault) or with
 * `decision`, then posts the result page's message to the app from the API's origin.
 */
export async function answerPopup(form: CapturedForm, decision?: 'allow' | 'deny' | 'fail'): Promise<Record<string, unknown>> {
  let page = await post(form.action, { payload: JSON.stringify(form.payload) });
  const consent = page.querySelector<HTMLFormElement>('form#consent');
  if (consent) {
    const script = page.querySelector('script')?.textContent ?? '';
    const automatic = /d\.value="(\w+)"/.exec(script)?.[1];
    const chosen = automatic ?? decision;
    if (!chosen) throw new Error('The consent page waits for a click: pass the decision to answerPopup.');
    const consentId = consent.querySelector<HTMLInputElement>('input[name="consentId"]')!.value;
    page = await post(consent.getAttribute('action')!, { consentId, decision: chosen });
  }
  const script = page.querySelector('script')?.textContent ?? '';
  const json = /var m=(.*?);var t=window\.opener/.exec(script)?.[1];
  if (!json) throw new Error(`The emulator answered no result page: ${page.body.textContent ?? ''}`);
  const message = JSON.parse(json) as Record<string, unknown>;
  postFrom(API_ORIGIN, message);
  return message;
}
