/**
 * Whether an error means "the API did not accept the token", for either SDK generation and for
 * the kit's own client: an error carrying Membrane's body with key `not_authenticated`
 * (`isMembraneError` in `@membranehq/sdk` 0.28, `isIntegrationAppError` in `@integration-app/sdk`
 * 1.14, `MembraneHttpError` from the kit's client), or an axios error with status 401 whose body
 * was not a Membrane error (docs/membrane-sdk-0.28.md §7).
 *
 * @example
 * ```ts
 * try {
 *   await sdkClient.integrations.find();
 * } catch (error) {
 *   if (isNotAuthenticatedError(error)) await tokens.getToken({ forceRefresh: true });
 * }
 * ```
 */
export function isNotAuthenticatedError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as {
    isIntegrationAppError?: unknown;
    isMembraneError?: unknown;
    isMembraneHttpError?: unknown;
    data?: { key?: unknown };
    isAxiosError?: unknown;
    response?: { status?: unknown };
  };
  if (candidate.isIntegrationAppError === true || candidate.isMembraneError === true || candidate.isMembraneHttpError === true) {
    return candidate.data?.key === 'not_authenticated';
  }
  return candidate.isAxiosError === true && candidate.response?.status === 401;
}
