import { createCppLanguage } from './cpp/create-cpp-language.ts';
import { createGoLanguage } from './go/create-go-language.ts';
import { createJavaLanguage } from './java/create-java-language.ts';
import { createJavaScriptLanguage } from './javascript/create-javascript-language.ts';
import { createPythonLanguage } from './python/create-python-language.ts';
import { createRustLanguage } from './rust/create-rust-language.ts';
import { createTypeScriptLanguage } from './typescript/create-typescript-language.ts';

export { classifyCpp } from './cpp/classify-cpp.ts';
export { CPP_JUDGES, type CppJudge, cppSteps } from './cpp/cpp-steps.ts';
export { type CppLanguageOptions, createCppLanguage } from './cpp/create-cpp-language.ts';
export { type CppToolchain, type DetectCppOptions, detectCpp } from './cpp/detect-cpp.ts';
export { CPP_HOSTILE_PROGRAMS } from './cpp/hostile.ts';
export { classifyGo } from './go/classify-go.ts';
export { createGoLanguage, type GoLanguageOptions } from './go/create-go-language.ts';
export { type DetectGoOptions, detectGo, type GoToolchain } from './go/detect-go.ts';
export { GO_JUDGES, type GoJudge, goSteps } from './go/go-steps.ts';
export { GO_HOSTILE_PROGRAMS } from './go/hostile.ts';
export type { HostileProgram } from './hostile/hostile-program.ts';
export { classifyJava, HUMANEVAL_X_JAVA_AS_SHIPPED } from './java/classify-java.ts';
export { createJavaLanguage, type JavaLanguageOptions } from './java/create-java-language.ts';
export { type DetectJavaOptions, detectJava, type JavaToolchain } from './java/detect-java.ts';
export { JAVA_HOSTILE_PROGRAMS } from './java/hostile.ts';
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
export { JAVASCRIPT_HOSTILE_PROGRAMS } from './javascript/hostile.ts';
export {
  JAVASCRIPT_JUDGES,
  type JavaScriptJudge,
  javascriptSteps,
} from './javascript/javascript-steps.ts';
export { classifyHumanEvalExec } from './python/classify-humaneval-exec.ts';
export { classifyPythonScript } from './python/classify-python-script.ts';
export {
  createPythonLanguage,
  PYTHON_DEFAULT_MAX_MEMORY_BYTES,
  PYTHON_DEFAULT_MAX_OUTPUT_BYTES,
  type PythonLanguageOptions,
} from './python/create-python-language.ts';
export { type DetectPythonOptions, detectPython } from './python/detect-python.ts';
export { type HumanEvalReport, parseHumanEvalReport } from './python/humaneval-report.ts';
export { PYTHON_JUDGES, type PythonJudge } from './python/python-steps.ts';
export { HUMANEVAL_RUNNER_PATH } from './python/runner-path.ts';
export { classifyRust } from './rust/classify-rust.ts';
export { createRustLanguage, type RustLanguageOptions } from './rust/create-rust-language.ts';
export { type DetectRustOptions, detectRust, type RustToolchain } from './rust/detect-rust.ts';
export { RUST_HOSTILE_PROGRAMS } from './rust/hostile.ts';
export { RUST_JUDGES, type RustJudge, rustSteps } from './rust/rust-steps.ts';
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
export { TYPESCRIPT_HOSTILE_PROGRAMS } from './typescript/hostile.ts';
export {
  TYPESCRIPT_JUDGES,
  type TypeScriptJudge,
  typescriptSteps,
} from './typescript/typescript-steps.ts';

/** The built-in languages by id: factories taking their options. */
export const builtinLanguages = {
  python: createPythonLanguage,
  javascript: createJavaScriptLanguage,
  typescript: createTypeScriptLanguage,
  cpp: createCppLanguage,
  java: createJavaLanguage,
  go: createGoLanguage,
  rust: createRustLanguage,
} as const;
