/**
 * Referral decision trees (SPEC DT1–DT5): "when does who refer to whom?", kept per district as
 * questions whose answers lead to further questions or to an advice — a side (the GP's area, the
 * social area, or shared, as the LESA agreements split the tasks), a kind of team, or a service of
 * the social map — which a professional walks from a goal to a prefilled referral.
 */
import type { TeamKind } from './adminApi.js';
import type { ReferralPerson } from './referralApi.js';
import type { SocialService } from './socialMapApi.js';

export const adviceAreas = ['medical', 'social', 'shared'] as const;
export type AdviceArea = (typeof adviceAreas)[number];

export interface TreeAnswer {
  id: string;
  label: string;
  /** The node this answer leads to. */
  next: string;
}

export interface QuestionNode {
  id: string;
  kind: 'question';
  text: string;
  /** A line of explanation under the question. */
  help: string;
  answers: TreeAnswer[];
}

export interface AdviceNode {
  id: string;
  kind: 'advice';
  text: string;
  area: AdviceArea;
  /** Whom to refer to: people of this kind of team in the client's neighbourhood… */
  teamKind: TeamKind | null;
  /** …or the contact person of this service of the social map. */
  serviceId: string | null;
}

export type TreeNode = QuestionNode | AdviceNode;

export interface TreeContent {
  title: string;
  description: string;
  rootId: string;
  nodes: TreeNode[];
}

export interface DecisionTree extends TreeContent {
  id: string;
  districtId: string;
  /** 1, 2, 3…: every save is a new version; walking uses the latest. */
  version: number;
  savedAt: string;
  archivedAt: string | null;
}

/** What is wrong with a tree's content, named by node (empty: it can be saved). */
export function treeProblems(content: TreeContent): string[] {
  const problems: string[] = [];
  const byId = new Map<string, TreeNode>();
  for (const node of content.nodes) {
    if (byId.has(node.id)) problems.push(`nodes: two nodes have the id ${node.id}`);
    byId.set(node.id, node);
  }
  if (!byId.has(content.rootId)) problems.push(`rootId: no node ${content.rootId}`);
  for (const node of content.nodes) {
    if (!node.text.trim()) problems.push(`nodes.${node.id}.text: must not be empty`);
    if (node.kind !== 'question') continue;
    if (node.answers.length < 2)
      problems.push(`nodes.${node.id}.answers: a question needs at least two answers`);
    for (const answer of node.answers) {
      if (!answer.label.trim())
        problems.push(`nodes.${node.id}.answers.${answer.id}.label: must not be empty`);
      if (!byId.has(answer.next))
        problems.push(`nodes.${node.id}.answers.${answer.id}.next: no node ${answer.next}`);
    }
  }
  if (problems.length > 0) return problems;
  // Every node reachable from the root, and no way back to a node already on the path.
  const reached = new Set<string>();
  const visit = (id: string, path: readonly string[]): void => {
    if (path.includes(id)) {
      problems.push(`nodes.${id}: an answer leads back to a question before it`);
      return;
    }
    if (reached.has(id)) return;
    reached.add(id);
    const node = byId.get(id)!;
    if (node.kind === 'question') for (const a of node.answers) visit(a.next, [...path, id]);
  };
  visit(content.rootId, []);
  for (const node of content.nodes)
    if (!reached.has(node.id)) problems.push(`nodes.${node.id}: no answer leads here`);
  return problems;
}

/** A walk so far: the questions answered (with the answer given) and where it stands now. */
export interface Walk {
  steps: { question: QuestionNode; answer: TreeAnswer }[];
  at: TreeNode;
}

/** Follows the answers given from the root; an answer that does not belong to the question stops it. */
export function walkTree(tree: TreeContent, answerIds: readonly string[]): Walk {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  let at = byId.get(tree.rootId)!;
  const steps: Walk['steps'] = [];
  for (const answerId of answerIds) {
    if (at.kind !== 'question') break;
    const answer = at.answers.find((a) => a.id === answerId);
    if (!answer) break;
    steps.push({ question: at, answer });
    at = byId.get(answer.next)!;
  }
  return { steps, at };
}

/** The walk in words, for the referral's reason: "Waar gaat het om? Wonen en geld. — Schulden? Ja." */
export function walkSummary(walk: Walk): string {
  return walk.steps.map((s) => `${s.question.text} ${s.answer.label}.`).join(' ');
}

/** `GET /api/cases/:caseId/decision-trees/:treeId/advice`: the walk so far and, at an advice, whom to refer to. */
export interface TreeAdvice {
  tree: { id: string; version: number; title: string };
  steps: { question: string; answer: string }[];
  at: TreeNode;
  /** The walk in words, to start the referral's reason with. */
  summary: string;
  candidates: ReferralPerson[];
  service: SocialService | null;
}
