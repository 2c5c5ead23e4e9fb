import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { probeCommand } from '@passk/core';
import { ensureArtifact } from '../internal/ensure-artifact.ts';

/** A set of standard headers compiled once into a GCC precompiled header. */
export interface HeaderSet {
  /** Short name, also the file name (`multipl-e`). */
  readonly name: string;
  /** The `-std=` value every program using it is compiled with. */
  readonly std: string;
  /** Headers, as in `#include <name>`. */
  readonly headers: readonly string[];
}

/** MultiPL-E C++ programs start with `#include<assert.h>` and `#include<bits/stdc++.h>`. */
export const MULTIPL_E_HEADERS: HeaderSet = {
  name: 'multipl-e',
  std: 'c++17',
  headers: ['bits/stdc++.h'],
};

/** The nine headers CodeGeeX makes every HumanEval-X C++ program include. */
export const HUMANEVAL_X_HEADERS: HeaderSet = {
  name: 'humaneval-x',
  std: 'c++11',
  headers: [
    'stdlib.h',
    'algorithm',
    'math.h',
    'stdio.h',
    'vector',
    'string',
    'climits',
    'cstring',
    'iostream',
  ],
};

/**
 * Compiles `set` into `<cacheDir>/cpp-pch/<hash>/<name>.h.gch` (once per compiler) and returns
 * the path of the header `<name>.h` next to it, for `-include`: GCC then loads the `.gch`
 * instead of parsing the headers, and falls back to the plain header if the `.gch` does not
 * match the compiler or its options.
 *
 * @throws Error with the compiler's message when it cannot be built.
 */
export async function buildPrecompiledHeader(
  compiler: string,
  compilerVersion: string,
  cacheDir: string,
  set: HeaderSet,
): Promise<string> {
  const text = `${set.headers.map((header) => `#include <${header}>`).join('\n')}\n`;
  const key = createHash('sha256')
    .update(`${compiler}\0${compilerVersion}\0${set.std}\0${text}`)
    .digest('hex')
    .slice(0, 16);
  const directory = await ensureArtifact(join(cacheDir, 'cpp-pch', key), async (staging) => {
    const header = join(staging, `${set.name}.h`);
    writeFileSync(header, text);
    const probe = await probeCommand(
      [compiler, `-std=${set.std}`, '-x', 'c++-header', header, '-o', `${header}.gch`],
      { timeoutMs: 120_000 },
    );
    if (probe.exitCode !== 0) {
      throw new Error(
        `cannot precompile ${set.headers.join(', ')}: ${probe.error ?? probe.stderr.trim()}`,
      );
    }
  });
  return join(directory, `${set.name}.h`);
}
