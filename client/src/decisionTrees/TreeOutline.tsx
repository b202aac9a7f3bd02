import { useState } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreeContent } from '../../../shared/decisionTree.js';
import { buildOutline, leadingTo, removeNode } from './draft.js';
import type { OutlineRow } from './draft.js';
import { AdviceFields, QuestionFields } from './NodeFields.js';
import { nodeNamer } from './nodeNames.js';
import '../i18n/nl/board.js';

interface OutlineProps {
  content: TreeContent;
  readOnly: boolean;
  districtId: string | null;
  /** The node just made by "+ nieuwe vraag" / "+ nieuw advies". */
  focusNodeId: string | null;
  onChange(content: TreeContent, focusNodeId?: string): void;
}

/**
 * The draft's nodes as an indented outline, following the answers from the first question; a node
 * led to by several answers shows once, "(ook via …)", and the nodes nothing reaches come last.
 */
export function TreeOutline({ content, readOnly, districtId, focusNodeId, onChange }: OutlineProps) {
  const { t } = useTranslation('trees');
  const rows = buildOutline(content);
  const { name, optionName } = nodeNamer(content, t);
  const [refusal, setRefusal] = useState<{ nodeId: string; text: string } | null>(null);

  const remove = (id: string) => {
    if (id === content.rootId) return setRefusal({ nodeId: id, text: t('editor.cannotRemoveRoot') });
    const via = leadingTo(content, id);
    if (via.length > 0)
      return setRefusal({
        nodeId: id,
        text: t('editor.cannotRemove', {
          name: name(id),
          via: via
            .map((v) => t('editor.answerOf', { label: v.answer.label, name: name(v.question.id) }))
            .join(', '),
        }),
      });
    setRefusal(null);
    onChange(removeNode(content, id));
  };

  const item = (row: OutlineRow) => {
    const { node } = row;
    const style = { '--depth': Math.min(row.depth, 6) } as CSSProperties;
    return (
      <li key={node.id} className={`tree-node tree-node-${node.kind}`} style={style}>
        <fieldset disabled={readOnly}>
          <legend>
            <strong>{name(node.id)}</strong>
            {node.id === content.rootId && ` ${t('editor.start')}`}
            {row.via !== null && <span className="muted"> {t('editor.via', { label: row.via })}</span>}
            {row.alsoVia.length > 0 && (
              <span className="muted">
                {' '}
                {t('editor.alsoVia', { labels: row.alsoVia.map((l) => `„${l}”`).join(', ') })}
              </span>
            )}
          </legend>
          {node.kind === 'question' ? (
            <QuestionFields
              content={content}
              node={node}
              optionName={optionName}
              onChange={onChange}
              autoFocus={node.id === focusNodeId}
            />
          ) : (
            <AdviceFields
              content={content}
              node={node}
              optionName={optionName}
              onChange={onChange}
              autoFocus={node.id === focusNodeId}
              districtId={districtId}
            />
          )}
          {!readOnly && (
            <p>
              <button type="button" className="link-button" onClick={() => remove(node.id)}>
                {t('editor.removeNode', { name: name(node.id) })}
              </button>
            </p>
          )}
          {refusal?.nodeId === node.id && (
            <p role="alert" className="form-error">
              {refusal.text}
            </p>
          )}
        </fieldset>
      </li>
    );
  };

  const reached = rows.filter((r) => r.reachable);
  const unreached = rows.filter((r) => !r.reachable);
  return (
    <div className="tree-outline">
      <ol>{reached.map(item)}</ol>
      {unreached.length > 0 && (
        <>
          <h4>{t('editor.unreachable')}</h4>
          <ol>{unreached.map(item)}</ol>
        </>
      )}
    </div>
  );
}
