/**
 * Whether an error from the `@integration-app/sdk` client means "the API did not accept the
 * token": an `IntegrationAppError` whose data key is `not_authenticated` (the SDK surfaces the
 * API's 401 `{ type: 'bad_request', key: 'not_authenticated' }` as a `BadRequestError`), or a raw
 * axios error with status 401 when the body was not a Membrane error.
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
    data?: { key?: unknown };
    isAxiosError?: unknown;
    response?: { status?: unknown };
  };
  if (candidate.isIntegrationAppError === true) return candidate.data?.key === 'not_authenticated';
  return candidate.isAxiosError === true && candidate.response?.status === 401;
}
