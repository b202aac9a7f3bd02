import { describe, expect, it } from 'vitest';
import { treeProblems } from '../../../shared/decisionTree.js';
import type { QuestionNode, TreeContent } from '../../../shared/decisionTree.js';
import {
  addAnswer,
  addNodeAfter,
  buildOutline,
  freshId,
  leadingTo,
  moveAnswer,
  newTree,
  nodeNumbers,
  problemWords,
  removeAnswer,
  removeNode,
  updateAnswer,
} from '../../../client/src/decisionTrees/draft.js';

/** A small valid tree: q → (ja → q2, nee → end); q2 → (a → end, b → end2). */
const tree = (): TreeContent => ({
  title: 'Test',
  description: '',
  rootId: 'q',
  nodes: [
    {
      id: 'q',
      kind: 'question',
      text: 'Eerste?',
      help: '',
      answers: [
        { id: 'ja', label: 'Ja', next: 'q2' },
        { id: 'nee', label: 'Nee', next: 'end' },
      ],
    },
    {
      id: 'q2',
      kind: 'question',
      text: 'Tweede?',
      help: '',
      answers: [
        { id: 'a', label: 'A', next: 'end' },
        { id: 'b', label: 'B', next: 'end2' },
      ],
    },
    {
      id: 'end',
      kind: 'advice',
      text: 'Klaar',
      area: 'social',
      teamKind: 'neighbourhood-team',
      serviceId: null,
    },
    {
      id: 'end2',
      kind: 'advice',
      text: 'Ook klaar',
      area: 'medical',
      teamKind: 'primary-care',
      serviceId: null,
    },
  ],
});
const question = (content: TreeContent, id: string) =>
  content.nodes.find((n): n is QuestionNode => n.id === id && n.kind === 'question')!;

describe('the outline of a draft', () => {
  it('follows the answers from the first question, deeper at each step', () => {
    const rows = buildOutline(tree());
    expect(rows.map((r) => [r.node.id, r.depth, r.via])).toEqual([
      ['q', 0, null],
      ['q2', 1, 'Ja'],
      ['end', 2, 'A'],
      ['end2', 2, 'B'],
    ]);
  });

  it('shows a node two answers lead to once, naming the other answer', () => {
    const end = buildOutline(tree()).filter((r) => r.node.id === 'end');
    expect(end).toHaveLength(1);
    expect(end[0]!.alsoVia).toEqual(['Nee']);
  });

  it('lists the nodes nothing reaches last, as unreached', () => {
    const cut = removeAnswer(tree(), 'q', 'ja');
    const rows = buildOutline(cut);
    expect(rows.filter((r) => !r.reachable).map((r) => r.node.id)).toEqual(['q2', 'end2']);
    expect(rows.map((r) => r.node.id)).toHaveLength(4);
  });

  it('numbers questions and advice apart, in outline order', () => {
    const numbers = nodeNumbers(tree());
    expect(numbers.get('q2')).toEqual({ kind: 'question', n: 2 });
    expect(numbers.get('end2')).toEqual({ kind: 'advice', n: 2 });
  });

  it('survives an answer that leads back to a question before it', () => {
    const loop = updateAnswer(tree(), 'q2', 'b', { next: 'q' });
    expect(buildOutline(loop).map((r) => r.node.id)).toEqual(['q', 'q2', 'end', 'end2']);
  });
});

describe('changing a draft', () => {
  it('a new tree starts with one question whose two answers still lead nowhere', () => {
    const draft = newTree();
    expect(question(draft, draft.rootId).answers).toHaveLength(2);
    expect(treeProblems(draft).some((p) => p.endsWith('.next: no node '))).toBe(true);
  });

  it('gives new ids that no node or answer has yet', () => {
    const content = tree();
    expect(freshId(content, 'q2')).toBe('q2-1');
    const withAnswer = addAnswer(content, 'q');
    const added = question(withAnswer, 'q').answers[2]!;
    expect(added).toEqual({ id: 'antwoord-1', label: '', next: '' });
    expect(freshId(withAnswer, 'antwoord')).toBe('antwoord-2');
  });

  it('an added answer is a problem until it leads to a new advice with a text', () => {
    let draft = addAnswer(tree(), 'q');
    draft = updateAnswer(draft, 'q', 'antwoord-1', { label: 'Misschien' });
    expect(treeProblems(draft)).toEqual(['nodes.q.answers.antwoord-1.next: no node ']);
    const made = addNodeAfter(draft, 'q', 'antwoord-1', 'advice');
    expect(made.id).toBe('advies-1');
    expect(question(made.content, 'q').answers[2]!.next).toBe('advies-1');
    expect(treeProblems(made.content)).toEqual(['nodes.advies-1.text: must not be empty']);
  });

  it('a new question comes with two answers of their own ids', () => {
    const made = addNodeAfter(tree(), 'q', 'nee', 'question');
    const answers = question(made.content, made.id).answers.map((a) => a.id);
    expect(answers).toEqual(['antwoord-1', 'antwoord-2']);
  });

  it('moves an answer up and down, and not past either end', () => {
    const order = (c: TreeContent) => question(c, 'q').answers.map((a) => a.id);
    expect(order(moveAnswer(tree(), 'q', 'nee', -1))).toEqual(['nee', 'ja']);
    expect(order(moveAnswer(tree(), 'q', 'ja', 1))).toEqual(['nee', 'ja']);
    expect(order(moveAnswer(tree(), 'q', 'ja', -1))).toEqual(['ja', 'nee']);
    expect(order(moveAnswer(tree(), 'q', 'nee', 1))).toEqual(['ja', 'nee']);
  });

  it('refuses to remove a node while an answer leads to it, or the first question', () => {
    const content = tree();
    expect(leadingTo(content, 'end').map((v) => `${v.question.id}.${v.answer.id}`)).toEqual([
      'q.nee',
      'q2.a',
    ]);
    expect(removeNode(content, 'end')).toBe(content);
    expect(removeNode(content, 'q')).toBe(content);
    const freed = removeAnswer(removeAnswer(content, 'q', 'nee'), 'q2', 'a');
    expect(removeNode(freed, 'end').nodes.map((n) => n.id)).toEqual(['q', 'q2', 'end2']);
  });
});

describe("the server's problems in words", () => {
  it.each([
    ['nodes.q.answers.nee.next: no node weg', { key: 'nowhere', nodeId: 'q', answer: 2, id: null }],
    ['nodes.q.answers.ja.label: must not be empty', { key: 'emptyLabel', nodeId: 'q', answer: 1, id: null }],
    ['nodes.end.text: must not be empty', { key: 'emptyText', nodeId: 'end', answer: null, id: null }],
    ['nodes.q2: no answer leads here', { key: 'unreached', nodeId: 'q2', answer: null, id: null }],
    [
      'nodes.q: an answer leads back to a question before it',
      { key: 'loop', nodeId: 'q', answer: null, id: null },
    ],
    [
      'nodes.q.answers: a question needs at least two answers',
      { key: 'twoAnswers', nodeId: 'q', answer: null, id: null },
    ],
    ['nodes: two nodes have the id q', { key: 'duplicate', nodeId: null, answer: null, id: 'q' }],
    ['rootId: no node x', { key: 'root', nodeId: null, answer: null, id: null }],
  ])('%s', (problem, words) => {
    expect(problemWords(problem, tree())).toEqual(words);
  });

  it('leaves a problem it does not know as it is (null)', () => {
    expect(problemWords('something new', tree())).toBeNull();
  });

  it('reads every problem the shared check gives for a broken draft', () => {
    const broken = updateAnswer(addAnswer(tree(), 'q2'), 'q2', 'b', { label: ' ' });
    const problems = treeProblems(broken);
    expect(problems.length).toBeGreaterThan(1);
    for (const p of problems) expect(problemWords(p, broken)).not.toBeNull();
  });
});
