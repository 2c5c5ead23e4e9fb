import { createRegistry, type Registry } from '@passk/core';
import {
  createDemoDataset,
  createHumanEvalDataset,
  createHumanEvalXDataset,
  createJsonlDataset,
  DEMO_SAMPLES_PATH,
  HUMANEVAL_X_LANGUAGES,
} from '@passk/datasets';
import {
  createCppLanguage,
  createGoLanguage,
  createJavaLanguage,
  createJavaScriptLanguage,
  createPythonLanguage,
  createRustLanguage,
  createTypeScriptLanguage,
} from '@passk/languages';
import { createReferenceProvider, createReplayProvider } from '@passk/providers';

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
      jsonl: {
        create: (path) => createJsonlDataset(path as string),
        description: 'custom problems in human-eval format',
        argument: 'path',
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
    },
    languages: {
      python: { create: () => createPythonLanguage(), description: 'Python 3' },
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
      demo: {
        create: () => createReplayProvider({ path: DEMO_SAMPLES_PATH, id: 'demo', model: 'demo' }),
        description: 'an offline stand-in model with recorded answers to the demo benchmark',
      },
    },
  });
}
