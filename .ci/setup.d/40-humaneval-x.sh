# Builds, once, what the HumanEval-X / compiled languages keep in passk's cache (quick when done,
# offline): the C++ precompiled headers and main wrapper, the Java helper classes, the warm Go
# build cache, and the rand/regex/md5 crates from Debian's cargo registry. Tests would build
# them on first use anyway; doing it here keeps that out of the tests' time limits.
if [ -f packages/languages/dist/index.js ]; then
  node_modules/.bin/node --input-type=module -e '
    const languages = await import("./packages/languages/dist/index.js");
    for (const create of [languages.createCppLanguage, languages.createJavaLanguage,
                          languages.createGoLanguage, languages.createRustLanguage]) {
      const toolchain = await create().detect();
      console.error(`ci: ${toolchain.available ? toolchain.version : `missing: ${toolchain.problem}`}`);
    }
  '
fi
