import type { WorkspaceEvent } from './types.js';

/** A workspace event without the kit's own `resumed` flag (what the server sends). */
export type WorkspaceEventData = Exclude<WorkspaceEvent, { type: 'connected' }> | Omit<Extract<WorkspaceEvent, { type: 'connected' }>, 'resumed'>;

const text = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * Reads one `/sse/workspace` message's `data`: a JSON object `{type:'connected'}` or
 * `{type:'element-update', elementType, elementId, data?}`. Anything else (not JSON, another
 * `type`, missing ids) answers `undefined`, so a malformed message is ignored, never thrown.
 *
 * @example
 * ```ts
 * parseWorkspaceEvent('{"type":"element-update","elementType":"connection","elementId":"c1"}');
 * // { type: 'element-update', elementType: 'connection', elementId: 'c1' }
 * parseWorkspaceEvent('not json'); // undefined
 * ```
 */
export function parseWorkspaceEvent(data: unknown): WorkspaceEventData | undefined {
  if (typeof data !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (record.type === 'connected') {
    return {
      type: 'connected',
      ...(typeof record.message === 'string' ? { message: record.message } : {}),
      ...(typeof record.timestamp === 'string' ? { timestamp: record.timestamp } : {}),
    };
  }
  if (record.type === 'element-update' && text(record.elementType) && text(record.elementId)) {
    return {
      type: 'element-update',
      elementType: record.elementType,
      elementId: record.elementId,
      ...('data' in record ? { data: record.data } : {}),
    };
  }
  return undefined;
}
