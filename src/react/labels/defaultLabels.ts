import type { KitErrorCode } from '../../core/errors/KitError.js';
import type { ConnectionState } from '../../core/state/getConnectionState.js';

/**
 * Every string the kit renders. Placeholders in braces are filled in: `{name}` (integration
 * name), `{status}`, `{field}`, `{query}`, `{min}`, `{max}`, `{key}`.
 */
export interface MembraneKitLabels {
  connect: string;
  /** Accessible name of a Connect button. */
  connectTo: string;
  reconnect: string;
  reconnectTo: string;
  /** A connection that needs more input from the customer (Membrane's `clientAction.type: 'provide-input'`). */
  finishSetup: string;
  /** Accessible name of that button (`{name}`). */
  finishSetupOf: string;
  /** A ConnectButton whose integration is already connected. */
  connected: string;
  /** Accessible name of that button (`{name}`). */
  connectedTo: string;
  /** A ConnectButton with `allowMultipleConnections` once one connection exists. */
  connectAnother: string;
  /** Accessible name of that button (`{name}`). */
  connectAnotherTo: string;
  disconnect: string;
  disconnectFrom: string;
  /** Accessible name of the list of one integration's connections, with `allowMultipleConnections` (`{name}`). */
  connectionsOf: string;
  /** The button that renames a connection in place. */
  rename: string;
  /** Its accessible name (`{name}`: the connection's label). */
  renameConnection: string;
  /** The label of the name field while renaming (`{name}`: the current label). */
  connectionNameField: string;
  /** Accessible name of the list's "Add account" button (`{name}`); it starts with the visible text, as WCAG 2.5.3 asks. */
  addAccountTo: string;
  /** Saves the new name (Enter does too). */
  saveName: string;
  /** Under the name field: how to save or cancel from the keyboard. */
  renameHint: string;
  connecting: string;
  disconnecting: string;
  status: Record<ConnectionState | 'loading', string>;
  /** Screen-reader prefix of a status badge (`{name}`). */
  statusOf: string;
  errorDetails: string;
  /** The details of a connected connection whose last request failed (Membrane's `requestError`) (`{message}`). */
  requestWarning: string;
  listLabel: string;
  searchLabel: string;
  searchPlaceholder: string;
  loading: string;
  loadMore: string;
  loadingMore: string;
  /** The list's button that renders more of the loaded matches (`{shown}`, `{total}`). */
  showMore: string;
  /** Announced to screen readers after a search (`{count}`, `{query}`); `one` when exactly one matches. */
  searchResults: Record<'one' | 'other', string>;
  empty: string;
  emptySearch: string;
  loadError: string;
  /** A list row that failed to render (its data or your `renderItem` threw); the other rows stay. */
  rowError: string;
  retry: string;
  manageIntegrations: string;
  confirmDisconnectTitle: string;
  confirmDisconnectDescription: string;
  cancel: string;
  close: string;
  dialogTitle: string;
  reconnectDialogTitle: string;
  /** Under the dialog title when the chosen option signs in (OAuth) (`{name}`). */
  dialogDescription: string;
  /** The same for options without a sign-in: API keys, tokens, client credentials (`{name}`). */
  dialogDescriptionNoSignIn: string;
  /** Under the connect dialog's title when there is nothing to enter, only a sign-in (a consent line shown first) (`{name}`). */
  dialogDescriptionSignInOnly: string;
  /** Before the page's consent line in the connect dialog (`{name}`); the line itself comes from the `consent` prop. */
  consentTitle: string;
  /**
   * The consent line of every connect dialog when the page gives none for the integration (the
   * `consent` prop, which wins): what your product reads and writes (`{name}`). Default `''`: no line.
   * Like the prop, it opens the dialog first even for an app with nothing to ask.
   */
  consent: string;
  dialogLoading: string;
  authOptionsLegend: string;
  authOptionTypes: Record<string, string>;
  helpLink: string;
  requiredMark: string;
  submit: string;
  fieldRequired: string;
  fieldNumber: string;
  fieldInteger: string;
  fieldMin: string;
  fieldMax: string;
  fieldMinLength: string;
  fieldMaxLength: string;
  fieldPattern: string;
  selectPlaceholder: string;
  waitingForPopup: string;
  waitingForConnection: string;
  popupBlockedTitle: string;
  popupBlockedDescription: string;
  continueInThisTab: string;
  errorTitle: string;
  errors: Record<KitErrorCode, string>;
  integrationNotFound: string;
  logoAlt: string;
}

/**
 * The English defaults of the `labels` catalogue. Pass a partial object to
 * `<MembraneKitProvider labels>` (or any component) to change or translate them.
 *
 * @example
 * ```tsx
 * <MembraneKitProvider fetchToken={fetchToken} labels={{ connect: 'Verbinden', status: { connected: 'Verbunden' } }}>
 * ```
 */
export const defaultLabels: MembraneKitLabels = {
  connect: 'Connect',
  connectTo: 'Connect {name}',
  reconnect: 'Reconnect',
  reconnectTo: 'Reconnect {name}',
  finishSetup: 'Finish setup',
  finishSetupOf: 'Finish setup for {name}',
  connected: 'Connected',
  connectedTo: '{name} is connected',
  connectAnother: 'Add account',
  connectAnotherTo: 'Add another {name} account',
  disconnect: 'Disconnect',
  disconnectFrom: 'Disconnect {name}',
  connectionsOf: '{name} accounts',
  rename: 'Rename',
  renameConnection: 'Rename {name}',
  connectionNameField: 'New name for {name}',
  addAccountTo: 'Add account to {name}',
  saveName: 'Save',
  renameHint: 'Enter saves, Escape cancels.',
  connecting: 'Connecting…',
  disconnecting: 'Disconnecting…',
  status: {
    'not-connected': 'Not connected',
    connecting: 'Connecting…',
    'setting-up': 'Setting up…',
    'needs-action': 'Needs action',
    connected: 'Connected',
    disconnecting: 'Disconnecting…',
    disconnected: 'Disconnected',
    error: 'Error',
    loading: 'Loading status',
  },
  statusOf: '{name} status:',
  errorDetails: 'Details: {message}',
  requestWarning: 'Connected, but the last request failed: {message}',
  listLabel: 'Integrations',
  searchLabel: 'Search integrations',
  searchPlaceholder: 'Search integrations…',
  loading: 'Loading integrations…',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  showMore: 'Show more ({shown} of {total})',
  searchResults: {
    one: '{count} integration matches “{query}”.',
    other: '{count} integrations match “{query}”.',
  },
  empty: 'No integrations are available yet.',
  emptySearch: 'No integrations match “{query}”.',
  loadError: 'The integrations could not be loaded.',
  rowError: 'This integration could not be shown',
  retry: 'Try again',
  manageIntegrations: 'Manage integrations',
  confirmDisconnectTitle: 'Disconnect {name}?',
  confirmDisconnectDescription: 'The app will stop syncing with {name} until you connect it again.',
  cancel: 'Cancel',
  close: 'Close',
  dialogTitle: 'Connect {name}',
  reconnectDialogTitle: 'Reconnect {name}',
  dialogDescription: 'Enter the details {name} needs, then continue to sign in.',
  dialogDescriptionNoSignIn: 'Enter the details {name} needs to connect.',
  dialogDescriptionSignInOnly: 'Continue to sign in to {name}.',
  consentTitle: 'What this app does with {name}:',
  consent: '',
  dialogLoading: 'Loading {name}…',
  authOptionsLegend: 'How do you want to connect?',
  authOptionTypes: {
    oauth2: 'Sign in with {name}',
    oauth1: 'Sign in with {name}',
    'client-credentials': 'Use API credentials',
    'integration-app-token': 'Use an access token',
    proxy: 'Connect through a proxy',
  },
  helpLink: 'Where do I find these details?',
  requiredMark: '(required)',
  submit: 'Continue',
  fieldRequired: '{field} is required.',
  fieldNumber: '{field} must be a number.',
  fieldInteger: '{field} must be a whole number.',
  fieldMin: '{field} must be at least {min}.',
  fieldMax: '{field} must be at most {max}.',
  fieldMinLength: '{field} must have at least {min} characters.',
  fieldMaxLength: '{field} must have at most {max} characters.',
  fieldPattern: '{field} is not in the expected format.',
  selectPlaceholder: 'Choose…',
  waitingForPopup: 'Finish connecting {name} in the window that opened.',
  waitingForConnection: 'Connecting {name}…',
  popupBlockedTitle: 'The connection window was blocked',
  popupBlockedDescription:
    'Your browser blocked the window for {name}. Allow pop-ups for this site and try again, or continue in this tab.',
  continueInThisTab: 'Continue in this tab',
  errorTitle: 'Could not connect {name}',
  errors: {
    auth: 'Authentication failed. Check the details and try again.',
    popup_blocked: 'The browser blocked the connection window.',
    cancelled: 'The connection was cancelled.',
    network: 'Could not reach the server. Check your connection and try again.',
    rate_limited: 'Too many attempts. Wait a moment and try again.',
    server: 'Something went wrong on the server. Try again in a moment.',
    invalid_parameters: 'Some details were not accepted. Check them and try again.',
    timeout: 'This took too long. Try again.',
  },
  integrationNotFound: 'Integration “{key}” was not found.',
  logoAlt: '',
};

/** A partial catalogue: any subset of labels, nested records included. */
export type PartialLabels = {
  [K in keyof MembraneKitLabels]?: MembraneKitLabels[K] extends Record<string, string>
    ? Partial<MembraneKitLabels[K]>
    : MembraneKitLabels[K];
};

/**
 * Merges partial catalogues over the defaults (later ones win), one level deep for nested records.
 *
 * @example
 * ```ts
 * const labels = mergeLabels(defaultLabels, { connect: 'Link' });
 * ```
 */
export function mergeLabels(base: MembraneKitLabels, ...overrides: Array<PartialLabels | undefined>): MembraneKitLabels {
  let result = base;
  for (const override of overrides) {
    if (!override) continue;
    const next: Record<string, unknown> = { ...result };
    for (const [key, value] of Object.entries(override)) {
      if (value === undefined) continue;
      const current = (result as unknown as Record<string, unknown>)[key];
      next[key] =
        typeof value === 'object' && value !== null && typeof current === 'object' && current !== null
          ? { ...current, ...value }
          : value;
    }
    result = next as unknown as MembraneKitLabels;
  }
  return result;
}
