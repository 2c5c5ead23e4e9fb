import { spawnSync } from 'node:child_process';
import { createPythonLanguage } from '@passk/languages';

/**
 * Why EvalPlus checks cannot run on this machine, or undefined when they can: they need
 * Python 3 with numpy (EvalPlus compares outputs with `np.allclose`; Debian: python3-numpy,
 * which `.ci/apt/evalplus.txt` installs). Tests skip on it and print the reason.
 */
export async function evalPlusSkipReason(): Promise<string | undefined> {
  const python = await createPythonLanguage().detect();
  if (!python.available || python.path === undefined) {
    return `python toolchain missing: ${python.problem ?? ''}`;
  }
  const probe = spawnSync(python.path, ['-c', 'import numpy'], { encoding: 'utf8' });
  return probe.status === 0
    ? undefined
    : `numpy is not installed for ${python.path} (EvalPlus compares with numpy; apt-get install python3-numpy)`;
}
