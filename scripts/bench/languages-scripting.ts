/**
 * Bench section `languages-scripting`: throughput of the MultiPL-E languages of the
 * multipl-e branch (C#, D, Lua, Perl, PHP, R, Racket, Ruby, Scala, Bash), passk against a
 * naive baseline measured in the same run.
 *
 * Samples per language: MultiPL-E's `HumanEval_53_add` in that language
 * (`packages/languages/test/multipl-e-add.ts`), half correct and half wrong completions, each
 * made distinct by a trailing comment (so nothing is deduplicated): BENCH_SCRIPTING_SAMPLES
 * (default 24; Scala and C# a quarter of it); BENCH_SCRIPTING_LANGUAGES=lua,perl limits the
 * languages.
 *
 * - passk: the language's steps and judge on the local executor, one job per core.
 * - baseline: the reference harness's command (`lua main.lua`, `scalac` + `scala`, `mcs` +
 *   `mono` …) spawned once per sample, one sample at a time, in a fresh directory.
 *
 * passk reuses nothing across samples for these languages yet (no warm compiler: `fsc` for
 * Scala, a resident `mcs` for C# would be the next step); the ratio is its process pool and
 * per-sample overhead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalExecutor } from '../../packages/core/src/index.ts';
import { builtinLanguages } from '../../packages/languages/src/index.ts';
import {
  MULTIPL_E_ADD,
  type MultiplEAdd,
  multiplEProgram,
} from '../../packages/languages/test/multipl-e-add.ts';
import type { BenchSection } from './section.ts';

const perLanguage = Number(process.env.BENCH_SCRIPTING_SAMPLES ?? 24);
/** Comma-separated language ids to measure (BENCH_SCRIPTING_LANGUAGES); default all. */
const only = process.env.BENCH_SCRIPTING_LANGUAGES?.split(',').filter(Boolean);

/** The reference harness's commands for one program, given the detected command paths. */
const BASELINE: Readonly<
  Record<string, (commands: Record<string, string>, main: string) => string[][]>
> = {
  csharp: (c, main) => [
    [c.mcs ?? 'mcs', '-d:DEBUG', '-r:System.Numerics.dll', '-out:main.exe', main],
    [c.mono ?? 'mono', 'main.exe'],
  ],
  d: (c, main) => [[c.dmd ?? 'ldmd2', '-unittest', '-main', '-ofmain', main], ['./main']],
  lua: (c, main) => [[c.lua ?? 'lua', main]],
  perl: (c, main) => [[c.perl ?? 'perl', main]],
  php: (c, main) => [[c.php ?? 'php', main]],
  r: (c, main) => [[c.Rscript ?? 'Rscript', main]],
  racket: (c, main) => [[c.racket ?? 'racket', main]],
  ruby: (c, main) => [[c.ruby ?? 'ruby', main]],
  scala: (c, main) => [
    [c.scalac ?? 'scalac', '-d', '.', main],
    [c.scala ?? 'scala', '-cp', '.', 'Problem'],
  ],
  shell: (c, main) => [[c.bash ?? 'bash', main]],
};

function programs(add: MultiplEAdd, count: number) {
  return Array.from({ length: count }, (_, index) => {
    const program = multiplEProgram(add, index % 2 === 0 ? add.correct : add.wrong);
    const [file] = program.files;
    if (file === undefined) throw new Error(`${add.language}: no program file`);
    return {
      ...program,
      files: [{ ...file, contents: `${file.contents}\n${add.lineComment} sample ${index}\n` }],
    };
  });
}

export const languagesScriptingBench: BenchSection = {
  name: 'languages-scripting',
  description:
    'MultiPL-E scripting languages: samples/s, passk vs one-process-per-sample sequential baseline',
  async run() {
    const rows: (string | number)[][] = [];
    const data: Record<string, unknown>[] = [];
    for (const [id, baseline] of Object.entries(BASELINE)) {
      if (only && !only.includes(id)) continue;
      const add = (MULTIPL_E_ADD as Readonly<Record<string, MultiplEAdd>>)[id];
      const factory = (
        builtinLanguages as Record<
          string,
          () => import('../../packages/core/src/index.ts').Language
        >
      )[id];
      if (add === undefined || factory === undefined) continue;
      const language = factory();
      const toolchain = await language.detect();
      if (!toolchain.available) {
        rows.push([id, '-', '-', '-', '-', toolchain.problem ?? 'missing']);
        continue;
      }
      const count =
        id === 'scala' || id === 'csharp' ? Math.max(2, Math.round(perLanguage / 4)) : perLanguage;
      const jobs = programs(add, count);
      const executor = createLocalExecutor({ concurrency: availableParallelism() });
      let started = performance.now();
      const verdicts = await Promise.all(
        jobs.map(async (program) => {
          const steps = language.steps(program, toolchain, { timeoutFactor: 3 });
          const result = await executor.execute({
            files: program.files,
            steps,
            limits: language.limits(program),
          });
          return language.classify(program, result);
        }),
      );
      const passkSeconds = (performance.now() - started) / 1000;
      await executor.close();
      const passed = verdicts.filter((verdict) => verdict.passed).length;
      const commands = (toolchain as { commands?: Record<string, string> }).commands ?? {};
      started = performance.now();
      for (const program of jobs) {
        const dir = mkdtempSync(join(tmpdir(), 'passk-bench-naive-'));
        try {
          const file = program.files[0];
          if (file === undefined) continue;
          writeFileSync(join(dir, file.path), file.contents);
          for (const [command, ...args] of baseline(commands, program.mainFile)) {
            const result = spawnSync(command as string, args, {
              cwd: dir,
              stdio: 'ignore',
              timeout: 60_000,
            });
            if (result.status !== 0) break;
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      const baselineSeconds = (performance.now() - started) / 1000;
      const passkRate = count / passkSeconds;
      const baselineRate = count / baselineSeconds;
      rows.push([
        id,
        toolchain.version ?? '?',
        count,
        passkRate.toFixed(2),
        baselineRate.toFixed(2),
        `${(passkRate / baselineRate).toFixed(2)}x`,
      ]);
      data.push({
        language: id,
        version: toolchain.version,
        samples: count,
        passed,
        passkSeconds,
        baselineSeconds,
      });
    }
    return {
      title: `MultiPL-E scripting languages: samples/s (${availableParallelism()} cores; half correct, half wrong; all distinct)`,
      columns: [
        'language',
        'toolchain',
        'samples',
        'passk samples/s',
        'naive sequential samples/s',
        'ratio',
      ],
      rows,
      data,
    };
  },
};
