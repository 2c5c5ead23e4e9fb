import type { Executor } from '../../spec/executor.ts';
import type { ToolchainInfo } from '../../spec/language.ts';
import { PYTHON_AST_SCRIPT } from './python-ast-script.ts';

/** What `normalizePythonPrograms` applies, as recorded in `summary.diversity.normalization`. */
export const PYTHON_AST_NORMALIZATION =
  'Python: ast.dump after ast.parse (parsed in the sandbox, never run), docstrings and annotations dropped, parameters and local names canonicalised';

/** Settings of {@link normalizePythonPrograms}. */
export interface NormalizePythonOptions {
  /** The executor that runs the parsing job (the run's own: sandboxed). */
  readonly executor: Executor;
  /** The detected Python toolchain (`path`, and `mounts` for the sandbox). */
  readonly toolchain: ToolchainInfo;
  /** Wall-clock limit of the job in milliseconds; default 60 s + 5 ms per program. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * Canonical forms of Python programs, for counting distinct programs: one sandboxed job
 * (`PYTHON_AST_SCRIPT`) parses them all with `ast.parse` (nothing is compiled to bytecode or
 * run), drops docstrings and renames local names, and returns a short hash of each
 * `ast.dump`. Programs that differ only in comments, layout, docstrings or the names of
 * their local variables get the same form.
 *
 * @param programs The program texts (the whole module: prompt + completion).
 * @returns One entry per program: its form, or null when it does not parse; undefined when
 *   Python is unavailable or the job produced no valid report (callers fall back to text
 *   normalization).
 * @throws Only what the executor throws when it is itself broken.
 */
export async function normalizePythonPrograms(
  programs: readonly string[],
  options: NormalizePythonOptions,
): Promise<(string | null)[] | undefined> {
  const { toolchain } = options;
  if (programs.length === 0) return [];
  if (!toolchain.available || toolchain.path === undefined) return undefined;
  const result = await options.executor.execute(
    {
      files: [
        { path: 'normalize.py', contents: PYTHON_AST_SCRIPT },
        { path: 'programs.json', contents: JSON.stringify(programs) },
      ],
      steps: [
        {
          name: 'normalize',
          argv: [toolchain.path, '-I', '-B', 'normalize.py'],
          timeoutMs: options.timeoutMs ?? 60_000 + 5 * programs.length,
          reportFile: 'normalized.json',
          mounts: (toolchain.mounts ?? []).map((path) => ({ path })),
        },
      ],
      limits: { maxOutputBytes: 1 << 20, maxMemoryBytes: 4 * 1024 ** 3 },
    },
    options.signal,
  );
  const report = result.steps[0]?.report;
  if (
    !Array.isArray(report) ||
    report.length !== programs.length ||
    !report.every((entry) => entry === null || typeof entry === 'string')
  ) {
    return undefined;
  }
  return report as (string | null)[];
}
