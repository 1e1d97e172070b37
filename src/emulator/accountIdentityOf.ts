import type { EmulatorConnectionRecord, EmulatorCustomer, EmulatorIntegrationRecord } from './types.js';

/** Who a connection signed in as at the app: the emulator's stand-in for a provider account. */
export interface EmulatorAccountIdentity {
  /** The account's sign-in address, e.g. `jane@acme.com`. */
  email: string;
  /** The account's site or workspace, e.g. `acme.com` or `acme.zendesk.com`. */
  domain: string;
  /** The connection name the emulator gives it: `HubSpot · acme.com (jane@acme.com)`. */
  label: string;
}

const PEOPLE = ['jane', 'ops', 'sam', 'lee', 'max', 'kim', 'ana', 'raj'];
const REGIONS = ['', '-eu', '-us', '-uk', '-apac', '-de', '-fr', '-jp'];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** "Acme Inc." → "acme"; a customer without letters → "customer". */
function slugOf(name: string): string {
  const word = name
    .toLowerCase()
    .replace(/\b(inc|ltd|llc|gmbh|corp|co|sa|ag)\b\.?/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return word || 'customer';
}

/**
 * A plausible, distinct account identity for a new connection of `customer` to `integration`:
 * taken from the connect input where it names one (`email`/`username`, `subdomain`,
 * `loginDomain`), otherwise made up from the customer's name, one person and region per account
 * (`jane@acme.com`, then `ops@acme-eu.com`, …). The label is unique among `existing` (the
 * customer's connections to that app, archived ones included).
 *
 * @example
 * ```ts
 * accountIdentityOf(hubspot, { name: 'Acme Inc.' }, {}, []).label; // 'HubSpot · acme.com (jane@acme.com)'
 * accountIdentityOf(zendesk, acme, { subdomain: 'acme', email: 'ops@acme.test' }, []).label; // 'Zendesk · acme.zendesk.com (ops@acme.test)'
 * ```
 */
export function accountIdentityOf(
  integration: Pick<EmulatorIntegrationRecord, 'key' | 'name'>,
  customer: Pick<EmulatorCustomer, 'name'>,
  parameters: Record<string, unknown>,
  existing: ReadonlyArray<Pick<EmulatorConnectionRecord, 'name'>>,
): EmulatorAccountIdentity {
  const taken = new Set(existing.map((connection) => connection.name));
  const slug = slugOf(customer.name);
  const given = text(parameters.email) ?? (text(parameters.username)?.includes('@') ? text(parameters.username) : undefined);
  const subdomain = text(parameters.subdomain);
  const site = subdomain ? `${subdomain}.${integration.key}.com` : text(parameters.loginDomain);
  for (let index = existing.length; ; index += 1) {
    const round = Math.floor(index / REGIONS.length);
    const madeUp = `${slug}${REGIONS[index % REGIONS.length] ?? ''}${round > 0 ? String(round + 1) : ''}.com`;
    const email = given ?? `${PEOPLE[index % PEOPLE.length] ?? 'user'}@${madeUp}`;
    const domain = site ?? (given ? (given.split('@')[1] ?? madeUp) : madeUp);
    const base = `${integration.name} · ${domain} (${email})`;
    // Input that names the account may repeat: number the repeats rather than invent another account.
    const label = (given ?? site) && index > existing.length ? `${base} #${index - existing.length + 1}` : base;
    if (!taken.has(label)) return { email, domain, label };
  }
}
