import { MembraneTokenError } from './MembraneTokenError.js';
import type { MembraneCustomer } from './types.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * Checks a customer and returns its claims in the seeds' order (`id`, `name`, `fields`). Field
 * values are never quoted: they may hold API keys.
 */
export function customerClaims(customer: unknown): Record<string, unknown> {
  if (!isPlainObject(customer)) {
    throw new MembraneTokenError(
      'invalid_customer',
      `customer must be an object like { id: user.id, name: user.name }, got ${customer === null ? 'null' : typeof customer}.`,
    );
  }
  const { id, name, fields } = customer as Partial<MembraneCustomer> & Record<string, unknown>;
  if (id === undefined || id === null || (typeof id === 'string' && id.trim() === '')) {
    throw new MembraneTokenError(
      'missing_customer_id',
      `customer.id is ${typeof id === 'string' ? 'empty' : 'missing'}: every customer token needs the id of the user, team or organization in your system. For a workspace-level token without a customer, use createAdminToken.`,
    );
  }
  if (typeof id !== 'string') {
    throw new MembraneTokenError('invalid_customer', `customer.id must be a string, got a ${typeof id}: pass String(yourId).`);
  }
  if (name !== undefined && typeof name !== 'string') {
    throw new MembraneTokenError('invalid_customer', `customer.name must be a string when given, got a ${name === null ? 'null' : typeof name}.`);
  }
  const claims: Record<string, unknown> = { id };
  if (name !== undefined) claims.name = name;
  if (fields !== undefined) {
    if (!isPlainObject(fields)) {
      throw new MembraneTokenError(
        'invalid_fields',
        `customer.fields must be a plain object ({ key: value }), got ${fields === null ? 'null' : Array.isArray(fields) ? 'an array' : typeof fields === 'object' ? 'a class instance' : `a ${typeof fields}`}.`,
      );
    }
    try {
      JSON.stringify(fields);
    } catch {
      throw new MembraneTokenError(
        'invalid_fields',
        'customer.fields cannot be serialised to JSON (a circular reference or a BigInt?): keep to strings, numbers, booleans, arrays and plain objects.',
      );
    }
    claims.fields = fields;
  }
  return claims;
}
