/**
 * Bench sections `languages-node`, `languages-ruby`, `languages-php`, `languages-lua` and
 * `languages-go`: the cost of the isolated judges (`isolated-judge.cjs` for MultiPL-E JavaScript
 * and TypeScript, `isolated_judge.rb` for Ruby, `isolated-judge.php` for PHP,
 * `isolated_judge.lua` for Lua) and of the output judges of Go, C++, Java and Rust (sections
 * `languages-cpp`, `languages-java`, `languages-rust`): samples/s of passk's steps with the
 * judge's steps and without them (the same steps minus `judge` and `judge-…`), on the same
 * executor settings.
 *
 * Samples per language: MultiPL-E's `HumanEval_53_add` (`packages/languages/test/multipl-e-add.ts`),
 * correct completions for a fraction BENCH_NODE_CORRECT (default 0.5) and wrong ones for the rest,
 * each made distinct by a leading comment: BENCH_NODE_SAMPLES (default 24; TypeScript half).
 * Every judge runs only after a run its reference rule could pass (MultiPL-E: exit code 0), so
 * its cost grows with the share of correct samples.
 */
import { availableParallelism } from 'node:os';
import type { Language, Program } from '../../packages/core/src/index.ts';
import { createLocalExecutor } from '../../packages/core/src/index.ts';
import { builtinLanguages } from '../../packages/languages/src/index.ts';
import {
  MULTIPL_E_ADD,
  type MultiplEAdd,
  multiplEProgram,
} from '../../packages/languages/test/multipl-e-add.ts';
import type { BenchSection } from './section.ts';

const perLanguage = Number(process.env.BENCH_NODE_SAMPLES ?? 24);
const correctShare = Number(process.env.BENCH_NODE_CORRECT ?? 0.5);

function programs(add: MultiplEAdd, count: number): Program[] {
  const correct = Math.round(count * correctShare);
  return Array.from({ length: count }, (_, index) => {
    const program = multiplEProgram(add, index < correct ? add.correct : add.wrong);
    const [file] = program.files;
    if (file === undefined) throw new Error(`${add.language}: no program file`);
    return {
      ...program,
      // At the top: the evidence step needs the file to end with the test call.
      files: [{ ...file, contents: `${add.lineComment} sample ${index}\n${file.contents}` }],
    };
  });
}

async function measure(
  language: Language,
  toolchain: Awaited<ReturnType<Language['detect']>>,
  jobs: Program[],
  judge: boolean,
) {
  const executor = createLocalExecutor({ concurrency: availableParallelism() });
  const started = performance.now();
  const verdicts = await Promise.all(
    jobs.map(async (program) => {
      const steps = language
        .steps(program, toolchain, { timeoutFactor: 3 })
        .filter((step) => judge || !/^judge($|-)/.test(step.name));
      const result = await executor.execute({
        files: program.files,
        steps,
        limits: language.limits(program),
      });
      return language.classify(program, result);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await executor.close();
  return { seconds, passed: verdicts.filter((verdict) => verdict.passed).length };
}

/** A bench section measuring the isolated judge of the MultiPL-E languages `ids`, called `title`. */
function judgeCostBench(
  name: string,
  title: string,
  ids: readonly (keyof typeof MULTIPL_E_ADD)[],
): BenchSection {
  return {
    name,
    description: `MultiPL-E ${title}: samples/s with and without the judge (isolated or output)`,
    async run() {
      const rows: (string | number)[][] = [];
      const data: Record<string, unknown>[] = [];
      for (const id of ids) {
        const language = (builtinLanguages as Record<string, () => Language>)[id]?.();
        const add = MULTIPL_E_ADD[id];
        if (language === undefined) continue;
        const toolchain = await language.detect();
        if (!toolchain.available) {
          rows.push([id, '-', '-', '-', '-', toolchain.problem ?? 'missing']);
          continue;
        }
        const count = id === 'typescript' ? Math.max(2, Math.round(perLanguage / 2)) : perLanguage;
        const jobs = programs(add, count);
        const without = await measure(language, toolchain, jobs, false);
        const withJudge = await measure(language, toolchain, jobs, true);
        const rateWith = count / withJudge.seconds;
        const rateWithout = count / without.seconds;
        rows.push([
          id,
          count,
          `${withJudge.passed}/${without.passed}`,
          rateWith.toFixed(2),
          rateWithout.toFixed(2),
          `${(rateWith / rateWithout).toFixed(2)}x`,
        ]);
        data.push({ language: id, samples: count, correctShare, withJudge, without });
      }
      return {
        title: `MultiPL-E ${title}: samples/s with the judge (${availableParallelism()} cores; ${correctShare * 100}% correct; all distinct)`,
        columns: [
          'language',
          'samples',
          'passed (judge/no judge)',
          'with judge samples/s',
          'without samples/s',
          'ratio',
        ],
        rows,
        data,
      };
    },
  };
}

export const languagesNodeBench = judgeCostBench('languages-node', 'JavaScript/TypeScript', [
  'javascript',
  'typescript',
]);

export const languagesRubyBench = judgeCostBench('languages-ruby', 'Ruby', ['ruby']);

export const languagesPhpBench = judgeCostBench('languages-php', 'PHP', ['php']);

export const languagesLuaBench = judgeCostBench('languages-lua', 'Lua', ['lua']);

export const languagesGoBench = judgeCostBench('languages-go', 'Go', ['go']);

export const languagesCppBench = judgeCostBench('languages-cpp', 'C++', ['cpp']);

export const languagesJavaBench = judgeCostBench('languages-java', 'Java', ['java']);

export const languagesRustBench = judgeCostBench('languages-rust', 'Rust', ['rust']);
