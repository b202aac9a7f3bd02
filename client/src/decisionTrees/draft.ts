// The admin's draft of a decision tree, as pure operations the editor calls and the tests check:
// the outline shown from the first question, new ids, and adding, moving and removing answers and nodes.
import type {
  AdviceNode,
  QuestionNode,
  TreeAnswer,
  TreeContent,
  TreeNode,
} from '../../../shared/decisionTree.js';

export type NodeKind = TreeNode['kind'];

/** One line of the outline: a node, how deep it is, and the answers that lead to it. */
export interface OutlineRow {
  node: TreeNode;
  depth: number;
  /** The label of the answer it is shown under; null for the first question and unreached nodes. */
  via: string | null;
  /** Labels of the other answers that lead here: the node is shown once, "(ook via …)". */
  alsoVia: string[];
  /** False for a node no answer from the first question reaches. */
  reachable: boolean;
}

/** The nodes in the order a reader follows them: from the first question through its answers, then the rest. */
export function buildOutline(content: TreeContent): OutlineRow[] {
  const byId = new Map(content.nodes.map((n) => [n.id, n]));
  const rows: OutlineRow[] = [];
  const rowOf = new Map<string, OutlineRow>();
  const visit = (id: string, depth: number, via: string | null): void => {
    const seen = rowOf.get(id);
    if (seen) {
      if (via !== null) seen.alsoVia.push(via);
      return;
    }
    const node = byId.get(id);
    if (!node) return;
    const row: OutlineRow = { node, depth, via, alsoVia: [], reachable: true };
    rows.push(row);
    rowOf.set(id, row);
    if (node.kind === 'question') for (const a of node.answers) visit(a.next, depth + 1, a.label);
  };
  visit(content.rootId, 0, null);
  for (const node of content.nodes)
    if (!rowOf.has(node.id)) {
      const row: OutlineRow = { node, depth: 0, via: null, alsoVia: [], reachable: false };
      rows.push(row);
      rowOf.set(node.id, row);
      // Its own answers still show under it, so an unreached branch reads as one.
      if (node.kind === 'question')
        for (const a of node.answers) {
          const next = rowOf.get(a.next);
          if (next) next.alsoVia.push(a.label);
        }
    }
  return rows;
}

/** "Vraag 2", "Advies 3": each node's number in outline order, questions and advice counted apart. */
export function nodeNumbers(content: TreeContent): Map<string, { kind: NodeKind; n: number }> {
  const count = { question: 0, advice: 0 };
  const numbers = new Map<string, { kind: NodeKind; n: number }>();
  for (const { node } of buildOutline(content))
    numbers.set(node.id, { kind: node.kind, n: ++count[node.kind] });
  return numbers;
}

/** A new id of the form `prefix-N` not yet used by a node or an answer of the tree. */
export function freshId(content: TreeContent, prefix: string, alsoTaken: readonly string[] = []): string {
  const used = new Set([
    ...alsoTaken,
    ...content.nodes.flatMap((n) => [n.id, ...(n.kind === 'question' ? n.answers.map((a) => a.id) : [])]),
  ]);
  let i = 1;
  while (used.has(`${prefix}-${i}`)) i++;
  return `${prefix}-${i}`;
}

const blankQuestion = (id: string, answerIds: string[]): QuestionNode => ({
  id,
  kind: 'question',
  text: '',
  help: '',
  answers: answerIds.map((a) => ({ id: a, label: '', next: '' })),
});
const blankAdvice = (id: string): AdviceNode => ({
  id,
  kind: 'advice',
  text: '',
  area: 'social',
  teamKind: 'neighbourhood-team',
  serviceId: null,
});

/** What "Nieuwe beslisboom" starts with: one question with two empty answers. */
export function newTree(): TreeContent {
  return {
    title: '',
    description: '',
    rootId: 'vraag-1',
    nodes: [blankQuestion('vraag-1', ['antwoord-1', 'antwoord-2'])],
  };
}

const mapNodes = (content: TreeContent, fn: (node: TreeNode) => TreeNode): TreeContent => ({
  ...content,
  nodes: content.nodes.map(fn),
});

/** Changes fields of one node (its kind stays). */
export function updateNode(
  content: TreeContent,
  id: string,
  patch: Partial<Omit<QuestionNode, 'id' | 'kind'>> | Partial<Omit<AdviceNode, 'id' | 'kind'>>,
): TreeContent {
  return mapNodes(content, (n) => (n.id === id ? ({ ...n, ...patch } as TreeNode) : n));
}

const mapAnswers = (
  content: TreeContent,
  questionId: string,
  fn: (answers: TreeAnswer[]) => TreeAnswer[],
): TreeContent =>
  mapNodes(content, (n) =>
    n.id === questionId && n.kind === 'question' ? { ...n, answers: fn(n.answers) } : n,
  );

/** A new empty answer at the end of a question; it leads nowhere until chosen. */
export function addAnswer(content: TreeContent, questionId: string): TreeContent {
  const id = freshId(content, 'antwoord');
  return mapAnswers(content, questionId, (answers) => [...answers, { id, label: '', next: '' }]);
}

/** Changes an answer's label or where it leads. */
export function updateAnswer(
  content: TreeContent,
  questionId: string,
  answerId: string,
  patch: Partial<Omit<TreeAnswer, 'id'>>,
): TreeContent {
  return mapAnswers(content, questionId, (answers) =>
    answers.map((a) => (a.id === answerId ? { ...a, ...patch } : a)),
  );
}

/** Removes an answer; the node it led to stays (and shows as unreached if nothing else leads there). */
export function removeAnswer(content: TreeContent, questionId: string, answerId: string): TreeContent {
  return mapAnswers(content, questionId, (answers) => answers.filter((a) => a.id !== answerId));
}

/** Moves an answer one place up (-1) or down (+1); at either end nothing changes. */
export function moveAnswer(
  content: TreeContent,
  questionId: string,
  answerId: string,
  by: -1 | 1,
): TreeContent {
  return mapAnswers(content, questionId, (answers) => {
    const from = answers.findIndex((a) => a.id === answerId);
    const to = from + by;
    if (from < 0 || to < 0 || to >= answers.length) return answers;
    const moved = [...answers];
    [moved[from], moved[to]] = [moved[to]!, moved[from]!];
    return moved;
  });
}

/** "+ nieuwe vraag" / "+ nieuw advies" in an answer's select: a new node, and the answer leads to it. */
export function addNodeAfter(
  content: TreeContent,
  questionId: string,
  answerId: string,
  kind: NodeKind,
): { content: TreeContent; id: string } {
  const id = freshId(content, kind === 'question' ? 'vraag' : 'advies');
  let node: TreeNode = blankAdvice(id);
  if (kind === 'question') {
    const first = freshId(content, 'antwoord');
    node = blankQuestion(id, [first, freshId(content, 'antwoord', [first])]);
  }
  const withNode = { ...content, nodes: [...content.nodes, node] };
  return { content: updateAnswer(withNode, questionId, answerId, { next: id }), id };
}

/** The answers that lead to a node: while there are any, it may not be removed. */
export function leadingTo(
  content: TreeContent,
  id: string,
): { question: QuestionNode; answer: TreeAnswer }[] {
  return content.nodes.flatMap((q) =>
    q.kind === 'question'
      ? q.answers.filter((a) => a.next === id).map((answer) => ({ question: q, answer }))
      : [],
  );
}

/** Removes a node no answer leads to; the first question and a node still led to stay. */
export function removeNode(content: TreeContent, id: string): TreeContent {
  if (id === content.rootId || leadingTo(content, id).length > 0) return content;
  return { ...content, nodes: content.nodes.filter((n) => n.id !== id) };
}

export type ProblemKey =
  'duplicate' | 'root' | 'emptyText' | 'twoAnswers' | 'emptyLabel' | 'nowhere' | 'loop' | 'unreached';

/** A problem of `treeProblems` in parts the editor can say in words; null for one it does not know. */
export interface ProblemWords {
  key: ProblemKey;
  /** The node it is about. */
  nodeId: string | null;
  /** The answer's place in its question (1, 2 …), for answer problems. */
  answer: number | null;
  id: string | null;
}

const patterns: [RegExp, ProblemKey][] = [
  [/^nodes: two nodes have the id (.+)$/, 'duplicate'],
  [/^rootId: no node/, 'root'],
  [/^nodes\.([^.]+)\.text: must not be empty$/, 'emptyText'],
  [/^nodes\.([^.]+)\.answers: a question needs at least two answers$/, 'twoAnswers'],
  [/^nodes\.([^.]+)\.answers\.([^.]+)\.label: must not be empty$/, 'emptyLabel'],
  [/^nodes\.([^.]+)\.answers\.([^.]+)\.next: no node/, 'nowhere'],
  [/^nodes\.([^.]+): an answer leads back/, 'loop'],
  [/^nodes\.([^.]+): no answer leads here$/, 'unreached'],
];

/** Reads one of the server's English problem codes (`nodes.q.answers.a.next: no node x`). */
export function problemWords(problem: string, content: TreeContent): ProblemWords | null {
  for (const [pattern, key] of patterns) {
    const m = pattern.exec(problem);
    if (!m) continue;
    if (key === 'duplicate') return { key, nodeId: null, answer: null, id: m[1]! };
    if (key === 'root') return { key, nodeId: null, answer: null, id: null };
    const node = content.nodes.find((n) => n.id === m[1]);
    const answer =
      m[2] && node?.kind === 'question' ? node.answers.findIndex((a) => a.id === m[2]) + 1 || null : null;
    return { key, nodeId: m[1]!, answer, id: null };
  }
  return null;
}
