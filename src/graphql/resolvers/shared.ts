/** A broken invariant: surfaces as a masked INTERNAL_SERVER_ERROR with the request id. */
export function internalError(what: string): never {
  throw new Error(`invariant: ${what}`);
}
