import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

it('npm links the passk bin inside the repository (npx passk works after npm install)', () => {
  const { version } = JSON.parse(readFileSync(`${root}/packages/cli/package.json`, 'utf8'));
  const result = spawnSync(`${root}/node_modules/.bin/passk`, ['--version'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${root}/node_modules/.bin:${process.env.PATH}` },
  });
  expect(result.stderr).toBe('');
  expect(result.stdout.trim()).toBe(version);
  expect(result.status).toBe(0);
});
