import { useTranslation } from 'react-i18next';
import type { TreeContent } from '../../../shared/decisionTree.js';
import { problemWords } from './draft.js';
import { nodeNamer } from './nodeNames.js';
import '../i18n/nl/board.js';

/** The draft's problems (the shared `treeProblems`, and an empty title) in words, beside the outline. */
export function TreeProblems({ content, problems }: { content: TreeContent; problems: string[] }) {
  const { t } = useTranslation('trees');
  const { name } = nodeNamer(content, t);
  const say = (problem: string) => {
    if (problem === 'title') return t('problem.title');
    const words = problemWords(problem, content);
    if (!words) return problem;
    return t(`problem.${words.key}`, {
      name: words.nodeId ? name(words.nodeId) : '',
      n: words.answer ?? '?',
      id: words.id ?? '',
    });
  };
  return (
    <aside className="tree-problems" aria-labelledby="tree-problems-heading">
      <h4 id="tree-problems-heading">{t('editor.problems')}</h4>
      {problems.length === 0 ? (
        <p className="form-ok">{t('editor.noProblems')}</p>
      ) : (
        <ul>
          {problems.map((p) => (
            <li key={p}>{say(p)}</li>
          ))}
        </ul>
      )}
    </aside>
  );
}
