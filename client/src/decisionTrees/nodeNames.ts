import type { TFunction } from 'i18next';
import type { TreeContent } from '../../../shared/decisionTree.js';
import { nodeNumbers } from './draft.js';
import '../i18n/nl/board.js';

const clip = (text: string, max = 48) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** "Vraag 2" and "Vraag 2: Zijn er schulden?" for every node of a draft, in the editor's language. */
export function nodeNamer(content: TreeContent, t: TFunction<'trees'>) {
  const numbers = nodeNumbers(content);
  const name = (id: string) => {
    const number = numbers.get(id);
    return number ? t(`editor.${number.kind}`, { n: number.n }) : id;
  };
  const optionName = (id: string) => {
    const text = content.nodes.find((n) => n.id === id)?.text.trim();
    return text ? `${name(id)}: ${clip(text)}` : name(id);
  };
  return { name, optionName };
}
