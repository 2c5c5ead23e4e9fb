import { UnknownIdError } from '../errors/unknown-id-error.ts';
import { UsageError } from '../errors/usage-error.ts';
import type { Dataset } from '../spec/dataset.ts';
import type { Language } from '../spec/language.ts';
import type { Provider } from '../spec/provider.ts';

/**
 * Creates a plugin from the part of an id after its prefix: for `replay:samples.jsonl` the
 * `replay` factory receives `samples.jsonl`; for `humaneval` it receives `undefined`.
 */
export type PluginFactory<T> = (argument: string | undefined, settings?: PluginSettings) => T;

/**
 * Settings from the command line or the caller for a plugin (a model's base URL, API key
 * lookup, streaming); each plugin documents and validates the ones it reads.
 */
export type PluginSettings = Readonly<Record<string, unknown>>;

/** A factory plus what `passk datasets` and help texts show about it. */
export interface PluginEntry<T> {
  readonly create: PluginFactory<T>;
  /** One line for listings. */
  readonly description: string;
  /** Whether the id needs an argument after `:` (and what it is, for messages). */
  readonly argument?: string;
}

/** The plugins a run can use, addressed by string id. */
export interface RegistryInput {
  readonly datasets: Readonly<Record<string, PluginEntry<Dataset>>>;
  readonly languages: Readonly<Record<string, PluginEntry<Language>>>;
  readonly providers: Readonly<Record<string, PluginEntry<Provider>>>;
}

/** Resolves ids to plugins; unknown ids fail with the list of known ones. */
export interface Registry {
  readonly input: RegistryInput;
  /**
   * The dataset for `id`, created with `settings` (the multi-language datasets `multipl-e` and
   * `humaneval-x` read `languages`: the passk language ids to load, default all).
   */
  dataset(id: string, settings?: PluginSettings): Dataset;
  language(id: string): Language;
  /** The provider for `id`, created with `settings` (see `PluginSettings`). */
  provider(id: string, settings?: PluginSettings): Provider;
}

/** Builds a registry from explicit plugin tables. No scanning, no globals. */
export function createRegistry(input: RegistryInput): Registry {
  const languageCache = new Map<string, Language>();
  return {
    input,
    dataset: (id, settings) => resolve('dataset', input.datasets, id, settings),
    provider: (id, settings) => resolve('model', input.providers, id, settings),
    language(id) {
      const cached = languageCache.get(id);
      if (cached) return cached;
      for (const [key, entry] of Object.entries(input.languages)) {
        const language = languageCache.get(key) ?? entry.create(undefined);
        languageCache.set(key, language);
        if (key === id || language.id === id || language.aliases.includes(id)) {
          languageCache.set(id, language);
          return language;
        }
      }
      throw new UnknownIdError({
        kind: 'language',
        requested: id,
        known: Object.keys(input.languages),
      });
    },
  };
}

function resolve<T>(
  kind: string,
  table: Readonly<Record<string, PluginEntry<T>>>,
  id: string,
  settings?: PluginSettings,
): T {
  const colon = id.indexOf(':');
  const prefix = colon === -1 ? id : id.slice(0, colon);
  const argument = colon === -1 ? undefined : id.slice(colon + 1);
  const entry = Object.hasOwn(table, prefix) ? table[prefix] : undefined;
  if (!entry) {
    const known = Object.entries(table).map(([key, value]) =>
      value.argument ? `${key}:<${value.argument}>` : key,
    );
    throw new UnknownIdError({ kind, requested: id, known });
  }
  if (entry.argument && !argument) {
    throw new UsageError({
      message: `${kind} '${id}' needs an argument: ${prefix}:<${entry.argument}>`,
    });
  }
  if (!entry.argument && argument !== undefined && kind === 'dataset') {
    throw new UsageError({
      message: `${kind} '${prefix}' takes no argument after ':' (got '${id}')`,
    });
  }
  return entry.create(argument, settings);
}
