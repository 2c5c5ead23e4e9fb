/**
 * Bench section `languages-compiled`: samples per second of passk's compiled-language judges
 * (C++, Java, Go, Rust, TypeScript) against the naive one-compile-one-run-per-sample baseline,
 * both measured in the same run, on this machine, with the same parallelism (BENCH_WORKERS,
 * default 2 jobs at a time).
 *
 * Samples, per language: BENCH_COMPILED_SAMPLES programs (default 40), half reference solutions
 * and half wrong answers, so that both passing and failing programs are timed: HumanEval-X
 * (cpp, java, go, rust; the `humaneval-x` judges) and Qwen2.5-Coder's MultiPL-E TypeScript
 * programs (the `multipl-e` judge). Every program is distinct (no deduplication helps).
 *
 * - passk: `language.steps` on the local executor, with what passk reuses: C++ precompiled
 *   headers, warm tsc and javac servers, the shared Go build cache (build step only) with `-s -w`
 *   links, Rust crates prebuilt once. One-time set-up (`detect()`) is timed separately.
 * - baseline: the reference harness's commands, a fresh process per sample: `g++ -std=c++11` +
 *   `./a.out`; `javac` + `java`; `go test` (GOPATH mode, the same warm build cache); `cargo
 *   check` + `cargo test` of a `src/bin` target in one Cargo project whose crates are prebuilt
 *   (CodeGeeX's layout); `tsc --target esnext` + `node`.
 * Verdicts of the two are compared (pass/fail). Ratios, not absolute times, are the result.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  createLocalExecutor,
  type Language,
  type Program,
  probeCommand,
  STEP_PATH,
} from '@passk/core';
import { createHumanEvalXDataset, type HumanEvalXLanguage } from '@passk/datasets';
import {
  createCppLanguage,
  createGoLanguage,
  createJavaLanguage,
  createRustLanguage,
  createTypeScriptLanguage,
  type RustToolchain,
} from '@passk/languages';
import type { BenchContext, BenchSection } from './section.ts';

const sampleCount = Number(process.env.BENCH_COMPILED_SAMPLES ?? 40);
const workers = Number(process.env.BENCH_WORKERS ?? 2);

interface LanguageBench {
  readonly id: string;
  readonly create: () => Language;
  readonly programs: (context: BenchContext) => Promise<Program[]>;
  /** Shell commands of the baseline for one program written in the current directory. */
  readonly baseline: (program: Program, index: number) => string;
  /** Prepares the baseline (untimed), e.g. the Rust Cargo project. */
  readonly prepare?: (work: string) => Promise<void>;
  readonly reused: string;
}

async function humanEvalXPrograms(
  language: HumanEvalXLanguage,
  context: BenchContext,
): Promise<Program[]> {
  const dataset = createHumanEvalXDataset(language);
  const { problems } = await dataset.load({
    dataDir: context.dataDir,
    cacheDir: tmpdir(),
    allowDownload: false,
  });
  const half = Math.ceil(sampleCount / 2);
  return problems
    .slice(0, half)
    .flatMap((problem) => [
      dataset.buildProgram(problem, {
        code: problem.referenceCompletion ?? '',
        kind: 'completion',
      }),
      ...dataset
        .selftestControls(problem)
        .filter((control) => control.name === 'wrong answer')
        .map((control) => dataset.buildProgram(problem, control.candidate)),
    ])
    .slice(0, sampleCount);
}

let rustProject = '';
const BENCHES: readonly LanguageBench[] = [
  {
    id: 'cpp',
    create: () => createCppLanguage(),
    programs: (context) => humanEvalXPrograms('cpp', context),
    baseline: (program) =>
      `/usr/bin/g++ -std=c++11 test.cpp${program.files[0]?.contents.includes('openssl/') ? ' -lcrypto -lssl' : ''} && ./a.out`,
    reused: 'precompiled headers',
  },
  {
    id: 'java',
    create: () => createJavaLanguage(),
    programs: (context) => humanEvalXPrograms('java', context),
    baseline: () => 'javac Main.java && java -cp . Main',
    reused: 'warm javac (one JVM per worker)',
  },
  {
    id: 'go',
    create: () => createGoLanguage(),
    programs: (context) => humanEvalXPrograms('go', context),
    baseline: () => 'GO111MODULE=off GOPATH=/usr/share/gocode go test -timeout=5s main_test.go',
    reused: 'shared build cache (build step only), -s -w link',
  },
  {
    id: 'rust',
    create: () => createRustLanguage(),
    programs: (context) => humanEvalXPrograms('rust', context),
    async prepare(work) {
      rustProject = join(work, 'cargo-project');
      mkdirSync(join(rustProject, 'src', 'bin'), { recursive: true });
      writeFileSync(
        join(rustProject, 'Cargo.toml'),
        '[package]\nname = "bench"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nrand = "0.8"\nregex = "1"\nmd5 = "0.7.0"\n',
      );
      writeFileSync(join(rustProject, 'src', 'bin', 'warm.rs'), 'fn main() {}\n');
      await probeCommand(
        [
          'sh',
          '-c',
          `cd ${rustProject} && ${cargo('check --bin warm')} && ${cargo('test --bin warm')}`,
        ],
        {
          timeoutMs: 600_000,
          env: { ...process.env, PATH: STEP_PATH, CARGO_HOME: join(work, 'cargo-home') },
        },
      );
    },
    baseline: (_program, index) =>
      `cp main.rs ${rustProject}/src/bin/s${index}.rs && cd ${rustProject} && ${cargo(`check --bin s${index}`)} && ${cargo(`test --bin s${index}`)}`,
    reused: 'crates prebuilt once; rustc instead of cargo',
  },
  {
    id: 'typescript',
    create: () => createTypeScriptLanguage(),
    async programs(context) {
      const details = JSON.parse(
        gunzipSync(
          readFileSync(
            join(
              context.dataDir,
              'samples/qwen2.5-coder-base/1.5b-base/multipl-e/humaneval-ts-details.json.gz',
            ),
          ),
        ).toString('utf8'),
      ) as Record<string, [[number, { code: string }]]>;
      return Object.values(details)
        .slice(0, sampleCount)
        .map(([[, detail]]) => ({
          language: 'typescript',
          files: [{ path: 'main.ts', contents: detail.code }],
          mainFile: 'main.ts',
          judge: 'multipl-e',
          timeoutMs: 15_000,
        }));
    },
    baseline: () =>
      `node ${join(process.cwd(), 'node_modules/typescript/bin/tsc')} --target esnext main.ts && node main.js`,
    reused: 'warm tsc (compiler and standard library loaded once per worker)',
  },
];

function cargo(command: string): string {
  return `cargo --offline --config 'source.crates-io.replace-with="debian"' --config 'source.debian.directory="/usr/share/cargo/registry"' ${command} --message-format json > /dev/null 2>&1`;
}

/** Runs `tasks` with at most `limit` in flight. */
async function pool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await (tasks[index] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

function shell(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { cwd, env, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

interface Row {
  readonly language: string;
  readonly samples: number;
  readonly setupSeconds: number;
  readonly passkPerSecond: number;
  readonly baselinePerSecond: number;
  readonly agree: number;
  readonly reused: string;
}

async function measure(bench: LanguageBench, context: BenchContext, work: string): Promise<Row> {
  const language = bench.create();
  const setupStarted = performance.now();
  const toolchain = await language.detect();
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  if (!toolchain.available) throw new Error(`${bench.id}: ${toolchain.problem}`);
  const programs = await bench.programs(context);
  const executor = createLocalExecutor({ concurrency: workers });
  const passkStarted = performance.now();
  const passk = await Promise.all(
    programs.map(async (program) => {
      const steps = language.steps(program, toolchain, { timeoutFactor: 1 });
      const result = await executor.execute({
        files: program.files,
        steps,
        limits: language.limits(program),
      });
      return language.classify(program, result).passed;
    }),
  );
  const passkSeconds = (performance.now() - passkStarted) / 1000;
  await executor.close();
  await bench.prepare?.(work);
  const env = {
    ...process.env,
    // The system directories, as passk's steps see them (not a rustup cargo in ~/.cargo/bin).
    PATH: STEP_PATH,
    HOME: work,
    GOCACHE: (toolchain as { buildCache?: string }).buildCache ?? join(work, 'go-build'),
    CARGO_HOME: join(work, 'cargo-home'),
    RUSTC: (toolchain as RustToolchain).path ?? 'rustc',
  };
  const baselineStarted = performance.now();
  const baseline = await pool(
    programs.map((program, index) => async () => {
      const dir = mkdtempSync(join(work, `${bench.id}-`));
      for (const file of program.files) writeFileSync(join(dir, file.path), file.contents);
      const code = await shell(bench.baseline(program, index), dir, env);
      rmSync(dir, { recursive: true, force: true });
      return code === 0;
    }),
    workers,
  );
  const baselineSeconds = (performance.now() - baselineStarted) / 1000;
  return {
    language: bench.id,
    samples: programs.length,
    setupSeconds,
    passkPerSecond: programs.length / passkSeconds,
    baselinePerSecond: programs.length / baselineSeconds,
    agree: passk.filter((passed, index) => passed === baseline[index]).length,
    reused: bench.reused,
  };
}

async function run(context: BenchContext) {
  const work = mkdtempSync(join(tmpdir(), 'passk-bench-compiled-'));
  const rows: Row[] = [];
  try {
    for (const bench of BENCHES) {
      process.stderr.write(`bench languages-compiled: ${bench.id}\n`);
      rows.push(await measure(bench, context, work));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return {
    title: `Compiled languages: samples/s, passk vs one compile + one run per sample (${workers} at a time, this machine, this run)`,
    columns: [
      'language',
      'samples',
      'passk/s',
      'baseline/s',
      'speed-up',
      'verdicts agree',
      'one-time set-up s',
      'reused',
    ],
    rows: rows.map((row) => [
      row.language,
      row.samples,
      row.passkPerSecond.toFixed(2),
      row.baselinePerSecond.toFixed(2),
      `${(row.passkPerSecond / row.baselinePerSecond).toFixed(2)}x`,
      `${row.agree}/${row.samples}`,
      row.setupSeconds.toFixed(1),
      row.reused,
    ]),
    data: { workers, sampleCount, rows },
  };
}

export const languagesCompiledBench: BenchSection = {
  name: 'languages-compiled',
  description: 'compiled-language judges vs one compile + one run per sample',
  run,
};
