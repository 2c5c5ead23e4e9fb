#!/usr/bin/env -S node --max-semi-space-size=4
// The `passk` command. A file that exists before the build, so that `npm install` links the bin
// (it links bins before the packages' prepare step builds dist/).
//
// `--max-semi-space-size=4` (MiB): V8 otherwise grows its young generation to tens of MiB under
// a long run's steady allocation; measured on a streamed 100,000-sample evaluate (`npm run bench
// -- humaneval`), the CLI's peak RSS drops from about 260 to 186 MiB at the same samples/s.
try {
  await import('../dist/bin.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/bin.js'))
    throw error;
  process.stderr.write('passk: not built yet; run `npm run build` in the repository\n');
  process.exitCode = 2;
}
