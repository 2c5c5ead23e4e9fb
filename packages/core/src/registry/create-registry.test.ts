import { describe, expect, it } from 'vitest';
import type { Dataset } from '../spec/dataset.ts';
import { createRegistry } from './create-registry.ts';

const dataset = (id: string) => ({ id }) as unknown as Dataset;

describe('createRegistry', () => {
  const registry = createRegistry({
    datasets: {
      demo: { create: () => dataset('demo'), description: 'demo' },
      jsonl: { create: (path) => dataset(`jsonl:${path}`), description: 'file', argument: 'path' },
    },
    languages: {},
    providers: {},
  });

  it('resolves plain and parametric ids', () => {
    expect(registry.dataset('demo').id).toBe('demo');
    expect(registry.dataset('jsonl:/tmp/a:b.jsonl').id).toBe('jsonl:/tmp/a:b.jsonl');
  });

  it('fails fast on an unknown id, listing the known ones', () => {
    expect(() => registry.dataset('humaneva')).toThrow(
      "unknown dataset 'humaneva'; known datasets: demo, jsonl:<path>",
    );
    expect(() => registry.language('cobol')).toThrow("unknown language 'cobol'");
  });

  it('requires the argument of a parametric id', () => {
    expect(() => registry.dataset('jsonl')).toThrow('needs an argument: jsonl:<path>');
  });
});
