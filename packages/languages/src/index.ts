import { createCppLanguage } from './cpp/create-cpp-language.ts';
import { createCsharpLanguage } from './csharp/create-csharp-language.ts';
import { createDLanguage } from './d/create-d-language.ts';
import { createGoLanguage } from './go/create-go-language.ts';
import { createJavaLanguage } from './java/create-java-language.ts';
import { createJavaScriptLanguage } from './javascript/create-javascript-language.ts';
import { createJuliaLanguage } from './julia/create-julia-language.ts';
import { createLuaLanguage } from './lua/create-lua-language.ts';
import { createPerlLanguage } from './perl/create-perl-language.ts';
import { createPhpLanguage } from './php/create-php-language.ts';
import { createPythonLanguage } from './python/create-python-language.ts';
import { createRLanguage } from './r/create-r-language.ts';
import { createRacketLanguage } from './racket/create-racket-language.ts';
import { createRubyLanguage } from './ruby/create-ruby-language.ts';
import { createRustLanguage } from './rust/create-rust-language.ts';
import { createScalaLanguage } from './scala/create-scala-language.ts';
import { createShellLanguage } from './shell/create-shell-language.ts';
import { createSwiftLanguage } from './swift/create-swift-language.ts';
import { createTypeScriptLanguage } from './typescript/create-typescript-language.ts';

export { classifyCpp } from './cpp/classify-cpp.ts';
export { CPP_JUDGES, type CppJudge, cppSteps } from './cpp/cpp-steps.ts';
export { type CppLanguageOptions, createCppLanguage } from './cpp/create-cpp-language.ts';
export { type CppToolchain, type DetectCppOptions, detectCpp } from './cpp/detect-cpp.ts';
export { CSHARP_RULES, createCsharpLanguage } from './csharp/create-csharp-language.ts';
export { createDLanguage, D_RULES } from './d/create-d-language.ts';
export {
  DEFAULT_MAX_MEMORY_BYTES,
  DEFAULT_MAX_OUTPUT_BYTES,
  type DetectionOptions,
  defineLanguageFactory,
  type LanguageDefinition,
  type LanguageNames,
  type LanguageOptions,
  type LanguageOptionsOf,
  type LanguageRules,
  type StepContext,
  type WarmCompilerOption,
} from './define-language.ts';
export {
  defineMultiplELanguage,
  defineMultiplELanguageFactory,
  MULTIPL_E_JUDGES,
  type MultiplELanguageDefinition,
  type MultiplELanguageOptions,
} from './define-multipl-e-language.ts';
export {
  type DetectedToolchain,
  detectToolchain,
  type ToolchainRequirements,
  versionedTool,
} from './detect-toolchain.ts';
export { classifyGo } from './go/classify-go.ts';
export { createGoLanguage, type GoLanguageOptions } from './go/create-go-language.ts';
export { type DetectGoOptions, detectGo, type GoToolchain } from './go/detect-go.ts';
export { GO_JUDGES, type GoJudge, goSteps } from './go/go-steps.ts';
export { classifyJava, HUMANEVAL_X_JAVA_AS_SHIPPED } from './java/classify-java.ts';
export { createJavaLanguage, type JavaLanguageOptions } from './java/create-java-language.ts';
export { type DetectJavaOptions, detectJava, type JavaToolchain } from './java/detect-java.ts';
export { JAVA_JUDGES, type JavaJudge, javaSteps } from './java/java-steps.ts';
export { classifyHumanEvalXJavaScript } from './javascript/classify-humaneval-x-javascript.ts';
export { classifyMultiplENodeRun } from './javascript/classify-multipl-e-node.ts';
export {
  createJavaScriptLanguage,
  type JavaScriptLanguageOptions,
} from './javascript/create-javascript-language.ts';
export {
  type DetectNodeOptions,
  detectNode,
  type NodeToolchain,
} from './javascript/detect-node.ts';
export {
  JAVASCRIPT_JUDGES,
  type JavaScriptJudge,
  javascriptSteps,
} from './javascript/javascript-steps.ts';
export { createJuliaLanguage, JULIA_RULES } from './julia/create-julia-language.ts';
export { createLuaLanguage, LUA_RULES } from './lua/create-lua-language.ts';
export {
  judgeMultiplE,
  type MultiplEOutcome,
  type MultiplERules,
  type MultiplEStatus,
} from './multipl-e-judge.ts';
export { createPerlLanguage, PERL_RULES } from './perl/create-perl-language.ts';
export { createPhpLanguage, PHP_RULES } from './php/create-php-language.ts';
export { classifyEvalPlus } from './python/classify-evalplus.ts';
export { classifyHumanEvalExec } from './python/classify-humaneval-exec.ts';
export { classifyPythonScript } from './python/classify-python-script.ts';
export {
  createPythonLanguage,
  type PythonLanguageOptions,
} from './python/create-python-language.ts';
export { type DetectPythonOptions, detectPython } from './python/detect-python.ts';
export {
  type EvalPlusReport,
  type EvalPlusStatus,
  type EvalPlusSubsetReport,
  parseEvalPlusReport,
} from './python/evalplus-report.ts';
export { EVALPLUS_RUNNER_PATH } from './python/evalplus-runner-path.ts';
export { type HumanEvalReport, parseHumanEvalReport } from './python/humaneval-report.ts';
export { PYTHON_JUDGES, type PythonJudge, SCRIPT_WRAPPER } from './python/python-steps.ts';
export { HUMANEVAL_RUNNER_PATH } from './python/runner-path.ts';
export { createRLanguage, R_RULES } from './r/create-r-language.ts';
export { createRacketLanguage, RACKET_RULES } from './racket/create-racket-language.ts';
export { createRubyLanguage, RUBY_RULES } from './ruby/create-ruby-language.ts';
export { classifyRust } from './rust/classify-rust.ts';
export { createRustLanguage, type RustLanguageOptions } from './rust/create-rust-language.ts';
export { type DetectRustOptions, detectRust, type RustToolchain } from './rust/detect-rust.ts';
export { RUST_JUDGES, type RustJudge, rustSteps } from './rust/rust-steps.ts';
export { createScalaLanguage, SCALA_RULES } from './scala/create-scala-language.ts';
export { createShellLanguage, SHELL_RULES } from './shell/create-shell-language.ts';
export { createSwiftLanguage, SWIFT_RULES } from './swift/create-swift-language.ts';
export { classifyMultiplETypeScript } from './typescript/classify-multipl-e-typescript.ts';
export {
  createTypeScriptLanguage,
  type TypeScriptLanguageOptions,
} from './typescript/create-typescript-language.ts';
export {
  type DetectTypeScriptOptions,
  detectTypeScript,
  type TypeScriptToolchain,
} from './typescript/detect-typescript.ts';
export {
  TYPESCRIPT_JUDGES,
  type TypeScriptJudge,
  typescriptSteps,
} from './typescript/typescript-steps.ts';

/** The built-in languages by id: factories taking their options. */
export const builtinLanguages = {
  python: createPythonLanguage,
  csharp: createCsharpLanguage,
  d: createDLanguage,
  julia: createJuliaLanguage,
  lua: createLuaLanguage,
  perl: createPerlLanguage,
  php: createPhpLanguage,
  r: createRLanguage,
  racket: createRacketLanguage,
  ruby: createRubyLanguage,
  scala: createScalaLanguage,
  shell: createShellLanguage,
  swift: createSwiftLanguage,
  javascript: createJavaScriptLanguage,
  typescript: createTypeScriptLanguage,
  cpp: createCppLanguage,
  java: createJavaLanguage,
  go: createGoLanguage,
  rust: createRustLanguage,
} as const;
