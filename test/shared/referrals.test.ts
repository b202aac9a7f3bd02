import { describe, expect, it } from 'vitest';
import type { CaseFacts, Viewer } from '../../shared/permissions.js';
import {
  finalStatuses,
  referralStatuses,
  referralSteps,
  stepProblem,
  workingDaysBetween,
} from '../../shared/referralApi.js';
import type { ReferralRole, ReferralStatus } from '../../shared/referralApi.js';
import { carryOption } from '../../shared/referralRules.js';

describe('[RF2] the closed loop of a referral', () => {
  // Every allowed step, and nothing else: the receiver answers and does the work; the referrer calls it off.
  const allowed: [ReferralStatus, ReferralStatus, ReferralRole][] = [
    ['requested', 'accepted', 'receiver'],
    ['requested', 'rejected', 'receiver'],
    ['requested', 'cancelled', 'referrer'],
    ['accepted', 'in-progress', 'receiver'],
    ['accepted', 'failed', 'receiver'],
    ['accepted', 'cancelled', 'referrer'],
    ['in-progress', 'completed', 'receiver'],
    ['in-progress', 'failed', 'receiver'],
    ['in-progress', 'cancelled', 'referrer'],
  ];
  const roles: ReferralRole[] = ['receiver', 'referrer'];

  for (const from of referralStatuses)
    for (const to of referralStatuses)
      for (const role of roles) {
        const ok = allowed.some(([f, t, r]) => f === from && t === to && r === role);
        it(`${role}: ${from} → ${to} is ${ok ? 'allowed' : 'refused'}`, () => {
          const problem = stepProblem(from, to, role);
          if (ok) expect(problem).toBeNull();
          else expect(problem).toMatch(/cannot become|only the/);
        });
      }

  it('a closed referral never moves again', () => {
    for (const status of finalStatuses) expect(referralSteps[status]).toEqual({});
  });

  it('the refusal says whose step it is', () => {
    expect(stepProblem('requested', 'accepted', 'referrer')).toBe(
      'only the person referred to may make it accepted',
    );
    expect(stepProblem('accepted', 'cancelled', 'receiver')).toBe('only the referrer may make it cancelled');
    expect(stepProblem('completed', 'failed', 'receiver')).toBe(
      'a referral that is completed cannot become failed',
    );
  });
});

describe('[RF5] waiting is counted in working days', () => {
  it.each([
    ['2026-11-30T09:00:00Z', '2026-11-30T17:00:00Z', 0], // Monday, the same day
    ['2026-11-30T09:00:00Z', '2026-12-01T08:00:00Z', 1], // Monday → Tuesday
    ['2026-12-04T16:00:00Z', '2026-12-05T10:00:00Z', 0], // Friday → Saturday
    ['2026-12-04T16:00:00Z', '2026-12-07T09:00:00Z', 1], // Friday → Monday: the weekend does not count
    ['2026-11-30T09:00:00Z', '2026-12-14T09:00:00Z', 10], // two weeks
    ['2026-12-07T09:00:00Z', '2026-12-04T09:00:00Z', 0], // backwards: none
  ])('%s → %s is %i working days', (from, to, days) => {
    expect(workingDaysBetween(from, to)).toBe(days);
  });
});

describe('[RF3] what a referral may carry from a compartment', () => {
  const gp: Viewer = {
    userId: 'u-gp',
    role: 'professional',
    professionalId: 'gp',
    domain: 'medical',
    clientCaseId: null,
  };
  const facts = (consents: CaseFacts['consents'] = []): CaseFacts => ({
    caseId: 'c1',
    status: 'open',
    coordinatorId: 'coord',
    members: [{ professionalId: 'gp', access: 'write' }],
    consents,
  });
  const socialWorker = { professionalId: 'sw', domain: 'social' as const };

  it('the medical notes go to someone of the medical side without a consent', () => {
    expect(carryOption(gp, { professionalId: 'poh', domain: 'medical' }, facts(), 'medical')).toEqual({
      allowed: true,
      consentId: null,
      why: 'own-side',
    });
  });

  it('to the social side only on a consent in force that shares them with that person or side', () => {
    expect(carryOption(gp, socialWorker, facts(), 'medical')).toEqual({
      allowed: false,
      consentId: null,
      why: 'no-consent',
    });
    const toPerson = facts([
      { id: 'k1', compartment: 'medical', sharedWithDomain: null, sharedWithProfessionalId: 'sw' },
    ]);
    expect(carryOption(gp, socialWorker, toPerson, 'medical')).toEqual({
      allowed: true,
      consentId: 'k1',
      why: 'consent',
    });
    const toSide = facts([
      { id: 'k2', compartment: 'medical', sharedWithDomain: 'social', sharedWithProfessionalId: null },
    ]);
    expect(carryOption(gp, socialWorker, toSide, 'medical').consentId).toBe('k2');
    const toSomeoneElse = facts([
      { id: 'k3', compartment: 'medical', sharedWithDomain: null, sharedWithProfessionalId: 'other' },
    ]);
    expect(carryOption(gp, socialWorker, toSomeoneElse, 'medical').allowed).toBe(false);
  });

  it('nobody sends what they cannot open themselves', () => {
    expect(carryOption(gp, socialWorker, facts(), 'social')).toEqual({
      allowed: false,
      consentId: null,
      why: 'no-access',
    });
  });
});
