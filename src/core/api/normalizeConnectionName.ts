import { KitError } from '../errors/KitError.js';

/**
 * Longest connection name the kit sends. Membrane documents no limit; a label longer than this
 * would not fit any list row, so it is refused before a request.
 *
 * @example
 * ```tsx
 * <input maxLength={MAX_CONNECTION_NAME_LENGTH} />
 * ```
 */
export const MAX_CONNECTION_NAME_LENGTH = 120;

/**
 * A connection's new name, trimmed; throws `KitError` `invalid_parameters` saying what was wrong
 * (not a string, empty, or longer than {@link MAX_CONNECTION_NAME_LENGTH}) and how to fix it.
 *
 * @example
 * ```ts
 * normalizeConnectionName('  Sales team  '); // 'Sales team'
 * normalizeConnectionName(''); // throws: a connection name must not be empty
 * ```
 */
export function normalizeConnectionName(name: unknown): string {
  if (typeof name !== 'string') {
    throw new KitError('invalid_parameters', `membrane-react-kit: a connection name must be a string, got ${typeof name}.`);
  }
  const trimmed = name.trim();
  if (trimmed === '') {
    throw new KitError('invalid_parameters', 'membrane-react-kit: a connection name must not be empty; type a name such as "Sales team".');
  }
  if (trimmed.length > MAX_CONNECTION_NAME_LENGTH) {
    throw new KitError(
      'invalid_parameters',
      `membrane-react-kit: a connection name can be at most ${MAX_CONNECTION_NAME_LENGTH} characters; this one has ${trimmed.length}. Shorten it.`,
    );
  }
  return trimmed;
}
