// Loaded with `node --import` in the dom-react18 project's workers (vitest.config.ts `execArgv`):
// every `react` and `react-dom` (and their subpaths) that Node itself loads, from whichever package
// in node_modules (@testing-library/react, @tanstack/react-query, radix-ui, @integration-app/react…),
// is React 18.3 from test/react18/node_modules: one copy for the whole test, as `resolve.alias`
// gives the files Vite transforms. Vitest leaves node_modules to Node, so aliases alone miss them.
import Module, { createRequire, register } from 'node:module';
import { dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url)) + sep;
const REACT = /^react(-dom)?(\/.*)?$/;
const requireHere = createRequire(`${here}package.json`);

// require() (CommonJS packages, and react-dom 18's own requires, which already land here).
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveReact18(request, parent, ...rest) {
  if (REACT.test(request) && !parent?.filename?.startsWith(here)) return requireHere.resolve(request);
  return resolveFilename.call(this, request, parent, ...rest);
};

// import (ES modules).
register('./resolveReact18.mjs', import.meta.url);
