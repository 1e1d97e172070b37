import { useEffect, useLayoutEffect } from 'react';

/**
 * `useLayoutEffect` in the browser, `useEffect` on the server (where layout effects never run and
 * React would warn). The kit's one copy: refs to the latest props are updated with it.
 *
 * @example
 * ```ts
 * useIsomorphicLayoutEffect(() => {
 *   latest.current = props.onEvent;
 * });
 * ```
 */
export const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;
