import type { Hono } from 'hono';
import type { EmulatorContext, EmulatorEnv } from './EmulatorContext.js';

/** The prebuilt UI pages under `/ui/embed/*` (penpal child, membrane-api.md §4). */
export function registerEmbedRoutes(_app: Hono<EmulatorEnv>, _ctx: EmulatorContext): void {}
