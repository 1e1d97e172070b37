import type { MembraneAuthOption, MembraneConnectorSpec, MembraneIntegration, ParametersSchema } from '../api/types.js';

export type { ParametersSchema };

/** One way to authenticate with an app, normalised from the integration or its connector spec. */
export interface AuthOption {
  /** Sent as `authOptionKey`; `undefined` for a connector's single default auth. */
  key: string | undefined;
  /** `oauth2`, `oauth1`, `client-credentials`, `integration-app-token`, `proxy`. */
  type: string;
  title: string | undefined;
  description: string | undefined;
  /** Parameters to ask for before connecting (`inputSchema ?? ui.schema`), if any. */
  schema: ParametersSchema | undefined;
  /** "Where do I find this?" link (`ui.helpUri`). */
  helpUri: string | undefined;
}

type RawAuth = MembraneAuthOption;

function normalize(raw: RawAuth, key: string | undefined): AuthOption {
  return {
    key,
    type: raw.type ?? 'oauth2',
    title: raw.title,
    description: raw.description ?? raw.ui?.description,
    schema: raw.inputSchema ?? raw.ui?.schema,
    helpUri: raw.ui?.helpUri,
  };
}

/**
 * The auth options of an integration: `integration.authOptions` when Membrane sends them,
 * otherwise the connector spec's `auth` (its `options`, or the single default auth).
 *
 * @example
 * ```ts
 * const options = getAuthOptions(integration, spec);
 * if (options.length > 1) showPicker(options);
 * ```
 */
export function getAuthOptions(
  integration: Pick<MembraneIntegration, 'authOptions'> | undefined,
  spec?: Pick<MembraneConnectorSpec, 'auth'>,
): AuthOption[] {
  const fromIntegration = integration?.authOptions as RawAuth[] | undefined;
  if (fromIntegration && fromIntegration.length > 0) {
    return fromIntegration.map((option) => normalize(option, option.key));
  }
  const auth = spec?.auth as RawAuth | undefined;
  if (!auth) return [];
  if (auth.options && Object.keys(auth.options).length > 0) {
    return Object.entries(auth.options).map(([key, option]) => normalize(option, key));
  }
  return [normalize(auth, undefined)];
}

/**
 * Whether an option asks the user for anything before connecting (a schema with properties).
 *
 * @example
 * ```ts
 * if (!needsParameters(option)) openPopupRightAway();
 * ```
 */
export function needsParameters(option: AuthOption | undefined): boolean {
  return !!option?.schema?.properties && Object.keys(option.schema.properties).length > 0;
}
