import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from './run-cli.ts';

const RECORDER = fileURLToPath(new URL('./fixtures/record-loaded-modules.mjs', import.meta.url));

/** The modules `node <argv>` loads, as `loaded <url or path>` lines, and its stdout. */
function loadedBy(argv: readonly string[]): { modules: string[]; stdout: string } {
  const child = spawnSync(process.execPath, ['--import', RECORDER, ...argv], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  expect(child.status, child.stderr).toBe(0);
  const modules = child.stderr
    .split('\n')
    .filter((line) => line.startsWith('loaded '))
    .map((line) => line.slice('loaded '.length));
  return { modules, stdout: child.stdout };
}

const heavy = (modules: readonly string[]) =>
  modules.filter((module) =>
    /\/(mcp\/dist|node_modules\/(ajv|@modelcontextprotocol|@passk\/mcp))\//.test(module),
  );

describe('start-up', () => {
  it('passk --version and passk run --help load neither the MCP server (SDK) nor ajv', () => {
    for (const argv of [['--version'], ['run', '--help']]) {
      const { modules, stdout } = loadedBy([BIN, ...argv]);
      expect(stdout).not.toBe('');
      // The recorder sees modules (the CLI's own), so an empty list below means something.
      expect(modules.some((module) => module.includes('/cli/dist/main.js'))).toBe(true);
      expect(heavy(modules)).toEqual([]);
    }
  });

  it('the recorder sees both when they are loaded (a validation and the MCP server)', () => {
    const script = [
      "const { createValidator } = await import('@passk/core');",
      "createValidator({ type: 'object' })({}, { file: 'x' });",
      "await import('@passk/mcp');",
      "console.log('ok');",
    ].join('\n');
    const { modules } = loadedBy(['--input-type=module', '-e', script]);
    const found = heavy(modules).join('\n');
    expect(found).toMatch(/node_modules\/ajv\//);
    expect(found).toMatch(/mcp\/dist\//);
  });
});
