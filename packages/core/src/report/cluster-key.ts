/**
 * The HumanEval problem behind a translated task id, as the cluster key of a multi-language
 * comparison: HumanEval-X's `CPP/12` and MultiPL-E's `HumanEval_12_sum` are `HumanEval/12`;
 * any other id (`Mbpp/2`) is its own key. The languages of one HumanEval problem share its difficulty,
 * so their results are correlated and are resampled and sign-flipped together.
 */
export function humanEvalClusterKey(taskId: string): string {
  const number =
    /^(?:CPP|Go|Java|JavaScript|Python|Rust|HumanEval)\/(\d+)$/.exec(taskId)?.[1] ??
    /^HumanEval_(\d+)_/.exec(taskId)?.[1];
  return number === undefined ? taskId : `HumanEval/${number}`;
}

/** What `humanEvalClusterKey` does, as recorded in a comparison's method. */
export const HUMANEVAL_CLUSTER_KEY =
  'the HumanEval problem behind each task (CPP/12 and HumanEval_12_… → HumanEval/12): its languages form one cluster';
