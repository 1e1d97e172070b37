import { KitError } from '../../errors/KitError.js';
import type { TokenManager } from '../../token/types.js';
import { toHostedUiResult } from '../sdk/toHostedUiResult.js';
import type { HostedUi, HostedUiTheme } from '../sdk/types.js';
import { openHostedScreen } from './openHostedScreen.js';

/** Options of {@link screensHostedUi}. */
export interface ScreensHostedUiOptions {
  tokenManager: TokenManager;
  /** The Membrane API origin (the screens are served from it, not from `uiUri`). */
  apiUri: string;
}

/**
 * The theme of the kit element that has focus (the button that opened the screen): the nearest
 * `data-mk-theme`, with the kit's `system` as the screens' `auto`. `undefined` outside the kit.
 */
function focusedKitTheme(): HostedUiTheme | undefined {
  const active = typeof document === 'undefined' ? null : document.activeElement;
  const value = active?.closest('[data-mk-theme]')?.getAttribute('data-mk-theme');
  if (value === 'light' || value === 'dark') return value;
  return value === 'system' ? 'auto' : undefined;
}

/**
 * The hosted UI with no SDK installed: the kit opens Membrane 0.28's hosted screens itself
 * ({@link openHostedScreen}), posting the fields `ui.connect` posts (membrane-sdk-0.28.md §2).
 * - `connect` → `POST {apiUri}/screens/connect` with `integrationKey` and `allowMultipleConnections`
 *   (`'1'` or `''`, always sent).
 * - `reconnect` → `POST {apiUri}/screens/connect` with `connectionId`: what `ui.connect({connectionId})`
 *   sends, the SDK adapter's reconnect too, and the re-authentication itself (`/screens/connection`
 *   is a details view where the user would still have to press Reconnect).
 * - `manage` → rejects: 0.28 has no screen for the whole catalogue; pass the `sdk` option to use
 *   the SDK's `open()`.
 * Each resolves with `{ connectionId }` after the screen's `onSuccess`, or `null` on close.
 *
 * @example
 * ```ts
 * const ui = screensHostedUi({ tokenManager, apiUri: 'https://api.getmembrane.com' });
 * const result = await ui.connect({ integrationKey: 'hubspot' });
 * ```
 */
export function screensHostedUi(options: ScreensHostedUiOptions): HostedUi {
  const apiUri = options.apiUri.replace(/\/+$/, '');
  const open = async (path: string, fields: Record<string, string | undefined>, theme: HostedUiTheme | undefined) => {
    const chosenTheme = theme ?? focusedKitTheme();
    const token = await options.tokenManager.getToken();
    const screen = openHostedScreen({ url: `${apiUri}${path}`, fields: { token, ...fields, theme: chosenTheme } });
    return toHostedUiResult(await screen.result);
  };
  return {
    generation: 'screens',
    connect: ({ integrationKey, allowMultipleConnections, theme }) =>
      open('/screens/connect', { integrationKey, allowMultipleConnections: allowMultipleConnections ? '1' : '' }, theme),
    reconnect: ({ connectionId, theme }) => open('/screens/connect', { connectionId, allowMultipleConnections: '' }, theme),
    manage: () =>
      Promise.reject(
        new KitError(
          'invalid_parameters',
          "Membrane's full hosted UI (manage) needs an SDK: Membrane 0.28 has no hosted screen for every integration. Pass the sdk option, e.g. sdk={() => import('@membranehq/sdk')}, or use the kit's IntegrationsList.",
        ),
      ),
  };
}
