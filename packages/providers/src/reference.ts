import { defineProvider, type Provider } from '@passk/core';
import { missingSample } from './internal/failed-generation.ts';

/**
 * Answers every request with the dataset's reference solution: a positive control that
 * must score 100% (except tasks the dataset documents as broken).
 */
export function createReferenceProvider(): Provider {
  return defineProvider({
    id: 'reference',
    model: 'reference',
    cacheable: false,
    async generate({ problem }) {
      if (problem.referenceCompletion === undefined) {
        return missingSample(`${problem.id} has no reference solution`);
      }
      return {
        text: problem.referenceCompletion,
        completion: problem.referenceCompletion,
        kind: 'completion',
        finishReason: 'reference',
        latencyMs: 0,
      };
    },
  });
}
