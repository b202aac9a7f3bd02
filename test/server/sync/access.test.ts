import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { createGoal, readBoard } from '../../../shared/doc/board.js';
import { addNote, readNotes } from '../../../shared/doc/compartment.js';
import { colorFor } from '../../../shared/presence.js';
import { caseDocumentName, closeCodes } from '../../../shared/protocol.js';
import type { DocumentPart } from '../../../shared/protocol.js';
import { encodeAwareness } from '../../../server/sync/awarenessCodec.js';
import type { AwarenessEntry } from '../../../server/sync/awarenessCodec.js';
import { signIn } from '../../utils/accounts.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { connectClient, synced } from '../../utils/clients.js';
import type { SyncClient } from '../../utils/clients.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { openRawSocket, serverHasRead, syncMessage } from '../../utils/rawSocket.js';
import type { RawSocket } from '../../utils/rawSocket.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/** Access over real sockets (SPEC A1–A5): who connects, what they receive, and when it ends. */
let server: TestServer;
let t: CaseTeam;
const open: { destroy(): void }[] = [];
beforeEach(async () => {
  server = await startTestServer();
  t = await caseTeam(server);
});
afterEach(async () => {
  for (const client of open.splice(0)) client.destroy();
  await server.close();
});

const nameOf = (part: DocumentPart) => caseDocumentName(t.caseId, part);
async function connectAs(
  who: Person,
  part: DocumentPart = 'shared',
  headers?: Record<string, string>,
): Promise<SyncClient> {
  const client = connectClient(
    server.url,
    nameOf(part),
    new Y.Doc(),
    headers ?? (await signIn(server, who.userId)).headers,
  );
  open.push(client);
  return client;
}
async function rawAs(
  who: Person | null,
  part: DocumentPart,
  headers?: Record<string, string>,
): Promise<RawSocket> {
  const socket = openRawSocket(
    server.url,
    nameOf(part),
    '',
    headers ?? (who ? (await signIn(server, who.userId)).headers : {}),
  );
  open.push({ destroy: () => socket.ws.terminate() });
  return socket;
}
const serverDoc = <T>(part: DocumentPart, read: (doc: Y.Doc) => T) =>
  server.sync.registry.use(nameOf(part), read);
const received = (socket: RawSocket) => Buffer.concat(socket.received.map((m) => Buffer.from(m)));
/** Records the client's consent as the side that holds the notes does on their behalf (SPEC A7). */
const recordConsent = (body: { compartment: DocumentPart; sharedWithDomain: DocumentPart }) =>
  api(
    server,
    (body.compartment === 'medical' ? t.gp : t.coordinator).userId,
    'POST',
    `/api/cases/${t.caseId}/consents`,
    { how: 'spoken', givenOn: new Date().toISOString().slice(0, 10), ...body },
  );

describe('[A1] signing in and the Origin check', () => {
  it('a page on a foreign Origin is refused with 4403, while the same cookie from our Origin works', async () => {
    const { cookie } = await signIn(server, t.socialWorker.userId);
    const foreign = await rawAs(null, 'shared', { cookie, origin: 'https://evil.example' });
    expect((await foreign.closed).code).toBe(closeCodes.forbidden);
    const ours = await connectAs(t.socialWorker, 'shared', { cookie, origin: server.url });
    await synced(ours);
    expect(ours.closes).toEqual([]);
  });

  it('without a session cookie the connection is closed with 4401, and the provider stops retrying', async () => {
    const client = await connectAs(t.socialWorker, 'shared', { origin: server.url });
    await eventually(() => expect(client.closes.map((c) => c.code)).toEqual([closeCodes.notSignedIn]));
    expect(client.provider.shouldConnect).toBe(false);
  });
});

describe('[A2] a read-only member', () => {
  it('cannot change the board, yet sees the others’ edits live and shows up in their presence', async () => {
    const gp = await connectAs(t.gp);
    const pharmacist = await connectAs(t.pharmacist);
    await synced(gp);
    await synced(pharmacist);

    createGoal(pharmacist.doc, {
      id: 'from-reader',
      title: 'Medicatie stoppen',
      domain: 'care',
      phase: 'treatment',
    });
    // Sent on the same socket after the edit: once the GP sees it, the server has read the edit.
    pharmacist.provider.awareness.setLocalStateField('editing', 'from-reader');
    await eventually(() =>
      expect([...gp.provider.awareness.getStates().values()].some((s) => s.editing === 'from-reader')).toBe(
        true,
      ),
    );
    expect(await serverDoc('shared', (doc) => readBoard(doc).goals.map((g) => g.id))).toEqual([]);

    createGoal(gp.doc, { id: 'from-writer', title: 'Bloeddruk meten', domain: 'care', phase: 'treatment' });
    await eventually(() =>
      expect(readBoard(pharmacist.doc).goals.some((g) => g.id === 'from-writer')).toBe(true),
    );
    expect(await serverDoc('shared', (doc) => readBoard(doc).goals.map((g) => g.id))).toEqual([
      'from-writer',
    ]);
    expect(readBoard(gp.doc).goals.map((g) => g.id)).toEqual(['from-writer']);
    expect(pharmacist.closes).toEqual([]);
  });
});

describe('[A3] consent compartments never leak a byte', () => {
  const pairs = [
    { writer: 'gp', part: 'medical', reader: 'socialWorker', readerDomain: 'social' },
    { writer: 'socialWorker', part: 'social', reader: 'gp', readerDomain: 'medical' },
  ] as const;
  for (const { writer, part, reader, readerDomain } of pairs) {
    it(`the ${reader}'s raw bytes never contain what the ${writer} wrote in ${part}, until the client consents`, async () => {
      const marker = `GEHEIM-${part}-${Date.now()}`;
      const author = await connectAs(t[writer], part);
      await synced(author);
      addNote(author.doc, t[writer].userId, `${marker} eerste notitie`);
      await eventually(async () => expect(await serverDoc(part, (d) => readNotes(d).length)).toBe(1));

      const board = await rawAs(t[reader], 'shared');
      await board.opened;
      board.ws.send(syncMessage.step1(new Y.Doc())); // ask for everything
      const compartment = await rawAs(t[reader], part);
      expect((await compartment.closed).code).toBe(closeCodes.forbidden);
      addNote(author.doc, t[writer].userId, `${marker} tweede notitie`); // while the board is open
      await eventually(async () => expect(await serverDoc(part, (d) => readNotes(d).length)).toBe(2));
      await serverHasRead(board);

      expect(board.received.length).toBeGreaterThan(0);
      expect(received(board).includes(marker)).toBe(false);
      expect(received(compartment).includes(marker)).toBe(false);

      const consent = await recordConsent({ compartment: part, sharedWithDomain: readerDomain });
      expect(consent.status).toBe(201);
      const shared = await rawAs(t[reader], part);
      await shared.opened;
      shared.ws.send(syncMessage.step1(new Y.Doc()));
      await eventually(() => expect(received(shared).includes(marker)).toBe(true)); // the check can see it
    });
  }
});

describe('[A4] rights that end close the open connections within seconds', () => {
  it('withdrawing consent closes the social worker’s medical stream with 4403; the board stays open', async () => {
    const consent = await recordConsent({ compartment: 'medical', sharedWithDomain: 'social' });
    const board = await connectAs(t.socialWorker, 'shared');
    const medical = await connectAs(t.socialWorker, 'medical');
    await synced(board);
    await synced(medical);

    const withdrawn = await api(
      server,
      t.coordinator.userId,
      'POST',
      `/api/cases/${t.caseId}/consents/${(consent.body as { id: string }).id}/withdraw`,
      {},
    );
    expect(withdrawn.status).toBe(204);
    await eventually(() => expect(medical.closes.map((c) => c.code)).toEqual([closeCodes.forbidden]), 3_000);
    expect(medical.provider.shouldConnect).toBe(false);
    expect(board.closes).toEqual([]);
    expect(board.provider.wsconnected).toBe(true);
  });

  it('revoking a membership through the API closes that person’s board, not the others’', async () => {
    const social = await connectAs(t.socialWorker);
    const gp = await connectAs(t.gp);
    await synced(social);
    await synced(gp);
    const path = `/api/cases/${t.caseId}/members/${t.socialWorker.professionalId}`;
    expect((await api(server, t.coordinator.userId, 'DELETE', path)).status).toBe(204);
    await eventually(() => expect(social.closes.map((c) => c.code)).toEqual([closeCodes.forbidden]), 3_000);
    expect(gp.closes).toEqual([]);
  });

  it('a membership deleted straight in the database is noticed by the periodic check', async () => {
    const social = await connectAs(t.socialWorker);
    await synced(social);
    server.db
      .prepare('DELETE FROM case_members WHERE professional_id = ?')
      .run(t.socialWorker.professionalId);
    await eventually(
      () => expect(social.closes.map((c) => c.code)).toEqual([closeCodes.forbidden]),
      server.config.accessRecheckMs + 3_000,
    );
  });

  it('a member made read-only keeps the board on screen, but their next edits are dropped', async () => {
    const social = await connectAs(t.socialWorker);
    await synced(social);
    const path = `/api/cases/${t.caseId}/members/${t.socialWorker.professionalId}`;
    expect(
      (await api(server, t.coordinator.userId, 'PUT', path, { caseRole: 'meelezer', access: 'read' })).status,
    ).toBe(204);
    createGoal(social.doc, {
      id: 'after-downgrade',
      title: 'Nog één doel',
      domain: 'income',
      phase: 'transition',
    });
    social.provider.awareness.setLocalStateField('editing', 'after-downgrade');
    const watcher = await connectAs(t.gp);
    await eventually(() =>
      expect(
        [...watcher.provider.awareness.getStates().values()].some((s) => s.editing === 'after-downgrade'),
      ).toBe(true),
    );
    expect(await serverDoc('shared', (doc) => readBoard(doc).goals)).toEqual([]);
    expect(social.closes).toEqual([]);
  });

  it('signing out closes every connection of that session with 4401, not other people’s', async () => {
    const session = await signIn(server, t.socialWorker.userId);
    const board = await connectAs(t.socialWorker, 'shared', session.headers);
    const social = await connectAs(t.socialWorker, 'social', session.headers);
    const gp = await connectAs(t.gp);
    for (const client of [board, social, gp]) await synced(client);

    const response = await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(response.status).toBe(204);
    await eventually(() => {
      expect(board.closes.map((c) => c.code)).toEqual([closeCodes.notSignedIn]);
      expect(social.closes.map((c) => c.code)).toEqual([closeCodes.notSignedIn]);
    }, 3_000);
    expect(gp.closes).toEqual([]);
  });
});

describe('[A3] the socket never tells whether a case exists', () => {
  const closeOf = async (who: Person, name: string) => {
    const socket = openRawSocket(server.url, name, '', (await signIn(server, who.userId)).headers);
    open.push({ destroy: () => socket.ws.terminate() });
    return socket.closed;
  };
  it("someone else's case and one that does not exist close with the same code and reason, for anyone", async () => {
    for (const who of [t.teamMate, t.formerMember, t.client, t.otherClient, t.admin]) {
      for (const part of ['shared', 'medical'] as const) {
        const foreign = await closeOf(who, caseDocumentName(t.otherCaseId, part));
        const unknown = await closeOf(who, caseDocumentName('case-ahmet-yilmaz', part));
        expect(unknown).toEqual(foreign);
        expect(foreign).toEqual({ code: closeCodes.forbidden, reason: 'no access to this document' });
      }
    }
    // Only the access log tells the two apart.
    const refusals = (await server.services.audit.search({ userId: t.teamMate.userId })).filter(
      (e) => e.event === 'document-refused',
    );
    expect(refusals.some((e) => e.caseId === null && e.details?.missing === true)).toBe(true);
    expect(refusals.some((e) => e.caseId === t.otherCaseId)).toBe(true);
  });

  it('a meeting, and a case in a meeting, likewise', async () => {
    const meetingId = await server.services.meetings.store.create({
      neighbourhoodId: 'n1',
      title: 'Overleg',
      startsAt: '2026-12-01T12:00:00.000Z',
      chairId: t.otherCoordinator.professionalId!,
      attendeeIds: [t.gp.professionalId!],
      guests: [],
      createdBy: t.otherCoordinator.userId,
    });
    const foreign = await closeOf(t.socialWorker, `meeting:${meetingId}`);
    expect(await closeOf(t.socialWorker, 'meeting:nomeeting')).toEqual(foreign);
    const attendee = await closeOf(t.gp, `meeting:${meetingId}:case:${t.otherCaseId}`);
    expect(await closeOf(t.gp, `meeting:${meetingId}:case:nobody`)).toEqual(attendee);
    expect(foreign.code).toBe(closeCodes.forbidden);
  });
});

/** An awareness message as a client would send it, with whatever client id and clock it likes. */
function awarenessMessage(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encodeAwareness(entries));
  return encoding.toUint8Array(encoder);
}
const stateOf = (client: SyncClient, clientId: number) => client.provider.awareness.getStates().get(clientId);

describe('[A5] presence identity comes from the session', () => {
  it('a client that poses as someone else is shown to the others as who they signed in as', async () => {
    const impostor = await connectAs(t.socialWorker);
    const observer = await connectAs(t.gp);
    await synced(impostor);
    await synced(observer);
    impostor.provider.awareness.setLocalState({
      user: { id: 'someone-else', name: 'Huisarts X', color: '#000000' },
      editing: 'g1',
    });
    const me = {
      id: t.socialWorker.userId,
      name: 'Schuldhulpverlener',
      color: colorFor(t.socialWorker.userId),
    };
    await eventually(() =>
      expect(stateOf(observer, impostor.doc.clientID)).toEqual({ user: me, editing: 'g1' }),
    );
  });

  it('a client cannot overwrite or remove the presence of another connection’s client id', async () => {
    const victim = await connectAs(t.gp);
    const observer = await connectAs(t.coordinator);
    await synced(victim);
    await synced(observer);
    victim.provider.awareness.setLocalStateField('editing', 'goal-of-victim');
    const before = await eventually(() => {
      const state = stateOf(observer, victim.doc.clientID);
      expect(state?.editing).toBe('goal-of-victim');
      return state;
    });

    const attacker = await rawAs(t.socialWorker, 'shared');
    await eventually(() => expect(attacker.received.length).toBeGreaterThan(0));
    const victimId = victim.doc.clientID;
    attacker.ws.send(
      awarenessMessage([{ clientId: victimId, clock: 1_000, state: { editing: 'hijacked' } }]),
    );
    attacker.ws.send(awarenessMessage([{ clientId: victimId, clock: 1_001, state: null }]));
    attacker.ws.send(awarenessMessage([{ clientId: 4242, clock: 1, state: { editing: 'my own' } }])); // in order, last
    await eventually(() => expect(stateOf(observer, 4242)?.editing).toBe('my own'));
    expect(stateOf(observer, victimId)).toEqual(before);
    expect(attacker.ws.readyState).toBe(attacker.ws.OPEN);
  });
});
