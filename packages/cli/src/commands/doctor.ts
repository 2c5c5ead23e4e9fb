import { DOCTOR_HELP } from '../help/other-help.ts';
import type { Command } from '../io.ts';
import { parseOptions } from '../parse-options.ts';
import { doctor, isOptionalCheck } from '../sdk/doctor.ts';

/**
 * `passk doctor`: Node version, toolchains, sandbox, data directory and cache (the SDK's
 * `doctor`). Exit 0 when passk itself is usable (Node, Python, sandbox, cache), 1 otherwise;
 * a missing data file or a missing toolchain of another language is reported but does not
 * fail it.
 */
export const doctorCommand: Command = async (argv, registry, io) => {
  const { values } = parseOptions(argv, { json: { type: 'boolean' } }, DOCTOR_HELP);
  const checks = await doctor({ registry, env: io.env });
  if (values.json) io.stdout.write(`${JSON.stringify(checks, null, 2)}\n`);
  else {
    const width = Math.max(...checks.map((check) => check.name.length));
    for (const check of checks)
      io.stdout.write(
        `${check.ok ? 'ok  ' : 'FAIL'}  ${check.name.padEnd(width)}  ${check.detail}\n`,
      );
  }
  return checks.every((check) => check.ok || isOptionalCheck(check.name)) ? 0 : 1;
};
