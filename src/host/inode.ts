// The module's in-memory filesystem: our own Inode/Fd subclasses of @bjorn3/browser_wasi_shim
// (its extension point). Written for what the shim's File/OpenFile/OpenDirectory do not give:
// growth linear in the bytes written (a doubling buffer, where the shim copies the whole file on
// every growing write), a listing taken once per directory scan (the shim rebuilds it per entry),
// a size quota (ENOSPC), read-only parts (EROFS), time stamps, and ENOENT for any missing path.
import { Fd, Inode, wasi } from '@bjorn3/browser_wasi_shim';

/** The writable space of one instance (/plugin and /tmp share it): bytes of file data written. */
export class Quota {
  used = 0;
  constructor(readonly limit: number) {}
  /** Takes `bytes` more, or answers false when that would pass the limit. */
  take(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }
  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
  get free(): number {
    return this.limit - this.used;
  }
}

const now = (): bigint => BigInt(Date.now()) * 1_000_000n;

/**
 * File status with its time stamps. The shim's Filestat.write_bytes puts atim/mtim/ctim at
 * offsets 38/46/52 (WASI's layout has 40/48/56), so it leaves the times 0; this writes the layout
 * of wasi_snapshot_preview1's `filestat` itself.
 */
class Stat extends wasi.Filestat {
  constructor(ino: bigint, filetype: number, size: bigint, nlink: bigint, times: Times) {
    super(ino, filetype, size);
    this.nlink = nlink;
    this.atim = times.atim;
    this.mtim = times.mtim;
    this.ctim = times.ctim;
  }
  override write_bytes(view: DataView, ptr: number): void {
    view.setBigUint64(ptr, this.dev, true);
    view.setBigUint64(ptr + 8, this.ino, true);
    view.setUint8(ptr + 16, this.filetype);
    view.setBigUint64(ptr + 24, this.nlink, true);
    view.setBigUint64(ptr + 32, this.size, true);
    view.setBigUint64(ptr + 40, this.atim, true);
    view.setBigUint64(ptr + 48, this.mtim, true);
    view.setBigUint64(ptr + 56, this.ctim, true);
  }
}

interface Times {
  atim: bigint;
  mtim: bigint;
  ctim: bigint;
}

function setTimes(times: Times, atim: bigint, mtim: bigint, flags: number): void {
  const t = now();
  if (flags & wasi.FSTFLAGS_ATIM) times.atim = atim;
  else if (flags & wasi.FSTFLAGS_ATIM_NOW) times.atim = t;
  if (flags & wasi.FSTFLAGS_MTIM) times.mtim = mtim;
  else if (flags & wasi.FSTFLAGS_MTIM_NOW) times.mtim = t;
  times.ctim = t;
}

/** Every right: directories pass all of them on, so the rights wasi-libc asks for at open say
 * exactly whether it means to read or write (they are computed as `wanted & inherited`). */
const ALL_RIGHTS = (1n << 29n) - 1n;
const WRITE = BigInt(wasi.RIGHTS_FD_WRITE);
const READ = BigInt(wasi.RIGHTS_FD_READ);

export type Node = MemFile | MemDir;

/** A regular file. Its bytes may be the host's (a plugin file, a stdlib zip): they are copied on
 * the first write, never before. `load` makes the bytes lazy (a zip fetched on first read). */
export class MemFile extends Inode implements Times {
  private bytes: Uint8Array;
  private load: (() => Uint8Array) | null;
  private owned = false;
  private loadedSize = 0;
  /** Bytes of this file charged to the quota (growth the module wrote; the host's bytes are free). */
  private charged = 0;
  nlink = 0;
  atim: bigint;
  mtim: bigint;
  ctim: bigint;

  constructor(
    source: Uint8Array | (() => Uint8Array),
    /** The quota of the writable space this file is in, or null for a read-only file. */
    readonly quota: Quota | null,
    time = now(),
  ) {
    super();
    this.atim = this.mtim = this.ctim = time;
    if (source instanceof Uint8Array) {
      this.bytes = source;
      this.load = null;
      this.loadedSize = source.byteLength;
    } else {
      this.bytes = new Uint8Array(0);
      this.load = source;
    }
  }

  get writable(): boolean {
    return this.quota !== null;
  }

  private data(): Uint8Array {
    if (this.load !== null) {
      this.bytes = this.load();
      this.loadedSize = this.bytes.byteLength;
      this.load = null;
    }
    return this.bytes;
  }

  get size(): number {
    this.data();
    return this.loadedSize;
  }

  stat(): wasi.Filestat {
    return new Stat(this.ino, wasi.FILETYPE_REGULAR_FILE, BigInt(this.size), BigInt(Math.max(this.nlink, 1)), this);
  }

  read(offset: number, length: number): Uint8Array {
    const data = this.data();
    const end = Math.min(this.loadedSize, offset + length);
    // A view, not a copy: the shim copies it into the module's memory at once.
    return offset >= end ? new Uint8Array(0) : data.subarray(offset, end);
  }

  /** Makes room for `end` bytes: doubling, so a file grown by many small writes costs linear time. */
  private reserve(end: number): number {
    const data = this.data();
    if (this.owned && end <= data.byteLength) return wasi.ERRNO_SUCCESS;
    const room = this.loadedSize + (this.quota?.free ?? 0);
    const capacity = Math.max(end, Math.min(Math.max(data.byteLength * 2, 4096), room));
    let grown: Uint8Array;
    try {
      grown = new Uint8Array(capacity);
    } catch {
      return wasi.ERRNO_NOMEM;
    }
    grown.set(data.subarray(0, this.loadedSize));
    this.bytes = grown;
    this.owned = true;
    return wasi.ERRNO_SUCCESS;
  }

  /** Changes the size to `size`, charging or releasing the quota. */
  resize(size: number): number {
    if (this.quota === null) return wasi.ERRNO_ROFS;
    const old = this.size;
    if (size > old) {
      if (!this.quota.take(size - old)) return wasi.ERRNO_NOSPC;
      const ret = this.reserve(size);
      if (ret !== wasi.ERRNO_SUCCESS) {
        this.quota.give(size - old);
        return ret;
      }
      this.charged += size - old;
    } else if (size < old) {
      if (this.owned)
        this.bytes.fill(0, size, old); // later growth must read zeros
      else this.bytes = this.bytes.subarray(0, size);
      const back = Math.min(this.charged, old - size);
      this.quota.give(back);
      this.charged -= back;
    }
    this.loadedSize = size;
    this.mtim = this.ctim = now();
    return wasi.ERRNO_SUCCESS;
  }

  write(offset: number, chunk: Uint8Array): number {
    if (this.quota === null) return wasi.ERRNO_ROFS;
    const end = offset + chunk.byteLength;
    if (end > this.size) {
      const ret = this.resize(end);
      if (ret !== wasi.ERRNO_SUCCESS) return ret;
    } else {
      const ret = this.reserve(end);
      if (ret !== wasi.ERRNO_SUCCESS) return ret;
    }
    this.bytes.set(chunk, offset);
    this.mtim = this.ctim = now();
    return wasi.ERRNO_SUCCESS;
  }

  /** The last name of this file went away: its quota is free again. */
  unlinked(): void {
    this.nlink = Math.max(0, this.nlink - 1);
    if (this.nlink === 0 && this.quota !== null) {
      this.quota.give(this.charged);
      this.charged = 0;
    }
  }

  path_open(): { ret: number; fd_obj: Fd | null } {
    return { ret: wasi.ERRNO_NOTSUP, fd_obj: null }; // opened through OpenMemDir.path_open only
  }
}

/** A folder. A read-only one refuses new, removed and renamed entries with EROFS. */
export class MemDir extends Inode implements Times {
  readonly entries = new Map<string, Node>();
  parent: MemDir | null = null;
  atim: bigint;
  mtim: bigint;
  ctim: bigint;

  constructor(
    /** The quota of the writable space this folder is in, or null for a read-only folder. */
    readonly quota: Quota | null,
    time = now(),
  ) {
    super();
    this.atim = this.mtim = this.ctim = time;
  }

  get writable(): boolean {
    return this.quota !== null;
  }

  /** Adds `node` as `name` (replacing nothing: the caller checked). */
  link(name: string, node: Node): void {
    this.entries.set(name, node);
    if (node instanceof MemDir) node.parent = this;
    else node.nlink++;
    this.mtim = this.ctim = now();
  }

  unlink(name: string): void {
    const node = this.entries.get(name);
    this.entries.delete(name);
    if (node instanceof MemFile) node.unlinked();
    this.mtim = this.ctim = now();
  }

  stat(): wasi.Filestat {
    return new Stat(this.ino, wasi.FILETYPE_DIRECTORY, 0n, 1n, this);
  }

  path_open(): { ret: number; fd_obj: Fd | null } {
    return { ret: wasi.ERRNO_NOTSUP, fd_obj: null }; // opened through OpenMemDir.path_open only
  }
}

/** Where a path leads: the folder that holds (or would hold) its last part, and the node if any. */
interface Found {
  ret: number;
  parent: MemDir | null;
  name: string;
  node: Node | null;
  /** The path ended with '/': it must name a folder. */
  dirOnly: boolean;
}

/** Walks `path` from `start`. `..` goes up (staying put at the root), `.` and empty parts are
 * skipped. A path that names a folder itself (`.`, `a/..`) gives name '.' and that folder. */
function walk(start: MemDir, path: string): Found {
  const fail = (ret: number): Found => ({ ret, parent: null, name: '', node: null, dirOnly: false });
  if (path === '') return fail(wasi.ERRNO_NOENT);
  if (path.includes('\0')) return fail(wasi.ERRNO_INVAL);
  let dir = start;
  if (path.startsWith('/')) while (dir.parent !== null) dir = dir.parent;
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  const dirOnly = path === '.' || path.endsWith('/') || path.endsWith('/.');
  for (const part of parts.slice(0, -1)) {
    if (part === '..') {
      dir = dir.parent ?? dir;
      continue;
    }
    const next = dir.entries.get(part);
    if (next === undefined) return fail(wasi.ERRNO_NOENT);
    if (!(next instanceof MemDir)) return fail(wasi.ERRNO_NOTDIR);
    dir = next;
  }
  const name = parts[parts.length - 1];
  if (name === undefined || name === '..') {
    const itself = name === undefined ? dir : (dir.parent ?? dir);
    return { ret: wasi.ERRNO_SUCCESS, parent: itself.parent ?? itself, name: '.', node: itself, dirOnly: true };
  }
  const node = dir.entries.get(name) ?? null;
  if (node !== null && dirOnly && !(node instanceof MemDir)) return fail(wasi.ERRNO_NOTDIR);
  return { ret: wasi.ERRNO_SUCCESS, parent: dir, name, node, dirOnly };
}

/** An open regular file: position, access mode and append flag of one open(). */
export class OpenMemFile extends Fd {
  private position = 0;
  constructor(
    readonly file: MemFile,
    private readonly readable: boolean,
    private readonly writable: boolean,
    /** The fd flags (append, nonblock, sync, ...): kept as set, only append changes what we do. */
    private fdflags: number,
    private readonly rightsBase: bigint,
    private readonly rightsInheriting: bigint,
  ) {
    super();
  }

  private get append(): boolean {
    return (this.fdflags & wasi.FDFLAGS_APPEND) !== 0;
  }

  override fd_fdstat_get(): { ret: number; fdstat: wasi.Fdstat | null } {
    const fdstat = new wasi.Fdstat(wasi.FILETYPE_REGULAR_FILE, this.fdflags);
    fdstat.fs_rights_base = this.rightsBase;
    fdstat.fs_rights_inherited = this.rightsInheriting;
    return { ret: wasi.ERRNO_SUCCESS, fdstat };
  }
  override fd_fdstat_set_flags(flags: number): number {
    this.fdflags = flags;
    return wasi.ERRNO_SUCCESS;
  }
  override fd_filestat_get(): { ret: number; filestat: wasi.Filestat | null } {
    return { ret: wasi.ERRNO_SUCCESS, filestat: this.file.stat() };
  }
  override fd_filestat_set_size(size: bigint): number {
    if (!this.writable) return wasi.ERRNO_BADF;
    return this.file.resize(Number(size));
  }
  override fd_filestat_set_times(atim: bigint, mtim: bigint, flags: number): number {
    if (!this.file.writable) return wasi.ERRNO_ROFS;
    setTimes(this.file, atim, mtim, flags);
    return wasi.ERRNO_SUCCESS;
  }
  override fd_allocate(offset: bigint, len: bigint): number {
    if (!this.writable) return wasi.ERRNO_BADF;
    const end = Number(offset + len);
    return end > this.file.size ? this.file.resize(end) : wasi.ERRNO_SUCCESS;
  }
  override fd_read(size: number): { ret: number; data: Uint8Array } {
    if (!this.readable) return { ret: wasi.ERRNO_BADF, data: new Uint8Array(0) };
    const data = this.file.read(this.position, size);
    this.position += data.byteLength;
    return { ret: wasi.ERRNO_SUCCESS, data };
  }
  override fd_pread(size: number, offset: bigint): { ret: number; data: Uint8Array } {
    if (!this.readable) return { ret: wasi.ERRNO_BADF, data: new Uint8Array(0) };
    return { ret: wasi.ERRNO_SUCCESS, data: this.file.read(Number(offset), size) };
  }
  override fd_write(data: Uint8Array): { ret: number; nwritten: number } {
    if (!this.writable) return { ret: wasi.ERRNO_BADF, nwritten: 0 };
    if (this.append) this.position = this.file.size;
    const ret = this.file.write(this.position, data);
    if (ret !== wasi.ERRNO_SUCCESS) return { ret, nwritten: 0 };
    this.position += data.byteLength;
    return { ret, nwritten: data.byteLength };
  }
  override fd_pwrite(data: Uint8Array, offset: bigint): { ret: number; nwritten: number } {
    if (!this.writable) return { ret: wasi.ERRNO_BADF, nwritten: 0 };
    const ret = this.file.write(Number(offset), data);
    return { ret, nwritten: ret === wasi.ERRNO_SUCCESS ? data.byteLength : 0 };
  }
  override fd_seek(offset: bigint, whence: number): { ret: number; offset: bigint } {
    const base =
      whence === wasi.WHENCE_SET ? 0 : whence === wasi.WHENCE_CUR ? this.position : whence === wasi.WHENCE_END ? this.file.size : NaN;
    const target = base + Number(offset);
    if (!(target >= 0)) return { ret: wasi.ERRNO_INVAL, offset: BigInt(this.position) };
    this.position = target;
    return { ret: wasi.ERRNO_SUCCESS, offset: BigInt(target) };
  }
  override fd_tell(): { ret: number; offset: bigint } {
    return { ret: wasi.ERRNO_SUCCESS, offset: BigInt(this.position) };
  }
  override fd_sync(): number {
    return wasi.ERRNO_SUCCESS;
  }
}

/** An open folder, and the root preopen (`prestatName` "/"). Every path call of the module comes here. */
export class OpenMemDir extends Fd {
  /** The entries of the scan in progress, taken when a scan starts (cookie 0). */
  private listing: [string, Node][] | null = null;

  constructor(
    readonly dir: MemDir,
    private readonly prestatName: string | null = null,
  ) {
    super();
  }

  override fd_prestat_get(): { ret: number; prestat: wasi.Prestat | null } {
    if (this.prestatName === null) return { ret: wasi.ERRNO_BADF, prestat: null };
    return { ret: wasi.ERRNO_SUCCESS, prestat: wasi.Prestat.dir(this.prestatName) };
  }
  override fd_fdstat_get(): { ret: number; fdstat: wasi.Fdstat | null } {
    const fdstat = new wasi.Fdstat(wasi.FILETYPE_DIRECTORY, 0);
    fdstat.fs_rights_base = ALL_RIGHTS;
    fdstat.fs_rights_inherited = ALL_RIGHTS;
    return { ret: wasi.ERRNO_SUCCESS, fdstat };
  }
  override fd_filestat_get(): { ret: number; filestat: wasi.Filestat | null } {
    return { ret: wasi.ERRNO_SUCCESS, filestat: this.dir.stat() };
  }
  override fd_filestat_set_times(atim: bigint, mtim: bigint, flags: number): number {
    if (!this.dir.writable) return wasi.ERRNO_ROFS;
    setTimes(this.dir, atim, mtim, flags);
    return wasi.ERRNO_SUCCESS;
  }
  override fd_readdir_single(cookie: bigint): { ret: number; dirent: wasi.Dirent | null } {
    if (cookie === 0n || this.listing === null) {
      this.listing = [['.', this.dir], ['..', this.dir.parent ?? this.dir], ...this.dir.entries];
    }
    const entry = this.listing[Number(cookie)];
    if (entry === undefined) return { ret: wasi.ERRNO_SUCCESS, dirent: null };
    const [name, node] = entry;
    const type = node instanceof MemDir ? wasi.FILETYPE_DIRECTORY : wasi.FILETYPE_REGULAR_FILE;
    return { ret: wasi.ERRNO_SUCCESS, dirent: new wasi.Dirent(cookie + 1n, node.ino, name, type) };
  }
  override fd_read(): { ret: number; data: Uint8Array } {
    return { ret: wasi.ERRNO_ISDIR, data: new Uint8Array(0) };
  }
  override fd_write(): { ret: number; nwritten: number } {
    return { ret: wasi.ERRNO_ISDIR, nwritten: 0 };
  }

  override path_filestat_get(_flags: number, path: string): { ret: number; filestat: wasi.Filestat | null } {
    const found = walk(this.dir, path);
    if (found.ret !== wasi.ERRNO_SUCCESS) return { ret: found.ret, filestat: null };
    if (found.node === null) return { ret: wasi.ERRNO_NOENT, filestat: null };
    return { ret: wasi.ERRNO_SUCCESS, filestat: found.node.stat() };
  }
  override path_filestat_set_times(_flags: number, path: string, atim: bigint, mtim: bigint, flags: number): number {
    const found = walk(this.dir, path);
    if (found.ret !== wasi.ERRNO_SUCCESS) return found.ret;
    if (found.node === null) return wasi.ERRNO_NOENT;
    if (!found.node.writable) return wasi.ERRNO_ROFS;
    setTimes(found.node, atim, mtim, flags);
    return wasi.ERRNO_SUCCESS;
  }
  override path_lookup(path: string): { ret: number; inode_obj: Inode | null } {
    const found = walk(this.dir, path);
    if (found.ret !== wasi.ERRNO_SUCCESS) return { ret: found.ret, inode_obj: null };
    return found.node === null ? { ret: wasi.ERRNO_NOENT, inode_obj: null } : { ret: wasi.ERRNO_SUCCESS, inode_obj: found.node };
  }
  override path_readlink(path: string): { ret: number; data: string | null } {
    const found = walk(this.dir, path);
    if (found.ret !== wasi.ERRNO_SUCCESS) return { ret: found.ret, data: null };
    return { ret: found.node === null ? wasi.ERRNO_NOENT : wasi.ERRNO_INVAL, data: null }; // no symbolic links here
  }

  override path_open(
    _dirflags: number,
    path: string,
    oflags: number,
    rightsBase: bigint,
    rightsInheriting: bigint,
    fdflags: number,
  ): { ret: number; fd_obj: Fd | null } {
    const found = walk(this.dir, path);
    if (found.ret !== wasi.ERRNO_SUCCESS) return { ret: found.ret, fd_obj: null };
    const create = (oflags & wasi.OFLAGS_CREAT) !== 0;
    const truncate = (oflags & wasi.OFLAGS_TRUNC) !== 0;
    const wantWrite = (rightsBase & WRITE) !== 0n || truncate;
    let node = found.node;
    if (node !== null) {
      if (create && (oflags & wasi.OFLAGS_EXCL) !== 0) return { ret: wasi.ERRNO_EXIST, fd_obj: null };
      if (node instanceof MemDir) {
        if (wantWrite) return { ret: wasi.ERRNO_ISDIR, fd_obj: null };
        return { ret: wasi.ERRNO_SUCCESS, fd_obj: new OpenMemDir(node) };
      }
      if ((oflags & wasi.OFLAGS_DIRECTORY) !== 0) return { ret: wasi.ERRNO_NOTDIR, fd_obj: null };
      if (wantWrite && !node.writable) return { ret: wasi.ERRNO_ROFS, fd_obj: null };
      if (truncate) {
        const ret = node.resize(0);
        if (ret !== wasi.ERRNO_SUCCESS) return { ret, fd_obj: null };
      }
    } else {
      if (!create) return { ret: wasi.ERRNO_NOENT, fd_obj: null };
      if (found.dirOnly || (oflags & wasi.OFLAGS_DIRECTORY) !== 0) return { ret: wasi.ERRNO_ISDIR, fd_obj: null };
      const parent = found.parent!;
      if (!parent.writable) return { ret: wasi.ERRNO_ROFS, fd_obj: null };
      node = new MemFile(new Uint8Array(0), parent.quota);
      parent.link(found.name, node);
    }
    const file = new OpenMemFile(node, (rightsBase & READ) !== 0n, wantWrite, fdflags, rightsBase, rightsInheriting);
    return { ret: wasi.ERRNO_SUCCESS, fd_obj: file };
  }

  override path_create_directory(path: string): number {
    const found = walk(this.dir, path);
    if (found.ret !== wasi.ERRNO_SUCCESS) return found.ret;
    if (found.node !== null) return wasi.ERRNO_EXIST;
    const parent = found.parent!;
    if (!parent.writable) return wasi.ERRNO_ROFS;
    parent.link(found.name, new MemDir(parent.quota));
    return wasi.ERRNO_SUCCESS;
  }

  override path_unlink_file(path: string): number {
    const found = walk(this.dir, path);
    if (found.ret !== wasi.ERRNO_SUCCESS) return found.ret;
    if (found.node === null) return wasi.ERRNO_NOENT;
    if (found.node instanceof MemDir) return wasi.ERRNO_ISDIR;
    if (!found.parent!.writable) return wasi.ERRNO_ROFS;
    found.parent!.unlink(found.name);
    return wasi.ERRNO_SUCCESS;
  }

  override path_remove_directory(path: string): number {
    const found = walk(this.dir, path);
    if (found.ret !== wasi.ERRNO_SUCCESS) return found.ret;
    if (found.node === null) return wasi.ERRNO_NOENT;
    if (!(found.node instanceof MemDir)) return wasi.ERRNO_NOTDIR;
    if (found.name === '.' || found.node.parent === null) return wasi.ERRNO_BUSY;
    if (!found.parent!.writable) return wasi.ERRNO_ROFS;
    if (found.node.entries.size > 0) return wasi.ERRNO_NOTEMPTY;
    found.parent!.unlink(found.name);
    return wasi.ERRNO_SUCCESS;
  }

  // The shim renames as path_unlink here, then path_link at the target (linking back on failure).
  override path_unlink(path: string): { ret: number; inode_obj: Inode | null } {
    const found = walk(this.dir, path);
    if (found.ret !== wasi.ERRNO_SUCCESS) return { ret: found.ret, inode_obj: null };
    if (found.node === null) return { ret: wasi.ERRNO_NOENT, inode_obj: null };
    if (found.name === '.' || (found.node instanceof MemDir && found.node.parent === null))
      return { ret: wasi.ERRNO_BUSY, inode_obj: null };
    if (!found.parent!.writable) return { ret: wasi.ERRNO_ROFS, inode_obj: null };
    const node = found.node;
    // Keep a file's quota while it moves: unlink() would release it.
    if (node instanceof MemFile) node.nlink++;
    found.parent!.unlink(found.name);
    if (node instanceof MemFile) node.nlink--;
    return { ret: wasi.ERRNO_SUCCESS, inode_obj: node };
  }

  override path_link(path: string, inode: Inode, allowDir: boolean): number {
    if (!(inode instanceof MemFile) && !(inode instanceof MemDir)) return wasi.ERRNO_XDEV;
    if (inode instanceof MemDir && !allowDir) return wasi.ERRNO_PERM;
    const found = walk(this.dir, path);
    if (found.ret !== wasi.ERRNO_SUCCESS) return found.ret;
    const parent = found.parent!;
    if (found.name === '.') return wasi.ERRNO_BUSY;
    if (!parent.writable) return wasi.ERRNO_ROFS;
    if (inode instanceof MemDir) {
      // A folder cannot move into itself.
      for (let d: MemDir | null = parent; d !== null; d = d.parent) if (d === inode) return wasi.ERRNO_INVAL;
    }
    const target = found.node;
    if (target === inode) return wasi.ERRNO_SUCCESS;
    if (target !== null) {
      if (inode instanceof MemDir) {
        if (!(target instanceof MemDir)) return wasi.ERRNO_NOTDIR;
        if (target.entries.size > 0) return wasi.ERRNO_NOTEMPTY;
      } else if (target instanceof MemDir) {
        return wasi.ERRNO_ISDIR;
      }
      parent.unlink(found.name);
    }
    parent.link(found.name, inode);
    return wasi.ERRNO_SUCCESS;
  }
}
