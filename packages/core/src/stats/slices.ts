import { type ProblemSlicing, type RunSlice, SMALL_SLICE_PROBLEMS } from '../spec/run.ts';
import type { BootstrapOptions } from './bootstrap.ts';
import { summarizePassAtK } from './summarize-pass-at-k.ts';

/** One problem of a run, as `summarizeSlices` groups it. */
export interface SliceMember {
  /** Unique within the run (the task id, qualified by language when ids repeat). */
  readonly key: string;
  readonly language: string;
  readonly metadata?: ProblemSlicing | null;
  /** Scored and passing samples. */
  readonly n: number;
  readonly c: number;
}

/** The slice kinds in the order `summarizeSlices` lists them. */
export const SLICE_KINDS: readonly RunSlice['kind'][] = ['language', 'tag', 'difficulty', 'date'];

/**
 * The values of each slice kind a problem belongs to: its language, each of its tags, its
 * difficulty, and the month (`YYYY-MM`) of its date.
 */
export function sliceValues(member: Pick<SliceMember, 'language' | 'metadata'>): {
  readonly kind: RunSlice['kind'];
  readonly value: string;
}[] {
  const metadata = member.metadata ?? {};
  const month =
    typeof metadata.date === 'string' ? /^\d{4}-\d{2}/.exec(metadata.date)?.[0] : undefined;
  return [
    { kind: 'language' as const, value: member.language },
    ...[...new Set(metadata.tags ?? [])].map((tag) => ({ kind: 'tag' as const, value: tag })),
    ...(metadata.difficulty === undefined
      ? []
      : [{ kind: 'difficulty' as const, value: metadata.difficulty }]),
    ...(month === undefined ? [] : [{ kind: 'date' as const, value: month }]),
  ];
}

/**
 * pass@k by slice: one slice per language (only when the run has several), per tag, per
 * difficulty and per month of the problems' dates (only for the kinds some problem carries).
 * Languages keep run order; the other values are sorted. Each slice gets pass@k with bootstrap
 * intervals over its own problems (a k is left out when a problem of the slice has fewer
 * samples), and `small` when it has fewer than `SMALL_SLICE_PROBLEMS` (30) problems.
 *
 * @param members The run's problems, in benchmark order, keys unique.
 * @param ks The k to report.
 * @param confidence Bootstrap settings, as for the whole run.
 * @returns The slices (empty when no kind applies).
 */
export function summarizeSlices(
  members: readonly SliceMember[],
  ks: readonly number[],
  confidence: BootstrapOptions,
): RunSlice[] {
  const slices: RunSlice[] = [];
  for (const group of sliceGroups(members, (member) => member)) {
    const { passAtK } = summarizePassAtK(
      group.members.map((member) => ({ taskId: member.key, n: member.n, c: member.c })),
      ks,
      confidence,
    );
    slices.push({
      kind: group.kind,
      value: group.value,
      problems: group.members.length,
      samples: group.members.reduce((total, member) => total + member.n, 0),
      pass_at_k: passAtK,
      small: group.members.length < SMALL_SLICE_PROBLEMS,
    });
  }
  return slices;
}

/**
 * The slices of `items`, in report order: by language (first-seen order, only when there are
 * several), then each tag, difficulty and month (values sorted); each with its members in the
 * order given.
 *
 * @param facets What an item is sliced by: its language and metadata.
 */
export function sliceGroups<T>(
  items: readonly T[],
  facets: (item: T) => Pick<SliceMember, 'language' | 'metadata'>,
): { kind: RunSlice['kind']; value: string; members: T[] }[] {
  const groups = new Map<string, { kind: RunSlice['kind']; value: string; members: T[] }>();
  const languages = new Set<string>();
  for (const item of items) {
    const facet = facets(item);
    languages.add(facet.language);
    for (const { kind, value } of sliceValues(facet)) {
      const id = `${kind}\u0000${value}`;
      const group = groups.get(id) ?? { kind, value, members: [] };
      group.members.push(item);
      groups.set(id, group);
    }
  }
  return SLICE_KINDS.flatMap((kind) => {
    if (kind === 'language' && languages.size < 2) return [];
    const ofKind = [...groups.values()].filter((group) => group.kind === kind);
    if (kind !== 'language')
      ofKind.sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
    return ofKind;
  });
}
