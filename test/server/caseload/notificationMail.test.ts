import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { setPerspectiveActive, setPerspectiveLead } from '../../../shared/doc/perspectives.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { caseTeam } from '../../utils/caseTeam.js';
import type { CaseTeam, Person } from '../../utils/caseTeam.js';
import { eventually } from '../../utils/eventually.js';
import { api } from '../../utils/http.js';
import { startTestServer } from '../../utils/server.js';
import type { TestServer } from '../../utils/server.js';

/**
 * With an SMTP server configured, the people told in the app also get an e-mail. It says only
 * that a client of theirs needs attention and links to the app: no name, no note.
 */
interface Mail {
  to: string[];
  raw: string;
}

/** A local SMTP server on a free port that keeps every message it receives. */
async function startMailbox() {
  const received: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => smtp.close(resolve)),
  };
}
type Mailbox = Awaited<ReturnType<typeof startMailbox>>;

/** The message as a reader sees it: quoted-printable soft breaks and escapes undone. */
const readable = (raw: string) =>
  Buffer.from(
    raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

let server: TestServer | null = null;
let mailbox: Mailbox | null = null;
afterEach(async () => {
  await server?.close();
  await mailbox?.close();
  server = null;
  mailbox = null;
});

const clientName = 'Anna de Vries';
const note = 'Slaapt slecht sinds het overlijden van haar broer';

/** A running app that mails through `smtpUrl`, with the case's client named and the GP as lead. */
async function startApp(smtpUrl: string): Promise<{ server: TestServer; t: CaseTeam }> {
  const app = await startTestServer({ mail: { smtpUrl } });
  const t = await caseTeam(app);
  app.db.prepare('UPDATE cases SET client_name = ? WHERE id = ?').run(clientName, t.caseId);
  await app.sync.registry.use(caseDocumentName(t.caseId), (doc) => {
    setPerspectiveActive(doc, 'patient', true);
    setPerspectiveLead(doc, 'patient', t.gp.professionalId);
  });
  return { server: app, t };
}
const email = (person: Person) => `${person.professionalId}@zorg.example`;
const setEmail = (app: TestServer, person: Person, address: string | null) =>
  app.db.prepare('UPDATE professionals SET email = ? WHERE id = ?').run(address, person.professionalId);

describe('notification e-mail', () => {
  it('the coordinator and the lead get a link to the case, and nothing about the client', async () => {
    mailbox = await startMailbox();
    const { server: app, t } = await startApp(mailbox.url);
    server = app;
    for (const person of [t.coordinator, t.gp, t.socialWorker, t.pharmacist])
      setEmail(app, person, email(person));

    const answer = await api(app, t.socialWorker.userId, 'POST', `/api/cases/${t.caseId}/observations`, {
      state: 'amber',
      note,
    });
    expect(answer.status).toBe(201);

    const box = mailbox;
    await eventually(() =>
      expect(box.received.flatMap((m) => m.to).sort()).toEqual([email(t.coordinator), email(t.gp)].sort()),
    );
    for (const mail of box.received) {
      const text = readable(mail.raw);
      expect(text).toContain(`/cases/${t.caseId}`);
      for (const secret of [clientName, 'Anna', note, 'broer']) {
        expect(text).not.toContain(secret);
        expect(mail.raw).not.toContain(secret);
      }
    }
  });

  it('someone without an e-mail address is told in the app only', async () => {
    mailbox = await startMailbox();
    const { server: app, t } = await startApp(mailbox.url);
    server = app;
    setEmail(app, t.coordinator, email(t.coordinator));
    setEmail(app, t.gp, null);

    await api(app, t.socialWorker.userId, 'POST', `/api/cases/${t.caseId}/observations`, {
      state: 'red',
      note,
    });

    const box = mailbox;
    await eventually(() => expect(box.received.flatMap((m) => m.to)).toEqual([email(t.coordinator)]));
    const gpNotices = (await api(app, t.gp.userId, 'GET', '/api/notifications')).body as { unread: number };
    expect(gpNotices.unread).toBe(1);
  });

  it('an unreachable mail server does not stop the observation nor the notice in the app', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { server: app, t } = await startApp(`smtp://127.0.0.1:${port}`);
    server = app;
    setEmail(app, t.coordinator, email(t.coordinator));

    const answer = await api(app, t.socialWorker.userId, 'POST', `/api/cases/${t.caseId}/observations`, {
      state: 'red',
      note,
    });
    expect(answer.status).toBe(201);
    const notices = (await api(app, t.coordinator.userId, 'GET', '/api/notifications')).body as {
      unread: number;
    };
    expect(notices.unread).toBe(1);
  });
});
