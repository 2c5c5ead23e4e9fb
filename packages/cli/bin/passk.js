#!/usr/bin/env node
// The `passk` command. A file that exists before the build, so that `npm install` links the bin
// (it links bins before the packages' prepare step builds dist/).
try {
  await import('../dist/bin.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/bin.js'))
    throw error;
  process.stderr.write('passk: not built yet; run `npm run build` in the repository\n');
  process.exitCode = 2;
}
