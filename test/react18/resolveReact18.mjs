// Module resolution hook (registered by ./register.mjs): a bare `react…` or `react-dom…` import from
// anywhere outside this folder resolves as if imported from here, i.e. to React 18.3.
const here = new URL('./', import.meta.url).href;
const REACT = /^react(-dom)?(\/.*)?$/;

export async function resolve(specifier, context, nextResolve) {
  if (REACT.test(specifier) && !context.parentURL?.startsWith(here)) {
    return nextResolve(specifier, { ...context, parentURL: `${here}package.json` });
  }
  return nextResolve(specifier, context);
}
