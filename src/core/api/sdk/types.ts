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
 * load it. Default: `() => import('@integration-app/sdk')`.
 *
 * @example
 * ```tsx
 * <MembraneKitProvider tokenUrl="/api/membrane-token" sdk={() => import('@membranehq/sdk')}>…</MembraneKitProvider>
 * ```
 */
export type SdkOption = SdkClientClass | (() => Promise<LoadedSdk>);

/** The result of a hosted-UI flow: the connection's id, or `null` when the user closed the UI. */
export type HostedUiResult = { connectionId: string } | null;

/**
 * Membrane's hosted connect UI, behind one interface for both SDK generations (an adapter per
 * generation; see `createHostedUi`).
 *
 * @example
 * ```ts
 * const ui = await kit.hostedUi();
 * const result = await ui.connect({ integrationKey: 'hubspot' });
 * if (result) console.log('connected', result.connectionId);
 * ```
 */
export interface HostedUi {
  /** Which SDK generation runs the UI. */
  readonly generation: '1.14' | '0.28';
  /** Opens the hosted UI for a new connection to `integrationKey`. */
  connect(options: { integrationKey: string; allowMultipleConnections?: boolean }): Promise<HostedUiResult>;
  /** Opens the hosted UI to reconnect an existing connection. */
  reconnect(options: { connectionId: string; integrationKey: string }): Promise<HostedUiResult>;
  /** Opens Membrane's full hosted UI (every integration and connection); resolves when it closes. */
  manage(): Promise<void>;
}
