import { createLocalExecutor, type Step } from '@passk/core';
import { afterAll, describe, expect, it } from 'vitest';
import { isExecutableFile } from './find-executable.ts';
import { withWarmExecServer } from './warm-exec-server.ts';

/**
 * Steps given a warm exec server run in the server's forked child (its parent is the Python
 * server, not bwrap), as a spawned step would: the signals Python ignores are back to their
 * defaults, the work directory and limits are the job's.
 */
const bash = '/bin/bash';
const skip = !isExecutableFile('/usr/bin/python3') || !isExecutableFile(bash);
const executor = createLocalExecutor({ concurrency: 1 });
afterAll(() => executor.close());

const SCRIPT = [
  'echo "parent: $(cat /proc/$PPID/comm)"',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash expansion
  'yes | head -n 1 > /dev/null; echo "yes: ${PIPESTATUS[0]}"',
  'echo "cwd: $([ "$PWD" = "$HOME" ] && echo home)"',
  'echo "files: $(ls)"',
].join('\n');

const run = async (steps: Step[]) => {
  const result = await executor.execute({
    files: [{ path: 'main.sh', contents: SCRIPT }],
    steps,
    limits: { maxOutputBytes: 65_536, maxMemoryBytes: 0 },
  });
  return result.steps[0]?.stdoutTail ?? '';
};

describe.skipIf(skip)('withWarmExecServer', () => {
  const step: Step = { name: 'run', argv: [bash, 'main.sh'], timeoutMs: 10_000 };

  it('runs a served step in the warm server, as a spawned one runs', async () => {
    const served = await run(withWarmExecServer([step]));
    expect(served).toContain('parent: python3');
    // SIGPIPE at its default: `yes` dies of it (128 + 13), as when bash is spawned.
    expect(served).toContain('yes: 141');
    expect(served).toContain('cwd: home');
    expect(served).toContain('files: main.sh');
    const spawned = await run([step]);
    expect(spawned).not.toContain('parent: python3');
    expect(spawned.replace(/parent: .*\n/, '')).toBe(served.replace(/parent: .*\n/, ''));
  });

  it('leaves steps spawned when a program is not given by absolute path', () => {
    const relative: Step = { ...step, argv: ['bash', 'main.sh'] };
    expect(withWarmExecServer([relative])).toEqual([relative]);
  });
});
