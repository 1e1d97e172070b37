import { cn } from '../../utils/cn.js';

/** Decorative busy indicator; the busy state itself is announced through text and `aria-busy`. */
export function Spinner({ unstyled }: { unstyled: boolean }) {
  return <span aria-hidden="true" data-slot="spinner" className={cn(!unstyled && 'mk-Spinner')} />;
}
