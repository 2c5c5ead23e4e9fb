import { resolve } from 'node:path';
import { defaultDataContext } from '../data/default-data-context.ts';
import { sha256File } from '../data/resolve-data-file.ts';
import { UsageError } from '../errors/usage-error.ts';
import {
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_PROCESSES,
} from '../execution/sandbox/resource-limits.ts';
import type { Dataset } from '../spec/dataset.ts';
import type { ExecutionLimits } from '../spec/executor.ts';
import type { Language, ToolchainInfo } from '../spec/language.ts';
import type { Problem } from '../spec/problem.ts';
import { type ProblemSlicing, RUN_FORMAT_VERSION, type RunManifest } from '../spec/run.ts';
import { runIdFor } from '../store/run-identity.ts';
import { agentPromptHash } from './agent/agent-prompt.ts';
import { AGENT_TOOLS } from './agent/agent-tools.ts';
import { AGENT_COMMAND_PROTOCOL } from './agent/run-command-attempt.ts';
import type { RunEvaluationOptions } from './run-evaluation-options.ts';

/** A run resolved from its options, before anything is written or executed. */
export interface PreparedRun {
  readonly problems: readonly Problem[];
  readonly samplesFor: (problem: Problem) => number;
  /** Largest number of samples of a problem. */
  readonly maxN: number;
  readonly ks: readonly number[];
  readonly directory: string;
  /** The manifest without its executor entry (known once the executor exists). */
  readonly manifest: Omit<RunManifest, 'executor'>;
  readonly toolchains: ReadonlyMap<string, ToolchainInfo>;
}

/**
 * Prepares the provider (once), loads the dataset, applies the scope, checks `k` against `n`,
 * detects the toolchains and builds the manifest and the run directory's path (from the run
 * identity, `runIdFor`). Throws `UsageError` for an empty selection or a k larger than n.
 */
export async function prepareRun(options: RunEvaluationOptions): Promise<PreparedRun> {
  const { dataset, provider } = options;
  await provider.prepare?.();
  const loaded = await dataset.load(defaultDataContext(options.env ?? {}));
  const scope = options.scope?.(loaded.problems) ?? { problems: loaded.problems };
  const problems = scope.problems;
  if (problems.length === 0)
    throw new UsageError({ message: 'no problems selected (check --tasks, --limit, --languages)' });
  const n = options.n ?? 1;
  const samplesFor = scope.samplesFor ?? (() => n);
  const maxN = Math.max(...problems.map(samplesFor));
  const ks = options.k ?? [1, 10, 100].filter((k) => k <= maxN);
  const tooLarge = ks.filter((k) => k > maxN);
  if (tooLarge.length > 0) {
    throw new UsageError({
      message: `-k ${tooLarge.join(',')} is larger than the number of samples per problem (n = ${maxN}); pass@k needs n >= k`,
    });
  }
  const toolchains = new Map<string, ToolchainInfo>();
  for (const id of new Set(problems.map((problem) => problem.language))) {
    toolchains.set(id, await options.language(id).detect());
  }
  // An agent program is part of the run: an edited one gives another run.
  const command = provider.agentCommand
    ? {
        path: provider.agentCommand,
        sha256: await sha256File(provider.agentCommand),
        protocol: AGENT_COMMAND_PROTOCOL,
      }
    : undefined;
  const identity = {
    mode: options.mode ?? 'run',
    dataset: { id: dataset.id, version: dataset.version, content_hash: loaded.contentHash },
    provider: {
      id: provider.id,
      model: provider.model,
      ...(provider.endpoint ? { endpoint: provider.endpoint } : {}),
    },
    sampling: options.sampling ?? {},
    ...(options.agent
      ? {
          agent: {
            max_turns: options.agent.maxTurns,
            max_tool_calls: options.agent.maxToolCalls,
            attempt_timeout_ms: options.agent.attemptTimeoutMs,
            hash: agentPromptHash(Object.values(AGENT_TOOLS)),
            ...(command ? { command } : {}),
          },
        }
      : {}),
    ...(options.promptFormat && !options.agent
      ? {
          prompt: {
            mode: options.promptFormat.mode,
            format: options.promptFormat.id,
            hash: options.promptFormat.hash,
          },
        }
      : {}),
    seed: options.seed ?? 0,
    timeout_factor: options.timeoutFactor ?? 1,
    verdicts: options.verdicts ?? 'strict',
    ...(scope.input ? { input: scope.input } : {}),
  } as const;
  const runId = runIdFor(options.name ?? `${slug(dataset.id)}-${slug(provider.model)}`, identity);
  const manifest: Omit<RunManifest, 'executor'> = {
    format_version: RUN_FORMAT_VERSION,
    run_id: runId,
    created_at: new Date().toISOString(),
    passk_version: options.passkVersion,
    ...identity,
    n: maxN,
    k: ks,
    task_ids: problems.map((problem) => problem.id),
    task_languages: problems.map((problem) => problem.language),
    ...taskMetadata(problems),
    ...(scope.dateWindow ? { date_window: scope.dateWindow } : {}),
    limits: limitsByLanguage(options.language, dataset, problems),
    toolchains: Object.fromEntries(
      [...toolchains].map(([id, info]) => [id, { path: info.path, version: info.version }]),
    ),
  };
  return {
    problems,
    samplesFor,
    maxN,
    ks,
    directory: resolve(options.cwd ?? process.cwd(), options.out ?? `runs/${runId}`),
    manifest,
    toolchains,
  };
}

/** `task_metadata` for the manifest when any problem has slicing metadata. */
function taskMetadata(problems: readonly Problem[]): Pick<RunManifest, 'task_metadata'> {
  const entries = problems.map(({ metadata }) => {
    const slicing: ProblemSlicing = {
      ...(Array.isArray(metadata.tags) && metadata.tags.length > 0 ? { tags: metadata.tags } : {}),
      ...(typeof metadata.difficulty === 'string' ? { difficulty: metadata.difficulty } : {}),
      ...(typeof metadata.date === 'string' ? { date: metadata.date } : {}),
    };
    return Object.keys(slicing).length > 0 ? slicing : null;
  });
  return entries.some((entry) => entry !== null) ? { task_metadata: entries } : {};
}

/** Turns a string into a safe file-name part (at most 60 characters). */
export function slug(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'run'
  );
}

/**
 * The resource limits each language applies, as recorded in the manifest (defaults filled in;
 * taken from the first problem of each language).
 */
function limitsByLanguage(
  language: (id: string) => Language,
  dataset: Dataset,
  problems: readonly Problem[],
): Record<string, ExecutionLimits> {
  const limits: Record<string, ExecutionLimits> = {};
  for (const problem of problems) {
    if (limits[problem.language] !== undefined) continue;
    const own = language(problem.language).limits(
      dataset.buildProgram(problem, { code: '', kind: 'completion' }),
    );
    limits[problem.language] = {
      maxOutputBytes: own.maxOutputBytes,
      maxMemoryBytes: own.maxMemoryBytes,
      maxProcesses: own.maxProcesses ?? DEFAULT_MAX_PROCESSES,
      maxFileBytes: own.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    };
  }
  return limits;
}
