import type { Judgement, Verdict, VerdictRule } from '../spec/verdict.ts';

/**
 * The judgement a run scores under `rule`, and the other rule's judgement when the two
 * differ: `strict` scores passk's verdict (`other` = its `reference`, if any); `reference`
 * scores the reference harness's judgement (`verdict.reference`, or the verdict itself when
 * the two agree) and keeps passk's strict one as `other`.
 */
export function scoredJudgement(
  verdict: Pick<Verdict, 'status' | 'passed' | 'detail' | 'reference'>,
  rule: VerdictRule,
): { readonly judgement: Judgement; readonly other?: Judgement } {
  const strict: Judgement = {
    status: verdict.status,
    passed: verdict.passed,
    detail: verdict.detail,
  };
  if (verdict.reference === undefined) return { judgement: strict };
  return rule === 'strict'
    ? { judgement: strict, other: verdict.reference }
    : { judgement: verdict.reference, other: strict };
}
