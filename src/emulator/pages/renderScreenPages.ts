import type { EmulatorConnectionRecord, EmulatorCustomer, EmulatorIntegrationRecord } from '../types.js';
import { escapeHtml, safeImageUrl } from './html.js';
import type { EmbedConfig } from './renderEmbedPages.js';
import { STATE_LABEL, embedPage, renderConnectPage, renderEmbedErrorPage, stateOf } from './renderEmbedPages.js';

/** `theme` of a hosted screen (membrane-sdk-0.28.md §2). */
export type ScreenTheme = 'light' | 'dark' | 'auto';

/**
 * Settings of a 0.28 hosted screen: the prebuilt UI page config (same client script) plus the
 * screen's theme. `screen: true` makes the script navigate by form POST and close after a disconnect.
 */
export interface ScreenConfig extends EmbedConfig {
  screen: true;
  theme?: ScreenTheme;
}

// The page styles follow `prefers-color-scheme`; an explicit theme pins one palette.
const THEME_STYLES: Record<Exclude<ScreenTheme, 'auto'>, string> = {
  light: ':root{color-scheme:light;--bg:#f6f7fb;--card:#fff;--text:#1d2230;--muted:#5d6578;--line:#dfe3ec}',
  dark: ':root{color-scheme:dark;--bg:#12141a;--card:#1b1e27;--text:#e9ecf3;--muted:#a0a8ba;--line:#2d3240}',
};

/** Pins the page to `config.theme` and marks `<html data-theme>` (tests and users can see which one applied). */
function themed(html: string, config: ScreenConfig): string {
  const theme = config.theme ?? 'auto';
  const style = theme === 'auto' ? '' : `<style>${THEME_STYLES[theme]}</style>`;
  return html.replace('<html lang="en">', `<html lang="en" data-theme="${theme}">`).replace('</head>', `${style}</head>`);
}

/** A button that moves the iframe to another screen by form POST (the token goes in the body). */
function postButton(label: string, path: string, fields: Record<string, string>, className = ''): string {
  return `<button type="button"${className ? ` class="${className}"` : ''} data-action="post" data-path="${escapeHtml(path)}" data-fields="${escapeHtml(
    JSON.stringify(fields),
  )}">${escapeHtml(label)}</button>`;
}

/** `/screens/connect` and `/screens/integrations/:key/connect`: the connect (or reconnect) form. */
export function renderScreenConnectPage(options: {
  integration: EmulatorIntegrationRecord;
  customer: EmulatorCustomer;
  reconnect?: EmulatorConnectionRecord;
  config: ScreenConfig;
}): string {
  return themed(renderConnectPage(options), options.config);
}

/**
 * `/screens/connect` without an integration or connection: pick the app first. Each choice posts
 * `/screens/connect` again with its `integrationKey` (and the same name/multiple/theme fields).
 */
export function renderScreenPickerPage(
  integrations: readonly EmulatorIntegrationRecord[],
  config: ScreenConfig,
  carry: Record<string, string>,
): string {
  const rows = integrations
    .map(
      (integration) =>
        `<li><div class="row"><img class="logo" src="${escapeHtml(safeImageUrl(integration.logoUri))}" alt=""><div class="grow"><h2>${escapeHtml(integration.name)}</h2></div>${postButton(
          'Connect',
          '/screens/connect',
          { ...carry, integrationKey: integration.key },
          'primary',
        ).replace('>Connect<', ` aria-label="Connect ${escapeHtml(integration.name)}">Connect<`)}</div></li>`,
    )
    .join('');
  const body = `<div class="card"><div class="row"><div class="grow"><h1>Connect an app</h1></div><button type="button" data-action="close">Close</button></div></div>
<div class="card"><ul class="list" aria-label="Integrations">${rows || '<li class="muted">No apps in this workspace.</li>'}</ul></div>`;
  return themed(embedPage('Connect an app', body, config), config);
}

/**
 * `/screens/connection`: one connection with its status; Reconnect (posts `/screens/connect` with
 * the same `connectionId`, so the id is kept), Disconnect (archives it, then closes) and Close.
 */
export function renderScreenConnectionPage(
  integration: EmulatorIntegrationRecord,
  connection: EmulatorConnectionRecord,
  config: ScreenConfig,
): string {
  const state = stateOf(connection);
  const error = connection.error ? `<p class="error">${escapeHtml(connection.error.message)}</p>` : '';
  const body = `<div class="card"><div class="row"><img class="logo" src="${escapeHtml(safeImageUrl(integration.logoUri))}" alt="">
<div class="grow"><h1>${escapeHtml(connection.name)}</h1><p class="muted">${escapeHtml(integration.name)}</p><span class="badge" data-state="${state}">${STATE_LABEL[state]}</span>${error}</div></div>
<dl><dt>Connection</dt><dd>${escapeHtml(connection.id)}</dd><dt>Auth</dt><dd>${escapeHtml(connection.authOptionKey)}</dd><dt>Updated</dt><dd>${escapeHtml(connection.updatedAt)}</dd></dl>
<div class="actions"><button type="button" data-action="close">Close</button><button type="button" class="danger" data-action="disconnect" data-connection="${escapeHtml(
    connection.id,
  )}">Disconnect</button>${postButton('Reconnect', '/screens/connect', { connectionId: connection.id }, state === 'connected' ? '' : 'primary')}</div></div>`;
  return themed(embedPage(`${integration.name} connection`, body, config), config);
}

/** A screen that cannot be shown (bad token, unknown app or connection); its Close still works. */
export function renderScreenErrorPage(message: string, config: ScreenConfig): string {
  return themed(renderEmbedErrorPage(message, { ...config, token: '' }), config);
}
