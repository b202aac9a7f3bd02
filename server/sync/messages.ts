import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';
import { messageTypes } from '../../shared/protocol.js';
import type { SyncNotice } from '../../shared/protocol.js';

/** Every message the sync server sends, built in one place (y-websocket framing). */
const build = (type: number, write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
};

export const outgoing = {
  /** Sync step 1: the server's state vector, asking the client for what the server lacks. */
  step1: (doc: Y.Doc) => build(messageTypes.sync, (e) => syncProtocol.writeSyncStep1(e, doc)),
  /** Sync step 2: what the client lacks, given its state vector. */
  step2: (update: Uint8Array) =>
    build(messageTypes.sync, (e) => {
      encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(e, update);
    }),
  update: (update: Uint8Array) => build(messageTypes.sync, (e) => syncProtocol.writeUpdate(e, update)),
  awareness: (awareness: awarenessProtocol.Awareness, clients: number[]) =>
    build(messageTypes.awareness, (e) =>
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients)),
    ),
  /** Our own message (SPEC R2); clients of this app read it, others ignore it. */
  notice: (notice: SyncNotice) =>
    build(messageTypes.notice, (e) => encoding.writeVarString(e, JSON.stringify(notice))),
};
