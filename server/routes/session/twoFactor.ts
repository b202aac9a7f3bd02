import type { Request, Response, Router } from 'express';
import type { RecoveryCodes, TwoFactorSetup, TwoFactorState } from '../../../shared/signInApi.js';
import type { Session } from '../../auth/sessions.js';
import { twoFactorRoles } from '../../auth/twoFactor.js';
import { accessPoint, anySession, requireUser } from '../../http/session.js';
import { HttpError, validate } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { currentPasswordSchema, twoFactorConfirmSchema, twoFactorSetupSchema } from './schema.js';
import type { CurrentPasswordBody, TwoFactorConfirmBody, TwoFactorSetupBody } from './schema.js';
import { originOf, tooMany } from './answers.js';

/**
 * Setting up two-factor sign-in (a limited session may do this and nothing else), seeing how many
 * recovery codes are left, new ones, and turning it off where the role does not require it.
 */
export function twoFactorRoutes(router: Router, s: Services): void {
  const requiredFor = (session: Session) =>
    s.config.twoFactor.required && twoFactorRoles.includes(session.user.role);
  const signedIn = (res: Response): Session => {
    const session = anySession(res);
    if (!session) throw new HttpError(401, 'not signed in');
    return session;
  };
  /** The person's password again; 400 when wrong, 429 when tried too often. */
  const passwordAgain = async (
    req: Request,
    res: Response,
    session: Session,
    password: string | undefined,
  ) => {
    if (!password) throw new HttpError(400, 'currentPassword: is required', { code: 'password-required' });
    const checked = await s.signIn.recheckPassword(session.user.username, password, originOf(req));
    if (checked.kind === 'throttled') tooMany(res, checked.retryAfterSeconds);
    if (checked.kind === 'wrong')
      throw new HttpError(400, 'currentPassword: is not your current password', { code: 'wrong-password' });
  };
  const record = (
    req: Request,
    session: Session,
    event: 'two-factor-enabled' | 'two-factor-disabled' | 'recovery-codes-renewed',
  ) => s.audit.record({ event, userId: session.user.id, role: session.user.role, ...accessPoint(req) });

  router.get('/two-factor', async (_req, res) => {
    const session = signedIn(res);
    const status = await s.twoFactor.status(session.user.id);
    res.json({ ...status, required: requiredFor(session) } satisfies TwoFactorState);
  });

  router.post('/two-factor/setup', validate('body', twoFactorSetupSchema), async (req, res) => {
    const session = signedIn(res);
    // Replacing a secret in use needs the password, so a session left open cannot move it to another phone.
    if (await s.twoFactor.isEnabled(session.user.id))
      await passwordAgain(req, res, session, (req.body as TwoFactorSetupBody).currentPassword);
    const setup = await s.twoFactor.begin(session.user.id, session.user.username);
    res.json(setup satisfies TwoFactorSetup);
  });

  router.post('/two-factor', validate('body', twoFactorConfirmSchema), async (req, res) => {
    const session = signedIn(res);
    const verdict = await s.throttle.code(session.user.id);
    if (!verdict.allowed) tooMany(res, verdict.retryAfterSeconds);
    const recoveryCodes = await s.twoFactor.confirm(session.user.id, (req.body as TwoFactorConfirmBody).code);
    if (!recoveryCodes)
      throw new HttpError(400, 'code: is not right (or set-up was not started)', { code: 'wrong-code' });
    await s.throttle.succeeded(verdict.ticket);
    await record(req, session, 'two-factor-enabled');
    res.json({ recoveryCodes } satisfies RecoveryCodes);
  });

  router.post('/two-factor/recovery-codes', validate('body', currentPasswordSchema), async (req, res) => {
    requireUser(res);
    const session = anySession(res)!;
    if (!(await s.twoFactor.isEnabled(session.user.id)))
      throw new HttpError(409, 'two-factor sign-in is not set up');
    await passwordAgain(req, res, session, (req.body as CurrentPasswordBody).currentPassword);
    const recoveryCodes = await s.twoFactor.renewRecoveryCodes(session.user.id);
    await record(req, session, 'recovery-codes-renewed');
    res.json({ recoveryCodes } satisfies RecoveryCodes);
  });

  router.post('/two-factor/disable', validate('body', currentPasswordSchema), async (req, res) => {
    requireUser(res);
    const session = anySession(res)!;
    if (requiredFor(session))
      throw new HttpError(403, 'two-factor sign-in is required for your role', {
        code: 'two-factor-required',
      });
    await passwordAgain(req, res, session, (req.body as CurrentPasswordBody).currentPassword);
    await s.twoFactor.disable(session.user.id);
    await record(req, session, 'two-factor-disabled');
    res.status(204).end();
  });
}
