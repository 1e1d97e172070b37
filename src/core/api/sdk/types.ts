/** Options both SDK generations' client constructors accept (docs/membrane-sdk-0.28.md §8). */
export interface SdkClientOptions {
  fetchToken?: () => Promise<string>;
  apiUri?: string;
  uiUri?: string;
}

/**
 * The constructor of a Membrane SDK client: `IntegrationAppClient` from `@integration-app/sdk` 1.14,
 * or `MembraneClient` from `@membranehq/sdk` 0.28.
 *
 * @example
 * ```ts
 * import { IntegrationAppClient } from '@integration-app/sdk';
 * const sdk: SdkClientClass = IntegrationAppClient;
 * ```
 */
export type SdkClientClass = new (options: SdkClientOptions) => object;

/**
 * What a function given as the `sdk` option may resolve to: the client class itself, or the SDK's
 * module (its `IntegrationAppClient` or `MembraneClient` export is used).
 *
 * @example
 * ```ts
 * const loaded: LoadedSdk = await import('@membranehq/sdk');
 * ```
 */
export type LoadedSdk = SdkClientClass | { IntegrationAppClient?: SdkClientClass; MembraneClient?: SdkClientClass };

/**
 * The `sdk` option of the provider and components: which Membrane SDK opens the hosted UI
 * (`mode="prebuilt"`). Either the SDK's client class, or a function that loads it, so the SDK
 * downloads only when the hosted UI is first opened. Lists, statuses and the custom flow never
 * load it. Default: none; the kit opens Membrane 0.28's hosted screens (`/screens/connect` on
 * `apiUri`) itself, with no SDK installed (`manage()` then needs this option).
 *
 * @example
 * ```tsx
 * <MembraneKitProvider tokenUrl="/api/membrane-token" sdk={() => import('@membranehq/sdk')}>…</MembraneKitProvider>
 * ```
 */
export type SdkOption = SdkClientClass | (() => Promise<LoadedSdk>);

/** The result of a hosted-UI flow: the connection's id, or `null` when the user closed the UI. */
export type HostedUiResult = { connectionId: string } | null;

/** Colour theme of a 0.28 hosted screen (membrane-sdk-0.28.md §2). */
export type HostedUiTheme = 'light' | 'dark' | 'auto';

/**
 * Membrane's hosted connect UI, behind one interface for both SDK generations and the kit's own
 * SDK-free screens (an adapter each; see `createHostedUi`).
 *
 * @example
 * ```ts
 * const ui = await kit.hostedUi();
 * const result = await ui.connect({ integrationKey: 'hubspot' });
 * if (result) console.log('connected', result.connectionId);
 * ```
 */
export interface HostedUi {
  /**
   * What runs the UI: an SDK generation (`1.14`, `0.28`), or `screens`, the kit's own
   * implementation of 0.28's hosted screens (no SDK).
   */
  readonly generation: '1.14' | '0.28' | 'screens';
  /**
   * Opens the hosted UI for a new connection to `integrationKey`. `theme` reaches 0.28 screens
   * only; without it the kit's screens use the theme of the element that has focus (the button
   * clicked), when it is inside a kit theme root.
   */
  connect(options: { integrationKey: string; allowMultipleConnections?: boolean; theme?: HostedUiTheme }): Promise<HostedUiResult>;
  /** Opens the hosted UI to reconnect an existing connection (same id). */
  reconnect(options: { connectionId: string; integrationKey: string; theme?: HostedUiTheme }): Promise<HostedUiResult>;
  /**
   * Opens Membrane's full hosted UI (every integration and connection); resolves when it closes.
   * Needs an SDK (`sdk` option): 0.28 has no screen for the whole catalogue, so the kit's screens
   * reject with a `KitError` `invalid_parameters`.
   */
  manage(): Promise<void>;
}
