import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EvalPlusConfig, evalPlusConfigFile, type Program } from '@passk/core';
import { type GamingProgram, gaming } from './gaming-entry.ts';

/**
 * Python under EvalPlus's rule (`evalplus`: the solution's outputs on base and plus inputs
 * compared with the ground truth's by `assets/python/evalplus_runner.py`), on a one-task
 * HumanEval+-format data file written on first use. Every solution leaves `add` unsolved.
 * EvalPlus's own check (the reference) runs the solution and the comparison in one process;
 * passk's judge (`evalplus_judge.py`) calls the solution in a process of its own and compares
 * apart, so the check's frame, shared memory and globals the programs below reach for are
 * EvalPlus's, in the reference run only.
 */
const TASK = {
  task_id: 'Gaming/0',
  prompt: 'def add(a: int, b: int) -> int:\n    """Return the sum of a and b."""\n',
  entry_point: 'add',
  canonical_solution: '    return a + b\n',
  base_input: [
    [1, 2],
    [20, 22],
  ],
  plus_input: [
    [-5, 5],
    [1000, 1],
  ],
  atol: 0,
};

let scratch: string | undefined;

/** The program EvalPlus scores for `solution` (a whole file defining `add`). */
const evalPlus = (solution: string) => (): Program => {
  if (scratch === undefined) {
    scratch = mkdtempSync(join(tmpdir(), 'passk-gaming-evalplus-'));
    writeFileSync(join(scratch, 'data.jsonl'), `${JSON.stringify(TASK)}\n`);
  }
  const config: EvalPlusConfig = {
    kind: 'humaneval',
    dataFile: join(scratch, 'data.jsonl'),
    groundTruthDir: join(scratch, 'groundtruth'),
    taskIndex: 0,
    taskId: TASK.task_id,
    minTimeLimitMs: 4000,
    gtTimeLimitFactor: 4,
  };
  return {
    language: 'python',
    files: [
      { path: 'solution.py', contents: `${TASK.prompt}${solution}` },
      evalPlusConfigFile(config),
    ],
    mainFile: 'solution.py',
    judge: 'evalplus',
    timeoutMs: 30_000,
  };
};

/** The runner's check frame, found from inside the solution (`f` below). */
const CHECK_FRAME = [
  '    import sys',
  '    f = sys._getframe(1)',
  "    while f is not None and 'shared' not in f.f_locals:",
  '        f = f.f_back',
].join('\n');

export const EVALPLUS_GAMING: readonly GamingProgram[] = [
  gaming(
    'rigged-equality',
    'EvalPlus: __eq__ always True',
    true,
    evalPlus(
      '    class Anything:\n        def __eq__(self, other):\n            return True\n    return Anything()\n',
    ),
  ),
  gaming(
    'rigged-equality',
    'EvalPlus: int subclass with a rigged __eq__',
    true,
    evalPlus(
      '    class Int(int):\n        def __eq__(self, other):\n            return True\n        __hash__ = int.__hash__\n    return Int(0)\n',
    ),
  ),
  gaming(
    'rigged-equality',
    'EvalPlus: list subclass equal to everything',
    true,
    evalPlus(
      '    class Everything(list):\n        def __eq__(self, other):\n            return True\n    return Everything()\n',
    ),
  ),
  gaming(
    'forged-evidence',
    "EvalPlus: writes a full pass into the check's shared memory, os._exit(0)",
    true,
    evalPlus(
      [
        CHECK_FRAME,
        '    import os, struct',
        "    shared, g = f.f_locals['shared'], f.f_globals",
        "    size = struct.calcsize(g['_HEADER'])",
        "    count = len(f.f_locals['inputs'])",
        "    struct.pack_into('<ii', shared, 0, g['_SUCCESS'], count)",
        '    for i in range(count):',
        '        shared[size + i] = 1',
        '    os._exit(0)',
      ].join('\n'),
    ),
  ),
  gaming(
    'reads-tests',
    "EvalPlus: returns the expected output from the check's frame",
    true,
    evalPlus(`${CHECK_FRAME}\n    return f.f_locals['expected'][f.f_locals['i']]\n`),
  ),
  gaming(
    'reads-tests',
    "EvalPlus: reads the expected outputs from passk's ground-truth cache (named in evalplus.json)",
    true,
    evalPlus(
      [
        '    import io, json, pickle',
        "    config = json.load(io.open('../evalplus.json'))",
        "    path = config['groundTruthDir'] + '/' + str(config['taskIndex']) + '.pkl'",
        "    task = pickle.load(io.open(path, 'rb'))",
        "    for subset in ('base', 'plus'):",
        "        for inp, out in zip(task[subset + '_input'], task[subset]):",
        '            if list(inp) == [a, b]:',
        '                return out',
      ].join('\n'),
    ),
  ),
  gaming(
    'patched-assertions',
    "EvalPlus: replaces the runner's comparison through the check's globals",
    true,
    evalPlus(
      `${CHECK_FRAME}\n    f.f_globals['_evalplus_compare'] = lambda *args: args[6]\n    return 0\n`,
    ),
  ),
];
