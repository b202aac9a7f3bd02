import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { riskReasonText } from '../../../client/src/caseload/riskText.js';
import { en } from '../../../client/src/i18n/en.js';
import { nl } from '../../../client/src/i18n/nl.js';
import type { RiskReason } from '../../../shared/risk.js';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: 'nl',
    interpolation: { escapeValue: false },
  });
});

describe('why a client is at risk, as sentences a coordinator can check', () => {
  it.each<[RiskReason, string, string]>([
    [{ code: 'state-red' }, 'Signaalfase rood', 'Signal state red'],
    [{ code: 'state-amber' }, 'Signaalfase oranje', 'Signal state orange'],
    [{ code: 'no-signal-plan' }, 'Nog geen signaleringsplan', 'No signal plan yet'],
    [
      { code: 'recent-escalation', count: 2, days: 30 },
      '2 keer verslechterd in de laatste 30 dagen',
      'Got worse 2 times in the last 30 days',
    ],
    [{ code: 'overdue-steps', count: 1 }, '1 stap te laat', '1 step overdue'],
    [{ code: 'overdue-steps', count: 4 }, '4 stappen te laat', '4 steps overdue'],
    [{ code: 'stalled-goals', count: 2 }, '2 doelen vastgelopen', '2 goals stalled'],
    [
      { code: 'no-recent-observation', days: 45 },
      'Al 45 dagen geen observatie of contact',
      'No observation or contact for 45 days',
    ],
    [{ code: 'never-observed' }, 'Nog nooit een observatie vastgelegd', 'Never observed'],
  ])('%o reads in Dutch and English', (reason, dutch, english) => {
    expect(riskReasonText(i18n.getFixedT('nl'), reason)).toBe(dutch);
    expect(riskReasonText(i18n.getFixedT('en'), reason)).toBe(english);
  });
});
