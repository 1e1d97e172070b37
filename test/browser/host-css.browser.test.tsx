/**
 * The kit under real host stylesheets, in Chromium (design.md, "Living in a host page"; issue 9):
 * create-next-app's globals.css + page.module.css, create-vite's index.css, Tailwind v4's preflight
 * (in `@layer base`) and Bootstrap 5's reboot. The default styles.css is unlayered, so element and
 * universal resets (`* { padding: 0 }`) lose to the kit's class rules, while a consumer's class
 * (unlayered, loaded after) and `--mk-*` tokens still win. styles.layer.css (the same rules in
 * `@layer membrane-kit`, as scripts/build.mjs writes it) loses to a Tailwind utility when the app
 * orders `@layer theme, base, membrane-kit, components, utilities`.
 *
 * The stylesheets are <style> elements added per test, in the order an app loads them: the kit's
 * first (create-next-app's layout imports it before globals.css), then the host's, then the app's.
 * Screenshots go to __screenshots__/host-css.browser.test.tsx/ (git-ignored).
 */
import type { CSSProperties, ReactNode } from 'react';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { page, userEvent } from 'vitest/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import kitCss from '../../src/styles/styles.css?raw';
import tailwindPreflight from 'tailwindcss/preflight.css?raw';
import bootstrapReboot from 'bootstrap/dist/css/bootstrap-reboot.css?raw';
// The example apps' own starter CSS, as create-next-app and create-vite write it (one copy, there).
import nextGlobals from '../../examples/next-app-router/app/globals.css?raw';
import nextPage from '../../examples/next-app-router/app/page.module.css?raw';
import viteIndex from '../../examples/vite-react18/src/index.css?raw';
import {
  ConnectButton,
  ConnectionStatus,
  IntegrationsList,
  MembraneKitProvider,
  resetSharedKits,
  type MembraneKitTheme,
} from '../../src/index.ts';
import { emulator, getToken, resetEmulator } from './emulator.ts';

const fetchToken = () => getToken();

/** What scripts/build.mjs writes to dist/styles.layer.css. */
const kitLayerCss = `@layer membrane-kit {\n${kitCss}\n}\n`;

/** Host pages that go dark with prefers-color-scheme: forced dark (the media query always true). */
const forceDark = (css: string) =>
  css.replaceAll('(prefers-color-scheme: dark)', 'all').replaceAll('(prefers-color-scheme: light)', 'not all');

interface Host {
  css: string[];
  /** The element React renders into (create-vite's `#root`). */
  rootId?: string;
  wrap: (children: ReactNode) => ReactNode;
}

const HOSTS = {
  none: { css: [], wrap: (children) => children },
  next: {
    css: [nextGlobals, nextPage],
    // examples/next-app-router/app/page.tsx: .page > main.main (flex column, align-items: flex-start).
    wrap: (children) => (
      <div className="page">
        <main className="main" data-testid="container">
          <div className="intro">
            <h1>Integrations</h1>
            <p>Connect the apps your workspace uses.</p>
          </div>
          {children}
        </main>
      </div>
    ),
  },
  vite: {
    css: [viteIndex],
    rootId: 'root',
    // examples/vite-react18/src/App.tsx, in #root (flex column, text-align: center).
    wrap: (children) => (
      <>
        <h1>Integrations</h1>
        {children}
      </>
    ),
  },
  tailwind: {
    css: ['@layer theme, base, components, utilities;', `@layer base {\n${tailwindPreflight}\n}`],
    wrap: (children) => children,
  },
  bootstrap: { css: [bootstrapReboot], wrap: (children) => children },
} satisfies Record<string, Host>;
type HostName = keyof typeof HOSTS;

const styleElements: HTMLStyleElement[] = [];
function addCss(...sheets: string[]) {
  for (const css of sheets) {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    styleElements.push(style);
  }
}

beforeEach(async () => {
  await resetEmulator();
  await page.viewport(1280, 900);
});
afterEach(() => {
  cleanup();
  resetSharedKits();
  for (const style of styleElements.splice(0)) style.remove();
  document.getElementById('root')?.remove();
});

interface RenderOptions {
  host?: HostName;
  theme?: MembraneKitTheme;
  kit?: 'default' | 'layered' | 'none';
  /** The app's own CSS, loaded after the kit's and the host's. */
  appCss?: string;
  /** CSS loaded before everything (an `@layer` order statement must come before the layers it orders). */
  firstCss?: string;
  /** Around the kit's components, inside the host's page. */
  wrapper?: (children: ReactNode) => ReactNode;
  providerClassName?: string;
  buttonClassName?: string;
}

/** The examples' page: a ConnectionStatus, a ConnectButton and the list, in a provider. */
async function renderPage({ host = 'none', theme = 'light', kit = 'default', appCss, firstCss, wrapper = (c) => c, providerClassName, buttonClassName }: RenderOptions = {}) {
  const spec: Host = HOSTS[host];
  if (firstCss) addCss(firstCss);
  if (kit !== 'none') addCss(kit === 'layered' ? kitLayerCss : kitCss);
  addCss(...spec.css.map((css) => (theme === 'dark' ? forceDark(css) : css)));
  if (appCss) addCss(appCss);
  let container: HTMLElement | undefined;
  if (spec.rootId) {
    container = document.createElement('div');
    container.id = spec.rootId;
    document.body.append(container);
  }
  render(
    <>
      {spec.wrap(
        <MembraneKitProvider fetchToken={fetchToken} apiUri={emulator().apiUri} theme={theme} className={providerClassName}>
          {wrapper(
            <>
              <div data-testid="single-app">
                <ConnectionStatus integrationKey="hubspot" />
                <ConnectButton integrationKey="github" className={buttonClassName}>
                  Connect GitHub
                </ConnectButton>
              </div>
              <IntegrationsList />
            </>,
          )}
        </MembraneKitProvider>,
      )}
    </>,
    container ? { container } : {},
  );
  const list = await screen.findByRole('list', { name: 'Integrations' }, { timeout: 10_000 });
  await waitFor(() => expect(document.querySelectorAll('[data-slot="connection-status"][data-state="loading"]')).toHaveLength(0));
  await waitFor(() => expect(single()).toHaveAttribute('data-state', 'not-connected'));
  // Rows are content-visibility: auto: until the first frames, one in view may still have its
  // placeholder size (contain-intrinsic-size).
  for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
  return { list, root: list.closest<HTMLElement>('[data-slot="integrations-list"]')! };
}

/** The standalone ConnectButton (the list has a Connect GitHub too). */
const single = () => within(screen.getByTestId('single-app')).getByRole('button', { name: /Connect GitHub/ });
const px = (value: string) => parseFloat(value) || 0;
const rem = () => px(getComputedStyle(document.documentElement).fontSize);
/** The nearest ancestor that makes a box (the provider is display: contents). */
function boxParent(element: HTMLElement): HTMLElement {
  let parent = element.parentElement!;
  while (getComputedStyle(parent).display === 'contents') parent = parent.parentElement!;
  return parent;
}
function contentWidth(element: HTMLElement) {
  const style = getComputedStyle(element);
  return element.clientWidth - px(style.paddingLeft) - px(style.paddingRight);
}
const alpha = (color: string) => {
  if (color === 'transparent') return 0;
  const match = /^rgba\(.*,\s*([\d.]+)\)$|\/\s*([\d.]+)\)$/.exec(color);
  return match ? Number(match[1] ?? match[2]) : 1;
};

/** Layout facts, lengths in rem of the page (create-vite's :root is 18px). */
function measure(root: HTMLElement) {
  const button = (selector: string) => document.querySelector<HTMLElement>(selector)!;
  const connect = button('[data-slot="integrations-list-item"][data-state="not-connected"] [data-slot="connect-button"]');
  const ghost = button('[data-slot="disconnect-button"]');
  const standalone = single();
  const badge = button('[data-slot="integrations-list"] .mk-ConnectionStatus-badge');
  const r = rem();
  const padding = (element: HTMLElement) => ({
    inline: px(getComputedStyle(element).paddingInlineStart) / r,
    block: px(getComputedStyle(element).paddingBlockStart) / r,
  });
  const names = [...root.querySelectorAll<HTMLElement>('[data-slot="integrations-list-name"]')];
  const firstName = names[0]!;
  const text = document.createRange();
  text.selectNodeContents(firstName);
  const parent = boxParent(root);
  return {
    connect: padding(connect),
    ghost: padding(ghost),
    single: padding(standalone),
    badge: padding(badge),
    listRatio: root.getBoundingClientRect().width / contentWidth(parent),
    alignments: [...new Set(names.map((name) => getComputedStyle(name).textAlign))],
    /** px between the first name's text and its box's left edge (0 when the text starts at the start). */
    nameTextOffset: text.getBoundingClientRect().left - firstName.getBoundingClientRect().left,
    rowHeight: firstName.closest('li')!.getBoundingClientRect().height / r,
  };
}

describe.each(['light', 'dark'] as const)('under host CSS, %s theme', (theme) => {
  let baseline: ReturnType<typeof measure>;

  it('measures the kit without host CSS', async () => {
    const { root } = await renderPage({ theme });
    baseline = measure(root);
    expect(baseline.connect.inline).toBeCloseTo(1, 3);
    expect(baseline.listRatio).toBeGreaterThan(0.99);
    expect(baseline.alignments).toEqual(['start']);
  });

  it.each(['next', 'vite', 'tailwind', 'bootstrap'] as const)('%s: spacing, list width, alignment as without it', async (host) => {
    const { root } = await renderPage({ host, theme });
    const facts = measure(root);
    for (const part of ['connect', 'ghost', 'single', 'badge'] as const) {
      expect(facts[part].inline, `${part} padding-inline (rem)`).toBeGreaterThan(0);
      expect(facts[part].inline, `${part} padding-inline (rem)`).toBeCloseTo(baseline[part].inline, 3);
      expect(facts[part].block, `${part} padding-block (rem)`).toBeCloseTo(baseline[part].block, 3);
    }
    expect(facts.listRatio, 'list width / its container').toBeGreaterThanOrEqual(0.9);
    expect(facts.alignments).toEqual(['start']);
    expect(Math.abs(facts.nameTextOffset), 'first name: text from its left edge (px)').toBeLessThan(1);
    expect(facts.rowHeight, 'row height (rem)').toBeCloseTo(baseline.rowHeight, 1);
    // The theme's colours apply.
    expect(getComputedStyle(root).color).toBe(theme === 'dark' ? 'rgb(236, 238, 242)' : 'rgb(26, 29, 35)');
  });
});

describe('the list keeps its width in any wrapper', () => {
  const wrappers: Record<string, CSSProperties> = {
    'a flex column with align-items: flex-start': { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', inlineSize: 900 },
    'a centred flex column': { display: 'flex', flexDirection: 'column', alignItems: 'center', inlineSize: 900 },
    'a grid with place-items: center': { display: 'grid', placeItems: 'center', inlineSize: 900 },
    'a text-align: center block': { textAlign: 'center', inlineSize: 900 },
  };
  it.each(Object.keys(wrappers))('in %s (under create-next-app, Bootstrap and no host CSS)', async (name) => {
    for (const host of ['none', 'next', 'bootstrap'] as const) {
      const { root } = await renderPage({
        host,
        wrapper: (children) => (
          <div style={wrappers[name]} data-testid="wrapper">
            {children}
          </div>
        ),
      });
      const wrapper = screen.getByTestId('wrapper');
      expect(root.getBoundingClientRect().width / contentWidth(wrapper), `${host}: list / wrapper`).toBeGreaterThanOrEqual(0.9);
      // Rows are clickable: the first row's button has a box.
      const button = within(root).getAllByRole('button', { name: /^Connect / })[0]!;
      expect(button.getBoundingClientRect().width).toBeGreaterThan(40);
      const names = [...root.querySelectorAll<HTMLElement>('[data-slot="integrations-list-name"]')];
      expect(new Set(names.map((n) => getComputedStyle(n).textAlign))).toEqual(new Set(['start']));
      cleanup();
      resetSharedKits();
      for (const style of styleElements.splice(0)) style.remove();
    }
  });
});

describe('buttons and links that still look like ones', () => {
  it.each(['next', 'tailwind', 'bootstrap'] as const)('%s: the ghost Disconnect has an outline at rest, a tint on hover, a ring on focus', async (host) => {
    const { root } = await renderPage({ host });
    const ghost = root.querySelector<HTMLElement>('[data-slot="disconnect-button"]')!;
    const rest = getComputedStyle(ghost);
    expect(px(rest.borderTopWidth)).toBeGreaterThan(0);
    expect(rest.borderTopStyle).toBe('solid');
    expect(alpha(rest.borderTopColor)).toBe(1);
    expect(rest.borderTopColor).not.toBe(getComputedStyle(ghost.closest('li')!).backgroundColor);
    expect(px(rest.paddingInlineStart)).toBeGreaterThan(0);
    expect(rest.cursor).toBe('pointer');

    ghost.focus();
    expect(ghost.matches(':focus-visible')).toBe(true);
    const focused = getComputedStyle(ghost);
    expect(focused.outlineStyle).toBe('solid');
    expect(px(focused.outlineWidth)).toBeGreaterThan(0);
    expect(px(focused.borderTopWidth)).toBeGreaterThan(0);

    await userEvent.hover(ghost);
    await waitFor(() => expect(alpha(getComputedStyle(ghost).backgroundColor)).toBeGreaterThan(0));
    expect(px(getComputedStyle(ghost).borderTopWidth)).toBeGreaterThan(0);
  });

  it.each(['next', 'bootstrap', 'vite'] as const)('%s: the dialog keeps its padding and the help link looks like a link', async (host) => {
    await renderPage({ host });
    addCss('a { color: inherit; text-decoration: none; }');
    const zendesk = await screen.findByRole('button', { name: 'Connect Zendesk' });
    await userEvent.click(zendesk);
    const dialog = await screen.findByRole('dialog', { name: 'Connect Zendesk' });
    const style = getComputedStyle(dialog);
    expect(px(style.paddingInlineStart) / rem()).toBeCloseTo(1.5, 3);
    expect(style.textAlign).toBe('start');
    const title = within(dialog).getByRole('heading', { name: 'Connect Zendesk' });
    expect(px(getComputedStyle(title).fontSize) / rem()).toBeCloseTo(1.125, 3);
    expect(px(getComputedStyle(title).marginBlockEnd)).toBe(0);
    const help = await within(dialog).findByRole('link');
    const link = getComputedStyle(help);
    expect(link.textDecorationLine).toBe('underline');
    expect(link.color).toBe('rgb(51, 70, 201)');
    expect(link.color).not.toBe(getComputedStyle(help.parentElement!).color);
    await userEvent.keyboard('{Escape}');
  });
});

describe('the app still wins', () => {
  it("a consumer class (unlayered, after the kit) beats the kit's padding and background", async () => {
    await renderPage({
      host: 'next',
      buttonClassName: 'app-button',
      appCss: '.app-button { padding-inline: 40px; background: rgb(10, 20, 30); border-radius: 0; }',
    });
    const button = single();
    expect(getComputedStyle(button).paddingInlineStart).toBe('40px');
    expect(getComputedStyle(button).backgroundColor).toBe('rgb(10, 20, 30)');
    expect(getComputedStyle(button).borderTopLeftRadius).toBe('0px');
  });

  it('--mk-color-primary on :root wins in the light theme; the dark theme keeps its own unless set on the kit', async () => {
    await renderPage({ host: 'next', appCss: ':root { --mk-color-primary: rgb(1, 102, 94); }' });
    expect(getComputedStyle(single()).backgroundColor).toBe('rgb(1, 102, 94)');
    cleanup();
    resetSharedKits();
    for (const style of styleElements.splice(0)) style.remove();
    await renderPage({ host: 'next', theme: 'dark', appCss: ':root { --mk-color-primary: rgb(1, 102, 94); }' });
    expect(getComputedStyle(single()).backgroundColor).toBe('rgb(154, 171, 255)');
  });

  it("tokens on the provider's className and inline win over :root", async () => {
    await renderPage({
      host: 'vite',
      providerClassName: 'app-kit',
      appCss: ':root { --mk-color-primary: rgb(1, 1, 1); } .app-kit { --mk-color-primary: rgb(2, 2, 2); --mk-radius-md: 3px; }',
    });
    const button = single();
    expect(getComputedStyle(button).backgroundColor).toBe('rgb(2, 2, 2)');
    expect(getComputedStyle(button).borderTopLeftRadius).toBe('3px');
    button.style.setProperty('--mk-color-primary', 'rgb(3, 3, 3)');
    // (after the button's background transition)
    await waitFor(() => expect(getComputedStyle(button).backgroundColor).toBe('rgb(3, 3, 3)'));
  });

  it('dark tokens still come from data-mk-theme, and a token set for dark only wins there', async () => {
    await renderPage({
      theme: 'dark',
      appCss: ".mk-root[data-mk-theme='dark'] { --mk-color-primary: rgb(94, 234, 212); }",
    });
    const button = single();
    expect(getComputedStyle(button).backgroundColor).toBe('rgb(94, 234, 212)');
    expect(getComputedStyle(button).color).toBe('rgb(12, 18, 51)');
  });

  it("the layered build under Tailwind's layer order: preflight loses to the kit, the kit to a utility", async () => {
    await renderPage({
      host: 'tailwind',
      kit: 'layered',
      buttonClassName: 'px-10',
      // The app's CSS entry starts with the order, before the kit's and Tailwind's layers exist.
      firstCss: '@layer theme, base, membrane-kit, components, utilities;',
      appCss: '@layer utilities { .px-10 { padding-inline: calc(0.25rem * 10); } }',
    });
    const button = single();
    expect(getComputedStyle(button).paddingInlineStart).toBe('40px');
    // Everything else still beats the preflight (in @layer base, before membrane-kit).
    const connect = document.querySelector<HTMLElement>('[data-slot="integrations-list-item"][data-state="not-connected"] [data-slot="connect-button"]')!;
    expect(getComputedStyle(connect).paddingInlineStart).toBe('16px');
    expect(getComputedStyle(connect).backgroundColor).toBe('rgb(51, 70, 201)');
  });

  it('the default (unlayered) build beats the preflight but also a layered utility: the reason for styles.layer.css', async () => {
    await renderPage({
      host: 'tailwind',
      buttonClassName: 'px-10',
      appCss: '@layer utilities { .px-10 { padding-inline: calc(0.25rem * 10); } }',
    });
    expect(getComputedStyle(single()).paddingInlineStart).toBe('16px');
  });
});

describe('screenshots of the list under the starter CSS', () => {
  it.each(
    (['next', 'vite'] as const).flatMap((host) =>
      ([1280, 390] as const).flatMap((width) => (['light', 'dark'] as const).map((theme) => [host, width, theme] as const)),
    ),
  )('%s @%ipx, %s', async (host, width, theme) => {
    await page.viewport(width, 1000);
    await renderPage({ host, theme });
    if (theme === 'dark') document.documentElement.style.colorScheme = 'dark';
    // Rows off screen skip painting (content-visibility); the first rows are what the shot is for.
    const path = await page.screenshot({ path: `__screenshots__/host-css/${host}-${width}-${theme}.png` });
    expect(path).toMatch(/\.png$/);
    document.documentElement.style.colorScheme = '';
  });
});
