import { wasi } from '@bjorn3/browser_wasi_shim';
import { describe, expect, it } from 'vitest';
import { fillPluginFolder, isSafeRelativePath, moduleFilesystem } from './fs.ts';
import { MemDir, MemFile, OpenMemDir, OpenMemFile, Quota } from './inode.ts';
import { LineSink } from './lines.ts';

const sink = new LineSink(() => {});
const RW = BigInt(wasi.RIGHTS_FD_READ | wasi.RIGHTS_FD_WRITE);
const RO = BigInt(wasi.RIGHTS_FD_READ);

function rootOf(stdlib = {}, quota?: number): OpenMemDir {
  const fs = moduleFilesystem(stdlib, sink.fd, sink.fd, quota);
  fs.setPluginFiles({ 'plugin.py': 'x = "é"\n', 'pkg/util.py': '', 'data/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
  return fs.fds[3] as OpenMemDir;
}

function open(root: OpenMemDir, path: string, oflags = 0, rights = RO): OpenMemFile {
  const { ret, fd_obj } = root.path_open(0, path, oflags, rights, 0n, 0);
  expect(ret, path).toBe(wasi.ERRNO_SUCCESS);
  return fd_obj as OpenMemFile;
}

const openErr = (root: OpenMemDir, path: string, oflags = 0, rights = RO) => root.path_open(0, path, oflags, rights, 0n, 0).ret;

describe('the tree the module sees', () => {
  it('one preopen "/" after stdio, holding plugin, lib and tmp', () => {
    const fs = moduleFilesystem({}, sink.fd, sink.fd);
    expect(fs.fds).toHaveLength(4);
    expect(fs.fds[3]!.fd_prestat_get().prestat?.inner.pr_name).toEqual(new TextEncoder().encode('/'));
    const root = rootOf();
    expect([...root.dir.entries.keys()]).toEqual(['plugin', 'lib', 'tmp']);
  });

  it('plugin files: text as UTF-8, bytes as they are, folders for nested paths', () => {
    const root = rootOf();
    expect(new TextDecoder().decode(open(root, 'plugin/plugin.py').fd_read(100).data)).toBe('x = "é"\n');
    expect(Array.from(open(root, 'plugin/data/logo.png').fd_read(100).data)).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(root.path_filestat_get(0, 'plugin/pkg').filestat?.filetype).toBe(wasi.FILETYPE_DIRECTORY);
  });

  it('a missing path anywhere is ENOENT; through a file, ENOTDIR', () => {
    const root = rootOf();
    for (const path of ['etc/app.conf', 'nowhere', 'plugin/missing.py', 'tmp/x/y', 'lib/x.zip', '../../etc/passwd']) {
      expect(openErr(root, path), path).toBe(wasi.ERRNO_NOENT);
      expect(root.path_filestat_get(0, path).ret, path).toBe(wasi.ERRNO_NOENT);
    }
    expect(openErr(root, 'plugin/plugin.py/x')).toBe(wasi.ERRNO_NOTDIR);
  });

  it('writing where it is not allowed is EROFS; /plugin and /tmp take writes', () => {
    const root = rootOf({ 'python311-core.zip': new Uint8Array([1, 2]) });
    expect(openErr(root, 'lib/python311-core.zip', 0, RW)).toBe(wasi.ERRNO_ROFS);
    expect(openErr(root, 'lib/new.txt', wasi.OFLAGS_CREAT, RW)).toBe(wasi.ERRNO_ROFS);
    expect(openErr(root, 'app.conf', wasi.OFLAGS_CREAT, RW)).toBe(wasi.ERRNO_ROFS);
    expect(root.path_create_directory('etc')).toBe(wasi.ERRNO_ROFS);
    expect(root.path_unlink_file('lib/python311-core.zip')).toBe(wasi.ERRNO_ROFS);
    expect(root.path_remove_directory('tmp')).toBe(wasi.ERRNO_ROFS);
    const out = open(root, 'plugin/out.txt', wasi.OFLAGS_CREAT, RW);
    expect(out.fd_write(new TextEncoder().encode('hi')).ret).toBe(wasi.ERRNO_SUCCESS);
    expect(root.path_filestat_get(0, 'plugin/out.txt').filestat?.size).toBe(2n);
    expect(root.path_create_directory('tmp/d')).toBe(wasi.ERRNO_SUCCESS);
    expect(open(root, 'tmp/d/f', wasi.OFLAGS_CREAT, RW).fd_write(new Uint8Array(3)).ret).toBe(wasi.ERRNO_SUCCESS);
    expect(root.path_remove_directory('tmp/d')).toBe(wasi.ERRNO_NOTEMPTY);
  });

  it("a plugin file written by the module is copied then, and the host's bytes stay as they were", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const folder = new MemDir(new Quota(100));
    fillPluginFolder(folder, { 'a.bin': bytes });
    const file = folder.entries.get('a.bin') as MemFile;
    const fd = new OpenMemFile(file, true, true, 0, RW, 0n);
    expect(fd.fd_write(new Uint8Array([9])).ret).toBe(wasi.ERRNO_SUCCESS);
    expect(Array.from(file.read(0, 10))).toEqual([9, 2, 3]);
    expect(Array.from(bytes)).toEqual([1, 2, 3]);
  });

  it('refuses unsafe paths and a path given as a file and a folder', () => {
    for (const path of ['/abs.py', '../up.py', 'a/../b.py', 'a\\b.py', 'nul\0.py', '', 'a//b.py', './a.py']) {
      expect(isSafeRelativePath(path), path).toBe(false);
      expect(() => fillPluginFolder(new MemDir(null), { [path]: '' }), path).toThrow(/invalid plugin file path/);
    }
    expect(() => fillPluginFolder(new MemDir(null), { 'a.py': '', 'a.py/b.py': '' })).toThrow(/runs through a file/);
    expect(isSafeRelativePath('pkg/util.py')).toBe(true);
  });

  it('loads a lazy stdlib file only when the module first reads it, and once', () => {
    let loads = 0;
    const root = rootOf({ 'eager.zip': new Uint8Array([1]), 'lazy.zip': () => (loads++, new Uint8Array([1, 2, 3])) });
    expect(loads).toBe(0);
    const lazy = open(root, 'lib/lazy.zip');
    expect(loads).toBe(0);
    expect(Array.from(lazy.fd_read(10).data)).toEqual([1, 2, 3]);
    expect(root.path_filestat_get(0, 'lib/lazy.zip').filestat?.size).toBe(3n);
    expect(loads).toBe(1);
  });

  it('rename moves entries, replaces a file, refuses read-only parts and a folder into itself', () => {
    const root = rootOf();
    open(root, 'tmp/a', wasi.OFLAGS_CREAT, RW).fd_write(new Uint8Array(5));
    open(root, 'tmp/b', wasi.OFLAGS_CREAT, RW).fd_write(new Uint8Array(7));
    const moved = root.path_unlink('tmp/a');
    expect(root.path_link('tmp/b', moved.inode_obj!, true)).toBe(wasi.ERRNO_SUCCESS);
    expect(root.path_filestat_get(0, 'tmp/b').filestat?.size).toBe(5n);
    expect(root.path_filestat_get(0, 'tmp/a').ret).toBe(wasi.ERRNO_NOENT);
    expect(root.path_unlink('lib').ret).toBe(wasi.ERRNO_ROFS);
    root.path_create_directory('tmp/d');
    const dir = root.path_unlink('tmp/d').inode_obj!;
    expect(root.path_link('lib/d', dir, true)).toBe(wasi.ERRNO_ROFS);
    expect(root.path_link('tmp/d', dir, true)).toBe(wasi.ERRNO_SUCCESS);
  });

  it('a directory listing is taken once per scan, with . and ..', () => {
    const root = rootOf();
    const dirFd = root.path_open(0, 'plugin', wasi.OFLAGS_DIRECTORY, RO, 0n, 0).fd_obj as OpenMemDir;
    const names: string[] = [];
    for (let cookie = 0n; ; cookie++) {
      const { dirent } = dirFd.fd_readdir_single(cookie);
      if (dirent === null) break;
      names.push(new TextDecoder().decode(dirent.dir_name));
    }
    expect(names).toEqual(['.', '..', 'plugin.py', 'pkg', 'data']);
  });
});

describe('quota and growth', () => {
  it('writes past the quota fail with ENOSPC; deleting gives the space back', () => {
    const root = rootOf({}, 10_000);
    const f = open(root, 'tmp/big', wasi.OFLAGS_CREAT, RW);
    expect(f.fd_write(new Uint8Array(6000)).ret).toBe(wasi.ERRNO_SUCCESS);
    const g = open(root, 'plugin/other', wasi.OFLAGS_CREAT, RW);
    expect(g.fd_write(new Uint8Array(4000)).ret).toBe(wasi.ERRNO_SUCCESS);
    expect(g.fd_write(new Uint8Array(1)).ret).toBe(wasi.ERRNO_NOSPC);
    expect(f.fd_filestat_set_size(20_000n)).toBe(wasi.ERRNO_NOSPC);
    expect(root.path_unlink_file('tmp/big')).toBe(wasi.ERRNO_SUCCESS);
    expect(g.fd_write(new Uint8Array(5000)).ret).toBe(wasi.ERRNO_SUCCESS);
  });

  it('64 MiB in 4 KiB writes takes linear time (a doubling buffer, no copy per write)', () => {
    const root = rootOf();
    const f = open(root, 'tmp/stream', wasi.OFLAGS_CREAT, RW);
    const chunk = new Uint8Array(4096).fill(7);
    const t0 = performance.now();
    for (let i = 0; i < (64 * 1024 * 1024) / 4096; i++) expect(f.fd_write(chunk).nwritten).toBe(4096);
    const ms = performance.now() - t0;
    console.info(`64 MiB in 4 KiB writes: ${ms.toFixed(0)} ms`);
    expect(root.path_filestat_get(0, 'tmp/stream').filestat?.size).toBe(64n * 1024n * 1024n);
    // The shim's OpenFile copies the whole file per growing write: minutes for this. Ours: well under 2 s.
    expect(ms).toBeLessThan(2000);
  });

  it('a seek past the end then a write leaves zeros in the gap, also after a shrink', () => {
    const root = rootOf();
    const f = open(root, 'tmp/sparse', wasi.OFLAGS_CREAT, RW);
    f.fd_write(new Uint8Array([1, 1, 1, 1]));
    f.fd_filestat_set_size(1n);
    f.fd_seek(3n, wasi.WHENCE_SET);
    f.fd_write(new Uint8Array([2]));
    expect(Array.from(f.fd_pread(10, 0n).data)).toEqual([1, 0, 0, 2]);
  });
});
