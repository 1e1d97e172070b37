import { useCallback, type Ref } from 'react';

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/** One callback ref that feeds the consumer's ref and the kit's own. */
export function useComposedRefs<T>(theirs: Ref<T> | undefined, ours: Ref<T> | undefined): (value: T | null) => void {
  return useCallback(
    (value: T | null) => {
      setRef(theirs, value);
      setRef(ours, value);
    },
    [theirs, ours],
  );
}
