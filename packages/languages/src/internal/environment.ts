/**
 * The environment a language's detection reads: `chosen` (a plugin option, or what the caller
 * passed to `detect(context)`), else this process's environment. The one place where
 * `@passk/languages` falls back to `process.env`; plugins receive the result, never read it.
 */
export function resolveEnvironment(
  ...chosen: (NodeJS.ProcessEnv | undefined)[]
): NodeJS.ProcessEnv {
  return chosen.find((env) => env !== undefined) ?? process.env;
}
