export {
  createRegistry,
  type PluginEntry,
  type PluginFactory,
  type PluginSettings,
  type Registry,
  type RegistryInput,
} from './create-registry.ts';
export {
  defineDataset,
  defineLanguage,
  defineProvider,
  type InlineDatasetDefinition,
} from './define.ts';
