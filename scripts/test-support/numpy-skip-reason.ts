import { spawnSync } from 'node:child_process';
import { createPythonLanguage } from '@passk/languages';

/**
 * Why tests of judges that need NumPy cannot run on this machine, or undefined when they can:
 * EvalPlus compares outputs with `np.allclose`, and HumanEval-X's Python judge preloads numpy
 * as CodeGeeX does (Debian: python3-numpy, which `.ci/apt/*.txt` installs and a fresh machine
 * lacks until `npm run setup -- --all`). Tests skip on it and print the reason, once per file.
 */
export async function numpySkipReason(what: string): Promise<string | undefined> {
  const python = await createPythonLanguage().detect();
  const reason =
    !python.available || python.path === undefined
      ? `python toolchain missing: ${python.problem ?? ''}`
      : spawnSync(python.path, ['-c', 'import numpy']).status === 0
        ? undefined
        : `numpy is not installed for ${python.path} (apt-get install python3-numpy)`;
  if (reason !== undefined) console.warn(`skipped ${what}: ${reason}`);
  return reason;
}
