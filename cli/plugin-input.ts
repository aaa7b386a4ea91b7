// What `--plugin-root` names: a plugin folder, or a playground zip (the page's Download), whose
// cases `se2 test` runs when no --cases is given.
import type { PluginFiles } from '../src/host/index.ts';
import type { TestCase } from '../src/playground/document.ts';
import { playgroundFromZip } from '../src/playground/zip.ts';
import { InputError, readBytes, readPluginFolder } from './inputs.ts';

export interface PluginInput {
  files: PluginFiles;
  /** The zip's cases.json; null for a folder. */
  cases: TestCase[] | null;
}

export async function readPluginInput(root: string): Promise<PluginInput> {
  if (!root.toLowerCase().endsWith('.zip')) return { files: await readPluginFolder(root), cases: null };
  const opened = playgroundFromZip(await readBytes(root, 'plugin zip'));
  if (!opened.ok) throw new InputError(`plugin zip ${root}: ${opened.error}`);
  return { files: opened.value.files, cases: opened.value.cases ?? [] };
}
