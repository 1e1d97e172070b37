import { createContext, useContext } from 'react';
import type { MembraneIntegration } from '../../../core/api/types.js';

/**
 * What a page sets up for its connect dialogs, by integration key: values that prefill the
 * parameters form, the prefilled fields the user may not change, and a consent line (what the
 * product will read and write) shown before the user continues.
 */
export interface ConnectSetup {
  /** Values of the custom connect form by integration key, e.g. `{ zendesk: { subdomain: 'acme' } }`. */
  parameters?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Prefilled fields shown read-only (still submitted), by integration key: `{ zendesk: ['subdomain'] }`. */
  lockedParameters?: Readonly<Record<string, readonly string[]>>;
  /** One line per integration key saying what the product will read and write. */
  consent?: Readonly<Record<string, string>>;
}

/** A {@link ConnectSetup} read for one integration. */
export interface IntegrationConnectSetup {
  parameters: Readonly<Record<string, unknown>> | undefined;
  locked: ReadonlySet<string>;
  consent: string | undefined;
}

export const ConnectSetupContext = createContext<ConnectSetup | null>(null);

const NOTHING: IntegrationConnectSetup = { parameters: undefined, locked: new Set(), consent: undefined };

/**
 * The setup of one integration, looked up by its key, then its id (an empty `consent` counts as none).
 *
 * @example
 * ```ts
 * connectSetupOf({ consent: { hubspot: 'Reads contacts.' } }, { key: 'hubspot' }).consent; // 'Reads contacts.'
 * ```
 */
export function connectSetupOf(setup: ConnectSetup | null, integration: Pick<MembraneIntegration, 'key' | 'id'> | undefined): IntegrationConnectSetup {
  if (!setup || !integration) return NOTHING;
  const pick = <T,>(record: Readonly<Record<string, T>> | undefined): T | undefined =>
    record ? (Object.hasOwn(record, integration.key) ? record[integration.key] : integration.id && Object.hasOwn(record, integration.id) ? record[integration.id] : undefined) : undefined;
  const consent = pick(setup.consent)?.trim();
  return { parameters: pick(setup.parameters), locked: new Set(pick(setup.lockedParameters) ?? []), consent: consent || undefined };
}

/**
 * The page's connect setup for one integration (from `<IntegrationsList parameters lockedParameters
 * consent>` or `<ConnectButton parameters lockedParameters consent>`).
 *
 * @example
 * ```ts
 * const { consent } = useConnectSetup(integration);
 * ```
 */
export function useConnectSetup(integration: Pick<MembraneIntegration, 'key' | 'id'> | undefined): IntegrationConnectSetup {
  return connectSetupOf(useContext(ConnectSetupContext), integration);
}

/**
 * The consent line a connect dialog shows for one integration: the page's (`consent` prop) wins,
 * else the `consent` label when it is not blank (`fromLabel`: its `{name}` is still to fill in),
 * else none. A dialog with a line opens before anything starts, even with nothing to ask.
 *
 * @example
 * ```ts
 * consentLineOf(useConnectSetup(integration), labels.consent); // { text: 'Reads contacts.', fromLabel: false }
 * ```
 */
export function consentLineOf(setup: IntegrationConnectSetup, consentLabel: string): { text: string; fromLabel: boolean } | undefined {
  if (setup.consent !== undefined) return { text: setup.consent, fromLabel: false };
  return consentLabel.trim() ? { text: consentLabel, fromLabel: true } : undefined;
}
