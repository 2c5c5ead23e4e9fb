import { dirname } from 'node:path';
import { FORK_PROTOCOL, type Step } from '@passk/core';
import { HUMANEVAL_RUNNER_PATH } from '../python/runner-path.ts';
import { isExecutableFile } from './find-executable.ts';

/** The system Python the warm server runs on (inside the sandbox, `/usr` is always shown). */
const SERVER_PYTHON = '/usr/bin/python3';

let pythonPresent: boolean | undefined;

/**
 * `steps` served by one warm sandbox per executor slot: the Python runner's `passk-fork-v1`
 * server started with `--exec` for every program the steps run, which forks a child per step,
 * sets it up as a spawned step is set up (work directory, HOME and TMPDIR, limits, namespaces
 * of its own, leftovers killed after it) and `execv`s the program. What a step runs and how it
 * is judged are unchanged; only the sandbox's start-up (~20 ms a step) is paid once per slot.
 * Steps with their own environment stay spawned (the executor spawns them). Without
 * `/usr/bin/python3`, or for a program not given by absolute path, the steps are returned as
 * they are.
 */
export function withWarmExecServer(steps: readonly Step[]): Step[] {
  pythonPresent ??= isExecutableFile(SERVER_PYTHON);
  const programs = [...new Set(steps.map((step) => step.argv[0] ?? ''))].sort();
  if (!pythonPresent || programs.some((program) => !program.startsWith('/'))) return [...steps];
  const server = {
    argv: [
      SERVER_PYTHON,
      '-B',
      HUMANEVAL_RUNNER_PATH,
      'serve',
      ...programs.flatMap((program) => ['--exec', program]),
    ],
    protocol: FORK_PROTOCOL,
  } as const;
  const mount = { path: dirname(HUMANEVAL_RUNNER_PATH) };
  return steps.map((step) => ({ ...step, server, mounts: [...(step.mounts ?? []), mount] }));
}
