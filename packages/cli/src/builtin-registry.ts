import { createRegistry, type Dataset, type PluginEntry, type Registry } from '@passk/core';
import {
  createDemoDataset,
  createHumanEvalDataset,
  createHumanEvalPlusDataset,
  createHumanEvalXDataset,
  createHumanEvalXMultiLanguageDataset,
  createJsonlDataset,
  createMbppDataset,
  createMbppPlusDataset,
  createMultiplEDataset,
  createMultiplEMultiLanguageDataset,
  DEMO_AGENT_PATH,
  DEMO_SAMPLES_PATH,
  HUMANEVAL_X_LANGUAGES,
  MULTIPL_E_LANGUAGES,
} from '@passk/datasets';
import {
  createCppLanguage,
  createCsharpLanguage,
  createDLanguage,
  createGoLanguage,
  createJavaLanguage,
  createJavaScriptLanguage,
  createJuliaLanguage,
  createLuaLanguage,
  createPerlLanguage,
  createPhpLanguage,
  createPythonLanguage,
  createRacketLanguage,
  createRLanguage,
  createRubyLanguage,
  createRustLanguage,
  createScalaLanguage,
  createShellLanguage,
  createSwiftLanguage,
  createTypeScriptLanguage,
} from '@passk/languages';
import {
  type AiSdkProviderKind,
  type AiSdkProviderOptions,
  createAiSdkProvider,
  createCommandAgentProvider,
  createRecordedAgent,
  createReferenceProvider,
  createReplayProvider,
  type ReplayProvider,
} from '@passk/providers';

/** A registry entry for a model backend on the `ai` SDK; settings come from the model flags. */
function modelEntry(kind: AiSdkProviderKind, description: string) {
  return {
    create: (model: string | undefined, settings?: Readonly<Record<string, unknown>>) =>
      createAiSdkProvider({
        ...(settings as Omit<AiSdkProviderOptions, 'kind' | 'model'>),
        kind,
        model: model ?? '',
      }),
    description,
    argument: 'model',
  };
}

/** The plugins the `passk` command knows, by id. */
export function createBuiltinRegistry(): Registry {
  return createRegistry({
    datasets: {
      demo: {
        create: () => createDemoDataset(),
        description: 'bundled offline demo (36 Python problems)',
      },
      humaneval: {
        create: () => createHumanEvalDataset(),
        description: 'OpenAI HumanEval (164 Python problems)',
      },
      'humaneval-plus': {
        create: () => createHumanEvalPlusDataset(),
        description: 'HumanEval+ v0.1.10 (EvalPlus, 164 problems, base and plus verdicts)',
      },
      'humaneval-plus-mini': {
        create: () => createHumanEvalPlusDataset({ variant: 'mini' }),
        description: 'HumanEval+ v0.1.10 Mini (reduced plus inputs)',
      },
      'humaneval-plus-noextreme': {
        create: () => createHumanEvalPlusDataset({ variant: 'noextreme' }),
        description: 'HumanEval+ v0.1.10 without extreme inputs',
      },
      'humaneval-plus-v0.1.9': {
        create: () => createHumanEvalPlusDataset({ variant: 'v0.1.9' }),
        description: 'HumanEval+ v0.1.9, scored as in 2024 (1 s minimum limit)',
      },
      mbpp: {
        create: () => createMbppDataset(),
        description: 'MBPP test split (500 Python problems, bigcode rules)',
      },
      'mbpp-plus': {
        create: () => createMbppPlusDataset(),
        description: 'MBPP+ v0.2.0 (EvalPlus, 378 problems, base and plus verdicts)',
      },
      'mbpp-plus-noextreme': {
        create: () => createMbppPlusDataset({ variant: 'noextreme' }),
        description: 'MBPP+ v0.2.0 without extreme inputs',
      },
      'mbpp-plus-v0.1.0': {
        create: () => createMbppPlusDataset({ variant: 'v0.1.0' }),
        description:
          'MBPP+ v0.1.0 (399 problems), scored as in 2024 (its oracles, 1 s minimum limit)',
      },
      jsonl: {
        create: (path) => createJsonlDataset(path as string),
        description: 'custom problems in human-eval format',
        argument: 'path',
      },
      'humaneval-x': {
        create: (_argument, settings) =>
          createHumanEvalXMultiLanguageDataset(languageSelection(settings)),
        description: `HumanEval-X in several languages as one run (--languages ${HUMANEVAL_X_LANGUAGES.join(',')} or all; default all)`,
      },
      ...Object.fromEntries(
        HUMANEVAL_X_LANGUAGES.map((language) => [
          `humaneval-x/${language}`,
          {
            create: () => createHumanEvalXDataset(language),
            description: `HumanEval-X ${language} (164 problems, CodeGeeX)`,
          },
        ]),
      ),
      'multipl-e': {
        create: (_argument, settings) =>
          createMultiplEMultiLanguageDataset(languageSelection(settings)),
        description:
          'MultiPL-E HumanEval in several languages as one run (--languages cpp,lua,… or all; default all 19)',
      },
      ...multiplEDatasets(),
    },
    languages: {
      python: { create: () => createPythonLanguage(), description: 'Python 3' },
      csharp: { create: () => createCsharpLanguage(), description: 'C# (mono)' },
      d: { create: () => createDLanguage(), description: 'D (dmd or LDC)' },
      julia: { create: () => createJuliaLanguage(), description: 'Julia' },
      lua: { create: () => createLuaLanguage(), description: 'Lua 5.3 + luaunit' },
      perl: { create: () => createPerlLanguage(), description: 'Perl 5 + Test::Deep' },
      php: { create: () => createPhpLanguage(), description: 'PHP' },
      r: { create: () => createRLanguage(), description: 'R (Rscript)' },
      racket: { create: () => createRacketLanguage(), description: 'Racket + rackunit' },
      ruby: { create: () => createRubyLanguage(), description: 'Ruby + Test::Unit' },
      scala: { create: () => createScalaLanguage(), description: 'Scala 2' },
      shell: { create: () => createShellLanguage(), description: 'Bash' },
      swift: { create: () => createSwiftLanguage(), description: 'Swift' },
      javascript: { create: () => createJavaScriptLanguage(), description: 'JavaScript (Node.js)' },
      typescript: {
        create: () => createTypeScriptLanguage(),
        description: 'TypeScript (tsc + Node.js)',
      },
      cpp: { create: () => createCppLanguage(), description: 'C++ (g++)' },
      java: { create: () => createJavaLanguage(), description: 'Java (OpenJDK)' },
      go: { create: () => createGoLanguage(), description: 'Go' },
      rust: { create: () => createRustLanguage(), description: 'Rust (rustc)' },
    },
    providers: {
      reference: {
        create: () => createReferenceProvider(),
        description: "the dataset's reference solutions (positive control)",
      },
      replay: {
        create: (path) => createReplayProvider({ path: path as string }),
        description: 'replay a samples file as model output',
        argument: 'samples.jsonl',
      },
      command: {
        create: (path) => createCommandAgentProvider(path as string),
        description:
          'with --agent: your own agent program, run once per attempt in a fresh directory (see the README, Benchmarking agents)',
        argument: 'executable',
      },
      demo: {
        create: () => createDemoProvider(),
        description:
          'an offline stand-in model with recorded answers (and, with --agent, recorded agent attempts) for the demo benchmark',
      },
      openai: modelEntry(
        'openai',
        'OpenAI API (responses, chat completions, completions); OPENAI_API_KEY',
      ),
      anthropic: modelEntry('anthropic', 'Anthropic messages API; ANTHROPIC_API_KEY'),
      google: modelEntry('google', 'Google Gemini API; GOOGLE_GENERATIVE_AI_API_KEY'),
      'openai-compatible': modelEntry(
        'openai-compatible',
        'any OpenAI-compatible server (vLLM, llama.cpp, LM Studio, TGI) with --base-url',
      ),
      ollama: modelEntry('ollama', 'a local Ollama server (default http://127.0.0.1:11434)'),
    },
  });
}

/** The demo model: replays the demo answers, and with `--agent` the recorded agent attempts. */
function createDemoProvider(): ReplayProvider {
  const replay = createReplayProvider({ path: DEMO_SAMPLES_PATH, id: 'demo', model: 'demo' });
  const agent = createRecordedAgent(DEMO_AGENT_PATH);
  return {
    ...replay,
    respond: (request) => agent.respond(request),
  };
}

/** The `languages` setting of a multi-language dataset (passk language ids), if any. */
function languageSelection(settings: Readonly<Record<string, unknown>> | undefined): {
  languages?: readonly string[];
} {
  const languages = settings?.languages;
  return Array.isArray(languages) && languages.every((entry) => typeof entry === 'string')
    ? { languages }
    : {};
}

/** `multipl-e/<code>` for each of MultiPL-E's 19 HumanEval languages. */
function multiplEDatasets(): Record<string, PluginEntry<Dataset>> {
  return Object.fromEntries(
    MULTIPL_E_LANGUAGES.map((language) => [
      `multipl-e/${language.code}`,
      {
        create: () => createMultiplEDataset(language.code),
        description: `MultiPL-E HumanEval in ${language.code} (reworded)`,
      },
    ]),
  );
}
