import { createRegistry, type Registry } from '@passk/core';
import {
  createDemoDataset,
  createHumanEvalDataset,
  createHumanEvalPlusDataset,
  createJsonlDataset,
  createMbppDataset,
  createMbppPlusDataset,
  DEMO_SAMPLES_PATH,
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
