export {
  parseSamples,
  readSamplesFile,
  type SampleInput,
  type SamplesFile,
} from './read-samples-file.ts';
export { samplesForProblem } from './samples-for-problem.ts';
