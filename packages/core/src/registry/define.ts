import type { Dataset } from '../spec/dataset.ts';
import type { Language } from '../spec/language.ts';
import type { Provider } from '../spec/provider.ts';

/** Identity helper that types a dataset plugin. */
export function defineDataset<T extends Dataset>(dataset: T): T {
  return dataset;
}

/** Identity helper that types a language plugin. */
export function defineLanguage<T extends Language>(language: T): T {
  return language;
}

/** Identity helper that types a provider plugin. */
export function defineProvider<T extends Provider>(provider: T): T {
  return provider;
}
