import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  FORK_PROTOCOL,
  type Program,
  type Step,
  type StepOptions,
  type StepServer,
} from '@passk/core';
import { hostMounts } from '../internal/host-mounts.ts';
import { selectJudge } from '../internal/select-judge.ts';
import { JAVA_WRAPPER_CLASS, JAVAC_SERVER_CLASS, type JavaToolchain } from './detect-java.ts';
import { javaOutputJudgeSteps } from './java-output-judge.ts';

/** The verdict rules (`Program.judge`) of the Java language. */
export const JAVA_JUDGES = ['humaneval-x', 'multipl-e'] as const;
/** One of {@link JAVA_JUDGES}. */
export type JavaJudge = (typeof JAVA_JUDGES)[number];

/**
 * `javac` limit for HumanEval-X, in milliseconds: CodeGeeX gives `javac` 5 s and retries a
 * timed-out compile up to 5 times; passk runs it once with the 25 s those attempts add up to.
 */
export const HUMANEVAL_X_JAVAC_TIMEOUT_MS = 25_000;
/** MultiPL-E's `javac` limit, in milliseconds. */
export const MULTIPL_E_JAVAC_TIMEOUT_MS = 15_000;

/** Returns `judge` when it is a Java judge. @throws UnknownIdError otherwise. */
export function javaJudge(judge: string): JavaJudge {
  return selectJudge('java', judge, JAVA_JUDGES);
}

function jdkHome(executable: string | undefined): string | undefined {
  if (executable === undefined) return undefined;
  try {
    return dirname(dirname(realpathSync(executable)));
  } catch {
    return undefined;
  }
}

/**
 * The steps that build and run a Java program; the run goes through the completion wrapper
 * (`java … PasskMain <Class>`, which prints the completion sentinel when `main` returns):
 * - `humaneval-x` (CodeGeeX's intended rule; its `java` line is commented out as shipped):
 *   `compile` = `javac <mainFile>` ({@link HUMANEVAL_X_JAVAC_TIMEOUT_MS}), `run` =
 *   `java -cp .:<wrapper> PasskMain Main` (the program's limit);
 * - `multipl-e`: `compile` = `javac -encoding UTF8 -cp <javatuples jar> -d . <mainFile>` (15 s;
 *   MultiPL-E puts the jar in `CLASSPATH`, which `-cp` sets the same way), `run` = `java -ea -cp
 *   .:<jar>:<wrapper> PasskMain Problem` (the program's limit), then the output judge's steps
 *   (`javaOutputJudgeSteps`: the expected values and the candidate's calls, each built the same
 *   way in a fresh work area, run by `java -ea`). No steps at all when the javatuples jar is
 *   missing (the verdict is then `toolchain_missing`).
 * Limits are multiplied by `timeoutFactor`. With `warmCompiler`, compile steps offer the warm
 * `javac` server (`assets/java/PasskJavacServer.java`: the same compiler in a JVM that stays up),
 * and mount the helper directory holding its classes.
 *
 * @throws UnknownIdError for another judge.
 */
export function javaSteps(
  program: Program,
  toolchain: JavaToolchain,
  options: StepOptions,
  warmCompiler = true,
): readonly Step[] {
  const judge = javaJudge(program.judge);
  const javac = toolchain.path ?? 'javac';
  const java = toolchain.java ?? 'java';
  const wrapper = toolchain.wrapperDirectory ?? '.';
  const runTimeoutMs = program.timeoutMs * options.timeoutFactor;
  const jdkMounts = hostMounts([jdkHome(javac), jdkHome(java)]);
  const warmServer = warmCompiler && toolchain.wrapperDirectory !== undefined;
  const server: { server?: StepServer } = warmServer
    ? {
        server: {
          argv: [java, '-XX:+UseSerialGC', '-cp', wrapper, JAVAC_SERVER_CLASS, javac],
          protocol: FORK_PROTOCOL,
        },
      }
    : {};
  // The warm server's classes live in the helper directory, outside the sandbox's system ones.
  const serverMounts = warmServer ? hostMounts([toolchain.wrapperDirectory]) : [];
  if (judge === 'humaneval-x') {
    return [
      {
        name: 'compile',
        argv: [javac, program.mainFile],
        timeoutMs: HUMANEVAL_X_JAVAC_TIMEOUT_MS * options.timeoutFactor,
        mounts: [...jdkMounts, ...serverMounts],
        ...server,
      },
      {
        name: 'run',
        argv: [java, '-cp', `.:${wrapper}`, JAVA_WRAPPER_CLASS, 'Main'],
        timeoutMs: runTimeoutMs,
        mounts: [...jdkMounts, ...hostMounts([toolchain.wrapperDirectory])],
      },
    ];
  }
  const jar = toolchain.javatuplesJar;
  if (jar === undefined) return [];
  const mounts = [...jdkMounts, ...hostMounts([jar])];
  const compile = (file: string): Omit<Step, 'name'> => ({
    argv: [javac, '-encoding', 'UTF8', '-cp', jar, '-d', '.', file],
    timeoutMs: MULTIPL_E_JAVAC_TIMEOUT_MS * options.timeoutFactor,
    mounts: [...mounts, ...serverMounts],
    ...server,
  });
  const source = program.files.find((file) => file.path === program.mainFile)?.contents ?? '';
  return [
    { ...compile(program.mainFile), name: 'compile' },
    {
      name: 'run',
      argv: [java, '-ea', '-cp', `.:${jar}:${wrapper}`, JAVA_WRAPPER_CLASS, 'Problem'],
      timeoutMs: runTimeoutMs,
      mounts: [...mounts, ...hostMounts([toolchain.wrapperDirectory])],
    },
    ...javaOutputJudgeSteps(source, compile, {
      argv: [java, '-ea', '-cp', `.:${jar}`, 'Problem'],
      timeoutMs: runTimeoutMs,
      mounts,
    }),
  ];
}
