import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { probeCommand } from '@passk/core';
import { assetPath } from './asset-path.ts';
import { ensureArtifact } from './ensure-artifact.ts';

/** Source of the `main` wrapper that prints the completion sentinel (see the file's comment). */
export const NATIVE_HARNESS_SOURCE = assetPath('native/passk_completion.c');

/** Linker flag that routes the C runtime's call to `main` through the harness. */
export const WRAP_MAIN_FLAG = '-Wl,--wrap=main';

/**
 * Compiles the completion harness with `compiler` (a C or C++ compiler driver, used with
 * `-x c`) into `<cacheDir>/native-harness/<hash>/passk_completion.o`, once per compiler and
 * source. Returns the object's path.
 *
 * @throws Error with the compiler's message when it cannot be compiled.
 */
export async function buildNativeHarness(
  compiler: string,
  compilerVersion: string,
  cacheDir: string,
): Promise<string> {
  const source = readFileSync(NATIVE_HARNESS_SOURCE);
  const key = createHash('sha256')
    .update(compiler)
    .update('\0')
    .update(compilerVersion)
    .update('\0')
    .update(source)
    .digest('hex')
    .slice(0, 16);
  const directory = await ensureArtifact(join(cacheDir, 'native-harness', key), async (staging) => {
    const probe = await probeCommand(
      [
        compiler,
        '-x',
        'c',
        '-c',
        '-O2',
        NATIVE_HARNESS_SOURCE,
        '-o',
        join(staging, 'passk_completion.o'),
      ],
      { timeoutMs: 60_000 },
    );
    if (probe.exitCode !== 0) {
      throw new Error(
        `cannot compile ${NATIVE_HARNESS_SOURCE} with ${compiler}: ${probe.error ?? probe.stderr.trim()}`,
      );
    }
  });
  return join(directory, 'passk_completion.o');
}
