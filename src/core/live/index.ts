export { createWorkspaceEvents } from './createWorkspaceEvents.js';
export { parseWorkspaceEvent } from './parseWorkspaceEvent.js';
export type { WorkspaceEventData } from './parseWorkspaceEvent.js';
export type {
  CreateWorkspaceEventsOptions,
  EventSourceConstructor,
  EventSourceLike,
  WorkspaceEvent,
  WorkspaceEvents,
  WorkspaceEventsBackoff,
  WorkspaceEventsStatus,
} from './types.js';
export { lazyWorkspaceEvents } from './lazyWorkspaceEvents.js';
