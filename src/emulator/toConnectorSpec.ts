import type { EmulatorAuthOption, EmulatorIntegrationRecord } from './types.js';

/** An option without its key; a 0.28-style `inputSchema` is mirrored to `ui.schema`, which SDK 1.14 reads. */
const withoutKey = ({ key: _key, ...option }: EmulatorAuthOption): Omit<EmulatorAuthOption, 'key'> =>
  option.inputSchema && !option.ui?.schema ? { ...option, ui: { ...option.ui, schema: option.inputSchema } } : option;

/**
 * The connector spec of an integration (`GET /integrations/:idOrKey/connector-spec`), which the
 * SDK's `connect()` reads to choose popup or iframe. `auth` is the default (first) option; with
 * several options `auth.options` lists them all by key, as Membrane does.
 *
 * @example
 * ```ts
 * toConnectorSpec(store.findIntegration('jira')!).auth.options; // { oauth2: {…}, 'api-token': {…} }
 * ```
 */
export function toConnectorSpec(record: EmulatorIntegrationRecord): {
  key: string;
  name: string;
  logoUri: string;
  appUri: string;
  apiDocsUri?: string;
  ui?: EmulatorAuthOption['ui'];
  auth: Omit<EmulatorAuthOption, 'key'> & { options?: Record<string, Omit<EmulatorAuthOption, 'key'>> };
} {
  const [first, ...others] = record.authOptions;
  if (!first) throw new Error(`Integration "${record.key}" has no auth option.`);
  return structuredClone({
    key: record.key,
    name: record.name,
    logoUri: record.logoUri,
    appUri: record.appUri,
    ...(record.apiDocsUri ? { apiDocsUri: record.apiDocsUri } : {}),
    ...(first.ui ? { ui: first.ui } : {}),
    auth: {
      ...withoutKey(first),
      ...(others.length > 0
        ? { options: Object.fromEntries(record.authOptions.map((option) => [option.key, withoutKey(option)])) }
        : {}),
    },
  });
}
