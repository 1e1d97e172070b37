import { KitError } from '../../errors/KitError.js';
import type { LoadedSdk, SdkClientClass, SdkOption } from './types.js';

/** A class (`class X {}` or one compiled to a function with prototype methods), not a loader. */
function isClass(value: SdkOption): value is SdkClientClass {
  const prototype = (value as { prototype?: object }).prototype;
  if (!prototype) return false; // arrow and async functions: a loader
  return /^class[\s{]/.test(Function.prototype.toString.call(value)) || Object.getOwnPropertyNames(prototype).length > 1;
}

function classOf(loaded: LoadedSdk | undefined): SdkClientClass | undefined {
  if (typeof loaded === 'function') return loaded;
  if (typeof loaded !== 'object' || loaded === null) return undefined;
  return loaded.MembraneClient ?? loaded.IntegrationAppClient;
}

/**
 * The SDK client class the `sdk` option names: the class itself, or what its loader resolves to
 * (the class, or the SDK module's `MembraneClient` / `IntegrationAppClient`). Fails with a
 * `KitError` `invalid_parameters` that says what was given and what is expected.
 *
 * @example
 * ```ts
 * const Client = await resolveSdkClass(() => import('@integration-app/sdk'));
 * ```
 */
export async function resolveSdkClass(sdk: SdkOption): Promise<SdkClientClass> {
  if (typeof sdk !== 'function') {
    throw new KitError(
      'invalid_parameters',
      `The sdk option must be an SDK client class (IntegrationAppClient, MembraneClient) or a function that loads it, such as () => import('@membranehq/sdk'); got ${typeof sdk}.`,
    );
  }
  if (isClass(sdk)) return sdk;
  let loaded: LoadedSdk;
  try {
    loaded = await (sdk as () => Promise<LoadedSdk>)();
  } catch (error) {
    throw new KitError(
      'network',
      "Could not load the Membrane SDK for the hosted UI. Check that @integration-app/sdk or @membranehq/sdk is installed, and that the sdk option's loader works.",
      { cause: error },
    );
  }
  const found = classOf(loaded);
  if (!found) {
    throw new KitError(
      'invalid_parameters',
      "The sdk option's loader resolved to something that is neither an SDK client class nor a module exporting MembraneClient or IntegrationAppClient.",
    );
  }
  return found;
}
