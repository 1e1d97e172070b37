/** What both pages of the request-count figure receive. */
export interface PageProps {
  fetchToken: () => Promise<string>;
  apiUri: string;
  uiUri: string;
  /** One status element per key. */
  statusKeys: string[];
}

/** The state a status element shows, in the kit's vocabulary (`data-state`). */
export type ShownState = 'loading' | 'missing' | 'not-connected' | 'connected' | 'disconnected' | 'error';
