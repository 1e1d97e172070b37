import type { StoryContext } from '@storybook/react-vite';

/**
 * Replaces `window.open` for one story, as a strict popup blocker does (it returns `null`).
 * Returns the cleanup for `beforeEach`.
 */
export function blockPopups(): () => void {
  const original = window.open;
  window.open = () => null;
  return () => {
    window.open = original;
  };
}

/** A token endpoint that is down: what `fetchToken` does when the app's backend answers 503. */
export function failingFetchToken(): Promise<string> {
  return Promise.reject(new Error('Token endpoint answered 503 Service Unavailable'));
}

/** A token endpoint that never answers, to hold the kit in its loading state. */
export function pendingFetchToken(): Promise<string> {
  return new Promise<string>(() => {});
}

/** The story's id as a customer id the emulator accepts. */
export function storyCustomerId(context: Pick<StoryContext, 'id'>): string {
  return `story-${context.id}`;
}
