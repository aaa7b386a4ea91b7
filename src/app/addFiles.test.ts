import { describe, expect, it } from 'vitest';
import { MAX_TOTAL_BYTES } from '../playground/document.ts';
import { addFiles, fileContent, fromFileList, isTextName, unwrapPluginFolder, type Incoming } from './addFiles.ts';

const utf8 = new TextEncoder();
const item = (path: string, content: string | Uint8Array): Incoming => {
  const bytes = typeof content === 'string' ? utf8.encode(content) : content;
  return { path, size: bytes.length, bytes: async () => bytes };
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('text or bytes', () => {
  it('reads text-like names that hold UTF-8 as text, the rest as bytes', () => {
    expect(fileContent('a.py', utf8.encode('print("é")\n'))).toBe('print("é")\n');
    expect(fileContent('data/x.CSV', utf8.encode('a,b\n'))).toBe('a,b\n');
    expect(fileContent('LICENSE', utf8.encode('MIT'))).toBe('MIT');
    // A text name with bytes that are not UTF-8, or hold NUL, stays bytes.
    expect(fileContent('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBeInstanceOf(Uint8Array);
    expect(fileContent('nul.txt', new Uint8Array([0x61, 0, 0x62]))).toBeInstanceOf(Uint8Array);
    // Valid UTF-8 under a binary name stays bytes: a .bin or .png is not for editing.
    expect(fileContent('x.bin', utf8.encode('hello'))).toEqual(utf8.encode('hello'));
    expect(fileContent('img.png', PNG)).toEqual(PNG);
    expect(isTextName('.env')).toBe(true);
    expect(isTextName('model.onnx')).toBe(false);
  });
});

describe('adding files', () => {
  const base = { 'plugin.py': 'import sdk\n', 'helpers.py': 'X = 1\n' };

  it('adds text and binary files, replaces an existing path and skips litter', async () => {
    const out = await addFiles(base, [
      item('img.png', PNG),
      item('helpers.py', 'X = 2\n'),
      item('pkg/__init__.py', ''),
      item('pkg/.DS_Store', PNG),
      item('pkg/__pycache__/a.pyc', PNG),
    ]);
    expect(out.added).toEqual(['img.png', 'pkg/__init__.py']);
    expect(out.replaced).toEqual(['helpers.py']);
    expect(out.skipped).toBe(2);
    expect(out.refused).toEqual([]);
    expect(out.files['img.png']).toEqual(PNG);
    expect(out.files['helpers.py']).toBe('X = 2\n');
    expect(out.files['pkg/__init__.py']).toBe('');
  });

  it('refuses bad names and clashes one by one, with a reason each, and keeps the rest', async () => {
    const out = await addFiles({ ...base, data: 'text' }, [
      item('a\\b.txt', 'x'),
      item('data/inner.txt', 'x'),
      item('helpers.py/x.txt', 'x'),
      item('bell\x07.txt', 'x'),
      item('ok.txt', 'fine'),
    ]);
    expect(out.added).toEqual(['ok.txt']);
    expect(out.refused.map((r) => r.path)).toEqual(['a\\b.txt', 'data/inner.txt', 'helpers.py/x.txt', 'bell\x07.txt']);
    expect(out.refused[0]!.reason).toMatch(/use \//);
    expect(out.refused[1]!.reason).toMatch(/data is a file/);
    expect(out.refused[3]!.reason).toMatch(/control character/);
    // A file named like an existing folder is refused too.
    const again = await addFiles(out.files, [item('ok.txt/deeper', 'x')]);
    expect(again.refused).toHaveLength(1);
    const folder = await addFiles({ ...base, 'pkg/a.py': '' }, [item('pkg', 'x')]);
    expect(folder.refused[0]!.reason).toMatch(/is a folder/);
  });

  it('refuses what would pass the size cap without reading it', async () => {
    let read = false;
    const huge: Incoming = { path: 'big.bin', size: MAX_TOTAL_BYTES, bytes: async () => ((read = true), new Uint8Array(0)) };
    const out = await addFiles(base, [huge, item('small.bin', PNG)]);
    expect(read).toBe(false);
    expect(out.refused[0]).toMatchObject({ path: 'big.bin', reason: expect.stringMatching(/64 MiB/) });
    expect(out.added).toEqual(['small.bin']);
  });

  it('a picked plugin folder lands at the root; a package folder keeps its name', () => {
    const plugin = [item('my-plugin/plugin.py', ''), item('my-plugin/lib/x.py', '')];
    expect(unwrapPluginFolder(plugin).map((i) => i.path)).toEqual(['plugin.py', 'lib/x.py']);
    const pkg = [item('pkg/__init__.py', ''), item('pkg/plugin_helpers.py', '')];
    expect(unwrapPluginFolder(pkg).map((i) => i.path)).toEqual(['pkg/__init__.py', 'pkg/plugin_helpers.py']);
  });

  it('reads File objects with their relative paths', async () => {
    const file = new File([PNG], 'img.png');
    const [incoming] = fromFileList([file]);
    expect(incoming!.path).toBe('img.png');
    expect(await incoming!.bytes()).toEqual(PNG);
  });
});
