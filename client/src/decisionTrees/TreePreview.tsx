import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { walkTree } from '../../../shared/decisionTree.js';
import type { TreeContent } from '../../../shared/decisionTree.js';
import type { SocialService } from '../../../shared/socialMapApi.js';
import { useApi } from '../useApi.js';
import { WalkStep } from './WalkStep.js';
import '../i18n/nl/board.js';

/**
 * "Voorbeeld": the draft walked as a professional would walk it, here in the browser with the
 * shared `walkTree` (no case, so the advice names whom it points to instead of people).
 * Shown only for a draft without problems, as `walkTree` expects every answer to lead somewhere.
 */
export function TreePreview({ content }: { content: TreeContent }) {
  const { t } = useTranslation('trees');
  const [answers, setAnswers] = useState<string[]>([]);
  const walk = walkTree(content, answers);
  const at = walk.at;
  const serviceId = at.kind === 'advice' ? at.serviceId : null;
  const service = useApi<{ services: SocialService[] }>(
    serviceId ? `/api/social-map/services/by-id?ids=${serviceId}` : null,
  );
  const named = service.data?.services[0];
  return (
    <WalkStep
      steps={walk.steps.map((s) => ({ question: s.question.text, answer: s.answer.label }))}
      at={at}
      ready
      onAnswer={(id) => setAnswers([...answers.slice(0, walk.steps.length), id])}
      onBack={() => setAnswers(answers.slice(0, walk.steps.length - 1))}
      onRestart={() => setAnswers([])}
    >
      {at.kind === 'advice' && (
        <p className="muted">
          {t('editor.to')}:{' '}
          {at.teamKind
            ? t(`teamKind.${at.teamKind}`)
            : named
              ? `${named.name} (${named.organisationName})`
              : t('editor.noService')}
        </p>
      )}
    </WalkStep>
  );
}
