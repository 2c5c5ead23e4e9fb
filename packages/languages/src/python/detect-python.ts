import { existsSync } from 'node:fs';
import { type ProbeResult, probeCommand, type ToolchainInfo } from '@passk/core';
import { resolveEnvironment } from '../internal/environment.ts';

/** Oldest Python the runner supports. */
export const MIN_PYTHON_VERSION: readonly [number, number] = [3, 8];

const PROBE =
  'import sys; print(sys.executable); print(".".join(map(str, sys.version_info[:3]))); print(sys.prefix); print(sys.base_prefix)';

/** Directories the sandbox always shows; an interpreter installed below them needs no mount. */
const SYSTEM_PREFIXES = ['/usr', '/bin', '/lib', '/lib64'];

/** Where {@link detectPython} looks. */
export interface DetectPythonOptions {
  /** Interpreter to use; skips the search when set. */
  readonly python?: string;
  /** Environment read for `PASSK_PYTHON` and `PATH` (default the process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** Files the runner needs; reported as a problem when missing. */
  readonly requiredFiles?: readonly string[];
}

/**
 * Finds the Python interpreter: `options.python`, else `$PASSK_PYTHON`, else `/usr/bin/python3`
 * when present, else `python3` on `PATH`; the path returned is the interpreter's own
 * `sys.executable` (so version-manager shims are resolved once, not on every run).
 *
 * `mounts` lists the interpreter's `sys.prefix` and `sys.base_prefix` when they lie outside
 * the system directories (pyenv, a virtual environment), for the sandbox.
 *
 * Returns `available: false` with a `problem` (how to fix it) when no usable interpreter
 * (>= 3.8) is found or a required file is missing. Never throws.
 */
export async function detectPython(options: DetectPythonOptions = {}): Promise<ToolchainInfo> {
  const env = resolveEnvironment(options.env);
  const candidate =
    options.python ??
    (env.PASSK_PYTHON !== undefined && env.PASSK_PYTHON !== ''
      ? env.PASSK_PYTHON
      : existsSync('/usr/bin/python3')
        ? '/usr/bin/python3'
        : 'python3');
  const missing = (options.requiredFiles ?? []).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    return {
      available: false,
      problem: `passk installation is incomplete: missing ${missing.join(', ')}`,
    };
  }
  const probe: ProbeResult = await probeCommand([candidate, '-c', PROBE], { env });
  if (probe.exitCode !== 0) {
    return {
      available: false,
      problem: `Python interpreter '${candidate}' is not usable (${probe.error ?? (probe.stderr.trim() || `exit code ${probe.exitCode}`)}); install Python >= 3.8 or set PASSK_PYTHON to its path`,
    };
  }
  const [executable = '', version = '', prefix = '', basePrefix = ''] = probe.stdout
    .trim()
    .split('\n');
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const path = executable.trim() !== '' ? executable.trim() : candidate;
  if (
    major < MIN_PYTHON_VERSION[0] ||
    (major === MIN_PYTHON_VERSION[0] && minor < MIN_PYTHON_VERSION[1])
  ) {
    return {
      available: false,
      path,
      version,
      problem: `Python ${version} at ${path} is too old; passk needs Python >= ${MIN_PYTHON_VERSION.join('.')} (set PASSK_PYTHON)`,
    };
  }
  const mounts = [...new Set([prefix.trim(), basePrefix.trim()])].filter(
    (directory) =>
      directory.startsWith('/') &&
      !SYSTEM_PREFIXES.some((system) => directory === system || directory.startsWith(`${system}/`)),
  );
  return { available: true, path, version, ...(mounts.length > 0 ? { mounts } : {}) };
}
