import type { HealthOverview, Rate } from '../../shared/collaborationHealth.js';

const cell = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The overview as CSV (SPEC CH9): one line per figure, with how many people or clients it is
 * about; a suppressed figure has an empty value. No comments and no single answers, ever.
 */
export function overviewCsv(o: HealthOverview): string {
  const lines: (string | number | null)[][] = [['section', 'figure', 'group', 'value', 'n']];
  const rate = (section: string, figure: string, r: Rate) =>
    lines.push([section, figure, '', r.value, r.denominator]);
  if (o.latest) {
    for (const c of o.latest.conditions) {
      lines.push(['scan', c.group, 'total', c.total.mean, c.total.n]);
      lines.push(['scan', c.group, 'medical', c.medical.mean, c.medical.n]);
      lines.push(['scan', c.group, 'social', c.social.mean, c.social.n]);
    }
  }
  for (const p of o.trend) lines.push(['trend', p.group, p.closesOn, p.total, null]);
  const a = o.aims;
  lines.push(['aims', 'clients', '', a.clients, a.clients]);
  rate('prevention', 'backToGreen', a.prevention.backToGreen);
  for (const q of a.prevention.escalations)
    lines.push(['prevention', 'escalationsPer100', q.quarter, q.per100, a.clients]);
  for (const q of a.prevention.relapses)
    lines.push(['prevention', 'relapsesPer100', q.quarter, q.per100, a.clients]);
  for (const g of a.access.groups) {
    lines.push([
      'access',
      'acceptedMedianWorkingDays',
      `${g.kind}:${g.label}`,
      g.toAccepted.median,
      g.toAccepted.n,
    ]);
    lines.push([
      'access',
      'acceptedP90WorkingDays',
      `${g.kind}:${g.label}`,
      g.toAccepted.p90,
      g.toAccepted.n,
    ]);
    lines.push([
      'access',
      'firstContactMedianWorkingDays',
      `${g.kind}:${g.label}`,
      g.toFirstContact.median,
      g.toFirstContact.n,
    ]);
    lines.push([
      'access',
      'firstContactP90WorkingDays',
      `${g.kind}:${g.label}`,
      g.toFirstContact.p90,
      g.toFirstContact.n,
    ]);
  }
  rate('access', 'reachedFirstContact', a.access.reachedFirstContact);
  rate('individualCare', 'stalledGoals', a.individualCare.stalledGoals);
  rate('individualCare', 'clientsWithStalledGoal', a.individualCare.clientsWithStalledGoal);
  rate('individualCare', 'questionsDiscussed', a.individualCare.questionsDiscussed);
  for (const [domain, r] of Object.entries(a.individualCare.goalsAchieved))
    lines.push(['individualCare', 'goalsAchieved', domain, r.value, r.denominator]);
  for (const p of a.individualCare.ratings)
    lines.push(['individualCare', 'clientRatingMean', `${p.quarter}:${p.domain}`, p.mean, p.n]);
  lines.push(['costProxy', 'professionalsPerClient', '', a.cost.professionalsPerClient, a.clients]);
  lines.push(['costProxy', 'meetingMinutesPerClient', '', a.cost.meetingMinutesPerClient, a.clients]);
  lines.push(['costProxy', 'referralsPerClient', '', a.cost.referralsPerClient, a.clients]);
  for (const [name, r] of Object.entries(a.conditions)) rate('conditionFromData', name, r);
  return lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
}
