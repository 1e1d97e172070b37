/**
 * Issue 11 item 9 in Chromium's real bidi layout: an integration name with a right-to-left
 * override (U+202E) reversed the rest of the kit's sentence ("Disconnect Slack?exe.png"). With the
 * name isolated, the sentence's first word stays first and its closing "?" stays last on screen.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/styles/styles.css';
import { IntegrationsList, resetSharedKits } from '../../src/index.ts';
import { emulator, getToken, resetEmulator } from './emulator.ts';

const SPOOF = 'Slack\u202Eexe.png';

beforeEach(() => resetEmulator());
afterEach(() => {
  cleanup();
  resetSharedKits();
});

/** Renames Slack in every `GET /integrations` answer, as a workspace admin could name it. */
function spoofSlackInResponses() {
  const nativeFetch = globalThis.fetch.bind(globalThis);
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const response = await nativeFetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!url.pathname.endsWith('/integrations') || !response.ok) return response;
    const page = (await response.json()) as { items: Array<{ key: string; name: string }> };
    for (const item of page.items) if (item.key === 'slack') item.name = SPOOF;
    return new Response(JSON.stringify(page), { status: response.status, headers: response.headers });
  });
}

/** The on-screen left edge of every visible character of `element`, in text order. */
function characterLefts(element: Element): Array<{ char: string; left: number }> {
  const result: Array<{ char: string; left: number }> = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (let index = 0; index < text.length; index += 1) {
      if (/[\u202A-\u202E\u2066-\u2069\s]/.test(text[index]!)) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      result.push({ char: text[index]!, left: range.getBoundingClientRect().left });
    }
  }
  return result;
}

/** Whether the sentence reads in order at its ends: first character leftmost, last rightmost. */
function endsInPlace(element: Element) {
  const chars = characterLefts(element);
  const lefts = chars.map((c) => c.left);
  return { firstIsLeftmost: lefts[0] === Math.min(...lefts), lastIsRightmost: lefts.at(-1) === Math.max(...lefts), text: chars.map((c) => c.char).join('') };
}

describe('a name with a right-to-left override in Chromium', () => {
  it('leaves "Disconnect" first and "?" last in the confirmation title (an un-isolated copy does not)', async () => {
    spoofSlackInResponses();
    render(<IntegrationsList fetchToken={() => getToken()} apiUri={emulator().apiUri} />);
    await userEvent.click(await screen.findByRole('button', { name: `Disconnect \u2068${SPOOF}\u2069` }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('alertdialog');
    const title = dialog.querySelector('h2')!;
    expect(endsInPlace(title)).toEqual({ firstIsLeftmost: true, lastIsRightmost: true, text: 'DisconnectSlackexe.png?' });

    // The same sentence without isolation, beside it: the override carries "?" into the name.
    const control = document.createElement('h2');
    control.textContent = `Disconnect ${SPOOF}?`;
    dialog.append(control);
    expect(endsInPlace(control).lastIsRightmost).toBe(false);
  });
});
