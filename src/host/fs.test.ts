import { Directory, File } from '@bjorn3/browser_wasi_shim';
import { describe, expect, it } from 'vitest';
import { descriptorTable, isSafeRelativePath, pluginTree } from './fs.ts';
import { LineSink } from './lines.ts';

describe('pluginTree', () => {
  it('makes folders for nested paths and keeps UTF-8 bytes', () => {
    const tree = pluginTree({ 'plugin.py': 'x = "é"\n', 'pkg/util.py': '' });
    const pkg = tree.get('pkg');
    expect(pkg).toBeInstanceOf(Directory);
    expect((pkg as Directory).contents.get('util.py')).toBeInstanceOf(File);
    expect(() => pluginTree({ 'a.py': '', 'a.py/b.py': '' })).toThrow(/runs through a file/);
    expect(new TextDecoder().decode((tree.get('plugin.py') as File).data)).toBe('x = "é"\n');
  });

  it('refuses unsafe paths', () => {
    for (const path of ['/abs.py', '../up.py', 'a/../b.py', 'a\\b.py', 'nul\0.py', '', 'a//b.py', './a.py']) {
      expect(isSafeRelativePath(path), path).toBe(false);
      expect(() => pluginTree({ [path]: '' }), path).toThrow(/invalid plugin file path/);
    }
    expect(isSafeRelativePath('pkg/util.py')).toBe(true);
  });
});

describe('descriptorTable', () => {
  it('loads a lazy stdlib file only when the module first reads it, and once', () => {
    let loads = 0;
    const sink = new LineSink(() => {});
    const fds = descriptorTable({ 'eager.zip': new Uint8Array([1]), 'lazy.zip': () => (loads++, new Uint8Array([1, 2, 3])) }, sink.fd, sink.fd);
    expect(fds).toHaveLength(6);
    expect(loads).toBe(0);
    const lib = fds[4] as unknown as { dir: Directory };
    const lazy = lib.dir.contents.get('lazy.zip') as File;
    expect(lazy.size).toBe(3n);
    expect(Array.from(lazy.data)).toEqual([1, 2, 3]);
    expect(loads).toBe(1);
  });
});
