/** Why the server refuses an incoming update: it does not fit the document's shape. */
export class InvalidUpdate extends Error {}

/**
 * The update needs changes the server does not have yet (SPEC V5): a gap in a client's clock, an
 * unknown origin or parent, a deletion of unknown items. Not a fault: after a reconnect the stock
 * provider sends live edits before the sync step that carries what they build on. The connection
 * holds such an update and checks it again, as strictly, once what it needs has arrived.
 */
export class MissingDependencies extends InvalidUpdate {
  constructor(
    message: string,
    /** The server's clock of `client` must reach `clock` before the update can be tried again. */
    readonly needs: { client: number; clock: number },
  ) {
    super(message);
  }
}
