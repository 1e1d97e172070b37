/**
 * Server-side Playwright commands for browser tests (wired into vitest.config.ts as
 * `browser.commands`): act in popups and cross-origin iframes as a user would. Use them from a
 * test through `import { commands } from 'vitest/browser'`.
 */
import type { BrowserCommand, BrowserCommandContext } from 'vitest/node';
import type { Frame, Locator, Page } from 'playwright';

/** Which element to act on: an ARIA role (and accessible name), a visible text, a label or a CSS selector. */
export interface ElementTarget {
  role?: Parameters<Page['getByRole']>[0];
  name?: string;
  text?: string;
  label?: string;
  selector?: string;
  /** Milliseconds to wait for the element (or the popup/frame); default 10000. */
  timeout?: number;
}

/** Which popup: the newest one whose URL contains this text (default: the newest popup). */
export interface PopupTarget {
  urlIncludes?: string;
  timeout?: number;
}

/** Which frame inside the test page: by URL text (e.g. `/ui/embed/`) or by a CSS selector of its `<iframe>`. */
export interface FrameTarget {
  frameUrlIncludes?: string;
  frameSelector?: string;
  timeout?: number;
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Waits for a popup window and answers its URL. */
    waitForPopup: (target?: PopupTarget) => Promise<{ url: string }>;
    /** Clicks an element in a popup. */
    clickInPopup: (target: PopupTarget & ElementTarget) => Promise<void>;
    /** Fills a field in a popup. */
    fillInPopup: (target: PopupTarget & ElementTarget & { value: string }) => Promise<void>;
    /** The visible text of a popup's body. */
    popupText: (target?: PopupTarget) => Promise<string>;
    /** Closes a popup as the user would (window close button). */
    closePopup: (target?: PopupTarget) => Promise<void>;
    /** How many popups are open. */
    countPopups: () => Promise<number>;
    /** Clicks an element in a (cross-origin) iframe of the test page. */
    clickInFrame: (target: FrameTarget & ElementTarget) => Promise<void>;
    /** Fills a field in a (cross-origin) iframe of the test page. */
    fillInFrame: (target: FrameTarget & ElementTarget & { value: string }) => Promise<void>;
    /** The visible text of a frame's body (waits for the frame). */
    frameText: (target: FrameTarget) => Promise<string>;
  }
}

const DEFAULT_TIMEOUT = 10_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Pages of this browser context other than the Vitest orchestrator page. */
function popups(ctx: BrowserCommandContext): Page[] {
  return ctx.context.pages().filter((page) => page !== ctx.page && !page.isClosed());
}

async function findPopup(ctx: BrowserCommandContext, target: PopupTarget = {}): Promise<Page> {
  const deadline = Date.now() + (target.timeout ?? DEFAULT_TIMEOUT);
  for (;;) {
    const match = popups(ctx)
      .filter((page) => !target.urlIncludes || page.url().includes(target.urlIncludes))
      .at(-1);
    if (match) {
      await match.waitForLoadState('domcontentloaded').catch(() => undefined);
      return match;
    }
    if (Date.now() > deadline) {
      const open = popups(ctx).map((page) => page.url());
      throw new Error(
        `No popup${target.urlIncludes ? ` with a URL containing "${target.urlIncludes}"` : ''} opened; open popups: ${open.length ? open.join(', ') : 'none'}.`,
      );
    }
    await sleep(50);
  }
}

async function findFrame(ctx: BrowserCommandContext, target: FrameTarget): Promise<Frame> {
  const deadline = Date.now() + (target.timeout ?? DEFAULT_TIMEOUT);
  for (;;) {
    let frame: Frame | null | undefined;
    if (target.frameSelector) {
      const testFrame = await ctx.frame();
      const handle = await testFrame.$(target.frameSelector);
      frame = handle ? await handle.contentFrame() : undefined;
    } else {
      frame = ctx.page
        .frames()
        .filter((candidate) => !target.frameUrlIncludes || candidate.url().includes(target.frameUrlIncludes))
        .filter((candidate) => candidate !== ctx.page.mainFrame() && !candidate.isDetached())
        .at(-1);
    }
    if (frame && frame.url() !== 'about:blank') {
      await frame.waitForLoadState('domcontentloaded').catch(() => undefined);
      return frame;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `No frame ${target.frameSelector ? `for "${target.frameSelector}"` : `with a URL containing "${target.frameUrlIncludes}"`}; frames: ${ctx.page
          .frames()
          .map((candidate) => candidate.url())
          .join(', ')}.`,
      );
    }
    await sleep(50);
  }
}

/**
 * Runs an action in the target frame, finding it again if it was replaced meanwhile (an embed page
 * navigating, or the previous test's iframe still detaching).
 */
async function inFrame<T>(ctx: BrowserCommandContext, target: FrameTarget, action: (frame: Frame) => Promise<T>): Promise<T> {
  const deadline = Date.now() + (target.timeout ?? DEFAULT_TIMEOUT);
  for (;;) {
    const frame = await findFrame(ctx, { ...target, timeout: Math.max(0, deadline - Date.now()) });
    try {
      return await action(frame);
    } catch (error) {
      const gone = /detached|closed|destroyed/i.test(String(error));
      if (!gone || Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
}

function locate(scope: Page | Frame, target: ElementTarget): Locator {
  if (target.selector) return scope.locator(target.selector).first();
  if (target.role) return scope.getByRole(target.role, target.name === undefined ? {} : { name: target.name, exact: true }).first();
  if (target.label) return scope.getByLabel(target.label, { exact: true }).first();
  if (target.text) return scope.getByText(target.text, { exact: true }).first();
  throw new Error('Say which element: pass role (and name), label, text or selector.');
}

const waitForPopup: BrowserCommand<[PopupTarget?], { url: string }> = async (ctx, target) => ({
  url: (await findPopup(ctx, target)).url(),
});

const clickInPopup: BrowserCommand<[PopupTarget & ElementTarget]> = async (ctx, target) => {
  const page = await findPopup(ctx, target);
  await locate(page, target).click({ timeout: target.timeout ?? DEFAULT_TIMEOUT });
};

const fillInPopup: BrowserCommand<[PopupTarget & ElementTarget & { value: string }]> = async (ctx, target) => {
  const page = await findPopup(ctx, target);
  await locate(page, target).fill(target.value, { timeout: target.timeout ?? DEFAULT_TIMEOUT });
};

const popupText: BrowserCommand<[PopupTarget?], string> = async (ctx, target) => {
  const page = await findPopup(ctx, target);
  return page.locator('body').innerText();
};

const closePopup: BrowserCommand<[PopupTarget?]> = async (ctx, target) => {
  const page = await findPopup(ctx, target);
  await page.close({ runBeforeUnload: false });
};

const countPopups: BrowserCommand<[], number> = (ctx) => popups(ctx).length;

const clickInFrame: BrowserCommand<[FrameTarget & ElementTarget]> = (ctx, target) =>
  inFrame(ctx, target, async (frame) => {
    const element = locate(frame, target);
    await element.waitFor({ state: 'visible', timeout: target.timeout ?? DEFAULT_TIMEOUT });
    // Chromium does not render a cross-origin iframe nested in Vitest's tester iframe (no animation
    // frames, no hit testing), so a mouse click never lands; a DOM click after the visibility check
    // runs the same handlers and default actions (form submission).
    await element.dispatchEvent('click');
  });

const fillInFrame: BrowserCommand<[FrameTarget & ElementTarget & { value: string }]> = (ctx, target) =>
  inFrame(ctx, target, (frame) => locate(frame, target).fill(target.value, { timeout: target.timeout ?? DEFAULT_TIMEOUT }));

const frameText: BrowserCommand<[FrameTarget], string> = (ctx, target) =>
  inFrame(ctx, target, (frame) => frame.locator('body').innerText());

/** Every custom command, keyed by name (see vitest.config.ts). */
export const browserCommands = {
  waitForPopup,
  clickInPopup,
  fillInPopup,
  popupText,
  closePopup,
  countPopups,
  clickInFrame,
  fillInFrame,
  frameText,
};
