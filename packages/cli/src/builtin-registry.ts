import { createRegistry, type Dataset, type PluginEntry, type Registry } from '@passk/core';
import {
  createDemoDataset,
  createHumanEvalDataset,
  createJsonlDataset,
  createMultiplEDataset,
  DEMO_SAMPLES_PATH,
  MULTIPL_E_LANGUAGES,
} from '@passk/datasets';
import { createPythonLanguage } from '@passk/languages';
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
      ...multiplEDatasets(),
    },
    languages: {
      python: { create: () => createPythonLanguage(), description: 'Python 3' },
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
