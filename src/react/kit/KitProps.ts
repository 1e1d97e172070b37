import type { SdkOption } from '../../core/api/sdk/types.js';
import type { FetchToken } from '../../core/token/types.js';
import type { MembraneKitEventHandler } from '../events/MembraneKitEvent.js';
import type { PartialLabels } from '../labels/defaultLabels.js';
import type { MembraneKitTheme } from './KitContext.js';

/**
 * Props every component accepts so it works without `MembraneKitProvider`. Components without a
 * provider that use the same `apiUri` share one token manager and one query cache, even when
 * `fetchToken` is an inline arrow function.
 */
export interface KitProps {
  /** Asks your backend for a Membrane token (JWT string or `{ token }`). Without a provider, this or `tokenUrl` is needed. */
  fetchToken?: FetchToken;
  /**
   * Your token endpoint, e.g. `"/api/membrane-token"`: the kit POSTs to it (cookies included, same
   * origin) and reads `{ token }` or a plain JWT. A string, so a React Server Component can pass it.
   * `fetchToken` wins when both are given.
   */
  tokenUrl?: string;
  /** Membrane API base URL. Default `https://api.integration.app` (or the provider's). */
  apiUri?: string;
  /** Membrane UI base URL for the prebuilt UI. Default `https://ui.integration.app` (or the provider's). */
  uiUri?: string;
  /**
   * The Membrane SDK that opens the hosted UI (`mode="prebuilt"`): its client class, or a function
   * that loads it (`() => import('@membranehq/sdk')`), so it downloads only when first opened.
   * Default: none, the kit opens Membrane 0.28's hosted screens itself (no SDK needed; only
   * `manage()` needs one). Lists, statuses and the custom flow never load an SDK.
   */
  sdk?: SdkOption;
  /** Colour theme of this component. Default: the provider's, else `light`. */
  theme?: MembraneKitTheme;
  /** Drop the kit's classes and styles (data attributes stay). Default: the provider's, else `false`. */
  unstyled?: boolean;
  /** Strings to override for this component (merged over the provider's). */
  labels?: PartialLabels;
  /** Receives the events this component causes (the provider's `onEvent` receives all of them). */
  onEvent?: MembraneKitEventHandler;
  /**
   * Update from Membrane's `/sse/workspace` stream while mounted (a connection changed in another
   * tab, the hosted UI or by your backend shows without a reload). Default: the provider's, else
   * `true`. Without a provider it applies to the kit shared by every component on the same `apiUri`
   * (the latest value given wins).
   */
  live?: boolean;
  /**
   * Who is signed in: your customer id, or any key that changes when another customer signs in
   * (without a page reload). Without a provider, a new value makes the kit shared by every component
   * on the same `apiUri` drop the previous customer's token, cached data and running connect flows
   * before this component renders. Inside a provider, pass it to the provider instead.
   */
  customerKey?: string;
}
