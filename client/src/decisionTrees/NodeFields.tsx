import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { teamKinds } from '../../../shared/adminApi.js';
import type { TeamKind } from '../../../shared/adminApi.js';
import { adviceAreas } from '../../../shared/decisionTree.js';
import type { AdviceArea, AdviceNode, QuestionNode, TreeContent } from '../../../shared/decisionTree.js';
import { addAnswer, addNodeAfter, moveAnswer, removeAnswer, updateAnswer, updateNode } from './draft.js';
import { ServicePicker } from './ServicePicker.js';
import '../i18n/nl/board.js';

const newQuestion = '+question';
const newAdvice = '+advice';
const maxAnswers = 12;

interface FieldsProps<N> {
  content: TreeContent;
  node: N;
  /** "Vraag 2: Zijn er schulden?" — how a node is named in the answers' selects. */
  optionName(id: string): string;
  onChange(content: TreeContent, focusNodeId?: string): void;
  /** The node was just made: its first field takes the focus. */
  autoFocus: boolean;
}

/** A question's fields: its text, help line and answers, each leading to a node or a new one. */
export function QuestionFields({
  content,
  node,
  optionName,
  onChange,
  autoFocus,
}: FieldsProps<QuestionNode>) {
  const { t } = useTranslation('trees');
  const id = useId();
  const targets = content.nodes.filter((n) => n.id !== node.id);
  const lead = (answerId: string, value: string) => {
    if (value === newQuestion || value === newAdvice) {
      const made = addNodeAfter(content, node.id, answerId, value === newQuestion ? 'question' : 'advice');
      onChange(made.content, made.id);
    } else onChange(updateAnswer(content, node.id, answerId, { next: value }));
  };
  return (
    <>
      <label htmlFor={`${id}-text`}>{t('editor.questionText')}</label>
      <input
        id={`${id}-text`}
        value={node.text}
        maxLength={300}
        autoFocus={autoFocus}
        onChange={(e) => onChange(updateNode(content, node.id, { text: e.target.value }))}
      />
      <label htmlFor={`${id}-help`}>{t('editor.help')}</label>
      <input
        id={`${id}-help`}
        value={node.help}
        maxLength={500}
        onChange={(e) => onChange(updateNode(content, node.id, { help: e.target.value }))}
      />
      <fieldset className="tree-answers-edit">
        <legend>{t('editor.answers')}</legend>
        <ol>
          {node.answers.map((a, i) => (
            <li key={a.id}>
              <label htmlFor={`${id}-${a.id}-label`}>{t('editor.answer', { n: i + 1 })}</label>
              <input
                id={`${id}-${a.id}-label`}
                value={a.label}
                maxLength={200}
                onChange={(e) => onChange(updateAnswer(content, node.id, a.id, { label: e.target.value }))}
              />
              <label htmlFor={`${id}-${a.id}-next`}>{t('editor.leadsTo', { n: i + 1 })}</label>
              <select id={`${id}-${a.id}-next`} value={a.next} onChange={(e) => lead(a.id, e.target.value)}>
                <option value="">{t('editor.pick')}</option>
                {targets.map((n) => (
                  <option key={n.id} value={n.id}>
                    {optionName(n.id)}
                  </option>
                ))}
                <option value={newQuestion}>{t('editor.newQuestion')}</option>
                <option value={newAdvice}>{t('editor.newAdvice')}</option>
              </select>
              <span className="tree-answer-actions">
                <button
                  type="button"
                  aria-label={t('editor.up', { n: i + 1 })}
                  title={t('editor.up', { n: i + 1 })}
                  disabled={i === 0}
                  onClick={() => onChange(moveAnswer(content, node.id, a.id, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('editor.down', { n: i + 1 })}
                  title={t('editor.down', { n: i + 1 })}
                  disabled={i === node.answers.length - 1}
                  onClick={() => onChange(moveAnswer(content, node.id, a.id, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={t('editor.removeAnswer', { n: i + 1 })}
                  onClick={() => onChange(removeAnswer(content, node.id, a.id))}
                >
                  {t('editor.remove')}
                </button>
              </span>
            </li>
          ))}
        </ol>
        {node.answers.length < maxAnswers && (
          <button type="button" onClick={() => onChange(addAnswer(content, node.id))}>
            {t('editor.addAnswer')}
          </button>
        )}
      </fieldset>
    </>
  );
}

/** An advice's fields: its text, its area, and whom to refer to — a kind of team or a service. */
export function AdviceFields({
  content,
  node,
  onChange,
  autoFocus,
  districtId,
}: FieldsProps<AdviceNode> & { districtId: string | null }) {
  const { t } = useTranslation('trees');
  const id = useId();
  const set = (patch: Partial<Omit<AdviceNode, 'id' | 'kind'>>) =>
    onChange(updateNode(content, node.id, patch));
  const toService = node.teamKind === null;
  return (
    <>
      <label htmlFor={`${id}-text`}>{t('editor.adviceText')}</label>
      <textarea
        id={`${id}-text`}
        value={node.text}
        maxLength={500}
        rows={2}
        autoFocus={autoFocus}
        onChange={(e) => set({ text: e.target.value })}
      />
      <label htmlFor={`${id}-area`}>{t('editor.area')}</label>
      <select
        id={`${id}-area`}
        value={node.area}
        onChange={(e) => set({ area: e.target.value as AdviceArea })}
      >
        {adviceAreas.map((area) => (
          <option key={area} value={area}>
            {t(`area.${area}`)}
          </option>
        ))}
      </select>
      <fieldset className="tree-to">
        <legend>{t('editor.to')}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-to`}
            checked={!toService}
            onChange={() => set({ teamKind: 'neighbourhood-team', serviceId: null })}
          />{' '}
          {t('editor.toTeam')}
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-to`}
            checked={toService}
            onChange={() => set({ teamKind: null })}
          />{' '}
          {t('editor.toService')}
        </label>
        {toService ? (
          <ServicePicker
            serviceId={node.serviceId}
            districtId={districtId}
            onChange={(serviceId) => set({ serviceId })}
          />
        ) : (
          <>
            <label htmlFor={`${id}-team`}>{t('editor.teamKind')}</label>
            <select
              id={`${id}-team`}
              value={node.teamKind ?? ''}
              onChange={(e) => set({ teamKind: e.target.value as TeamKind })}
            >
              {teamKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`teamKind.${kind}`)}
                </option>
              ))}
            </select>
          </>
        )}
      </fieldset>
    </>
  );
}
