import type { ProbeResult, ToolchainInfo } from '@passk/core';

/**
 * The toolchain of `tool`, found at `path`, whose probe failed: unavailable, with the probe's
 * error (or stderr) and `advice` (`; set PASSK_TSC`) as the problem.
 */
export function doesNotRun(
  tool: string,
  path: string,
  probe: ProbeResult,
  advice = '',
): ToolchainInfo & { readonly available: false; readonly path: string } {
  return {
    available: false,
    path,
    problem: `${tool} at ${path} does not run (${probe.error ?? probe.stderr.trim()})${advice}`,
  };
}
