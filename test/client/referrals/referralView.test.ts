import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { PlanReferral } from '../../../shared/api.js';
import type { Referral, ReferralPerson, ReferralStatus } from '../../../shared/referralApi.js';
import { en } from '../../../client/src/i18n/en.js';
import { enReferrals } from '../../../client/src/i18n/en/referrals.js';
import { nl } from '../../../client/src/i18n/nl.js';
import { nlReferrals } from '../../../client/src/i18n/nl/referrals.js';
import { fullDate } from '../../../client/src/myplan/dates.js';
import {
  allowedSteps,
  groupReferrals,
  matchesPerson,
  offerAddToTeam,
  planSentences,
  roleOf,
  waitingForMe,
} from '../../../client/src/referrals/referralView.js';

const person = (id: string, name: string): ReferralPerson => ({
  id,
  name,
  roleTitle: 'Schuldhulpverlener',
  organisation: 'Kompas',
  side: 'social',
  phone: '06-36475829',
  email: null,
});

/** A referral from Youssef to Nadia, with what a test changes. */
function referral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: 'r1',
    caseId: 'c1',
    clientName: 'Ahmet Yılmaz',
    goalId: null,
    goalTitle: null,
    from: person('prof-youssef', 'Youssef El Amrani'),
    to: person('prof-nadia', 'Nadia Haddou'),
    service: null,
    reason: 'Schulden',
    question: 'Kun je helpen?',
    urgency: 'routine',
    carries: null,
    status: 'requested',
    events: [],
    requestedAt: '2026-11-30T09:00:00.000Z',
    acceptedAt: null,
    firstContactAt: null,
    closedAt: null,
    delay: { toAcceptDays: null, toContactDays: null },
    overdue: false,
    receiverOnCase: false,
    letter: null,
    letterTemplate: null,
    ...overrides,
  };
}

describe('the steps a person is offered on a referral (SPEC RF3)', () => {
  it.each<[ReferralStatus, 'receiver' | 'referrer', ReferralStatus[]]>([
    ['requested', 'receiver', ['accepted', 'rejected']],
    ['requested', 'referrer', ['cancelled']],
    ['accepted', 'receiver', ['in-progress', 'failed']],
    ['accepted', 'referrer', ['cancelled']],
    ['in-progress', 'receiver', ['completed', 'failed']],
    ['in-progress', 'referrer', ['cancelled']],
    ['completed', 'receiver', []],
    ['rejected', 'referrer', []],
    ['cancelled', 'receiver', []],
    ['failed', 'referrer', []],
  ])('a %s referral offers the %s: %j', (status, role, steps) => {
    expect(allowedSteps(status, role)).toEqual(steps);
  });

  it('the person referred to is the receiver; the referrer and the coordinator are on the other side', () => {
    expect(roleOf(referral(), 'prof-nadia')).toBe('receiver');
    expect(roleOf(referral(), 'prof-youssef')).toBe('referrer');
    expect(roleOf(referral(), 'prof-sevda')).toBe('referrer');
  });
});

describe('adding the receiver to the team', () => {
  it('is offered to the referrer while accepted or under way, not before or after, not to the receiver', () => {
    expect(offerAddToTeam(referral({ status: 'requested' }), 'referrer')).toBe(false);
    expect(offerAddToTeam(referral({ status: 'accepted' }), 'referrer')).toBe(true);
    expect(offerAddToTeam(referral({ status: 'in-progress' }), 'referrer')).toBe(true);
    expect(offerAddToTeam(referral({ status: 'accepted' }), 'receiver')).toBe(false);
    expect(offerAddToTeam(referral({ status: 'rejected' }), 'referrer')).toBe(false);
    expect(offerAddToTeam(referral({ status: 'completed' }), 'referrer')).toBe(false);
  });
  it('is not offered once the receiver is on the case', () => {
    expect(offerAddToTeam(referral({ status: 'accepted', receiverOnCase: true }), 'referrer')).toBe(false);
  });
});

describe('a list of referrals, grouped', () => {
  const list = [
    referral({ id: 'done-old', status: 'completed', closedAt: '2026-11-01T10:00:00Z' }),
    referral({ id: 'busy', status: 'in-progress' }),
    referral({ id: 'new-late', requestedAt: '2026-11-02T09:00:00Z' }),
    referral({ id: 'new-urgent', urgency: 'urgent', requestedAt: '2026-11-29T09:00:00Z' }),
    referral({ id: 'new-overdue', overdue: true, requestedAt: '2026-11-29T10:00:00Z' }),
    referral({ id: 'accepted', status: 'accepted' }),
    referral({ id: 'done-new', status: 'rejected', closedAt: '2026-11-20T10:00:00Z' }),
  ];
  it('shows the open ones by status: new, accepted, in progress; overdue, urgent, then longest waiting first', () => {
    expect(groupReferrals(list).open.map((r) => r.id)).toEqual([
      'new-overdue',
      'new-urgent',
      'new-late',
      'accepted',
      'busy',
    ]);
  });
  it('shows the closed ones after, the most recently closed first', () => {
    expect(groupReferrals(list).closed.map((r) => r.id)).toEqual(['done-new', 'done-old']);
  });
  it('counts only the new ones as waiting for me', () => {
    expect(waitingForMe(list)).toBe(3);
  });
});

describe('finding a person to refer to', () => {
  const nadia = { name: 'Nadia Haddou', roleTitle: 'Schuldhulpverlener', organisation: 'Schuldhulp Kompas' };
  it.each([
    ['', true],
    ['nadia', true],
    ['schuldhulp', true],
    ['HADDOU kompas', true],
    ['nadia huisarts', false],
  ])('"%s" finds Nadia: %s', (search, found) => {
    expect(matchesPerson(nadia, search)).toBe(found);
  });
});

describe("the client's plan says where they were signed up (SPEC RF7)", () => {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: {
      nl: { translation: nl, referrals: nlReferrals },
      en: { translation: en, referrals: enReferrals },
    },
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  const plan = (overrides: Partial<PlanReferral> = {}): PlanReferral => ({
    id: 'r1',
    toName: 'Karin de Vries',
    toRoleTitle: 'Schuldhulpverlener',
    where: 'Schuldhulp Kompas',
    phone: '06-1234 5678',
    status: 'requested',
    requestedAt: '2026-11-30T09:00:00.000Z',
    firstContactAt: null,
    ...overrides,
  });
  const say = (r: PlanReferral, lng = 'nl') =>
    planSentences(r, (iso) => fullDate(iso, lng))
      .map((s) => i18n.t(s.key, { lng, ...s.values }))
      .join(' ');

  it('before contact: with whom, and that they will call', () => {
    expect(say(plan())).toBe(
      'Je bent aangemeld bij Karin de Vries (Schuldhulp Kompas). Karin de Vries belt je.',
    );
    expect(say(plan({ where: null, status: 'accepted' }))).toBe(
      'Je bent aangemeld bij Karin de Vries. Karin de Vries belt je.',
    );
  });
  it('after the first contact: on which day, in full words', () => {
    const contacted = plan({ status: 'in-progress', firstContactAt: '2026-12-03T10:00:00.000Z' });
    expect(say(contacted)).toBe(
      'Je bent aangemeld bij Karin de Vries (Schuldhulp Kompas). Je had contact met Karin de Vries op 3 december 2026.',
    );
    expect(say(contacted, 'en')).toContain('You had contact with Karin de Vries on 3 December 2026.');
  });
  it('once done: that the help is done', () => {
    const done = plan({ status: 'completed', firstContactAt: '2026-12-03T10:00:00.000Z' });
    expect(say(done)).toMatch(
      /Je had contact met Karin de Vries op 3 december 2026\. De hulp van Karin de Vries is klaar\.$/,
    );
  });

  it('a referral says its age in working days, today without a number', () => {
    expect(i18n.t('item.age', { ns: 'referrals', lng: 'nl', count: 0 })).toBe('Vandaag verwezen');
    expect(i18n.t('item.age', { ns: 'referrals', lng: 'nl', count: 1 })).toBe('1 werkdag geleden');
    expect(i18n.t('item.age', { ns: 'referrals', lng: 'nl', count: 3 })).toBe('3 werkdagen geleden');
  });
});
