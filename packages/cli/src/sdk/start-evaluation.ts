import {
  createRunHandle,
  type RunEvaluationOptions,
  type RunHandle,
  type RunOutcome,
  runEvaluation,
} from '@passk/core';

/**
 * Starts `runEvaluation` with the settings `settings()` returns. A throw there (bad options,
 * unknown ids) becomes a handle that rejects with it, so every SDK run call reports errors
 * one way: through the handle.
 */
export function startEvaluation(settings: () => RunEvaluationOptions): RunHandle<RunOutcome> {
  let options: RunEvaluationOptions;
  try {
    options = settings();
  } catch (error) {
    return createRunHandle(() => Promise.reject(error));
  }
  return runEvaluation(options);
}
