import type { TFunction } from 'i18next';
import type { RiskReason } from '../../../shared/risk.js';
import '../i18n/nl/recovery.js';

/** One reason for a client's risk as a sentence a coordinator can check ("2 stappen te laat"). */
export function riskReasonText(t: TFunction, reason: RiskReason): string {
  switch (reason.code) {
    case 'recent-escalation':
      return t('risk.reason.recent-escalation', { count: reason.count, days: reason.days });
    case 'overdue-steps':
    case 'stalled-goals':
      return t(`risk.reason.${reason.code}`, { count: reason.count });
    case 'no-recent-observation':
      return t('risk.reason.no-recent-observation', { count: reason.days });
    default:
      return t(`risk.reason.${reason.code}`);
  }
}
