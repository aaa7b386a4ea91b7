const __se2CliUrl = new URL('../', import.meta.url).href;
var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// cli/run-worker.ts
import { parentPort, workerData } from "node:worker_threads";

// src/host/ident.ts
var I32_MIN = -(2 ** 31);
var I32_MAX = 2 ** 31 - 1;
function isExecutionId(ident) {
  return typeof ident === "number" && Number.isInteger(ident) && ident >= I32_MIN && ident <= I32_MAX;
}

// node_modules/@bjorn3/browser_wasi_shim/dist/wasi_defs.js
var wasi_defs_exports = {};
__export(wasi_defs_exports, {
  ADVICE_DONTNEED: () => ADVICE_DONTNEED,
  ADVICE_NOREUSE: () => ADVICE_NOREUSE,
  ADVICE_NORMAL: () => ADVICE_NORMAL,
  ADVICE_RANDOM: () => ADVICE_RANDOM,
  ADVICE_SEQUENTIAL: () => ADVICE_SEQUENTIAL,
  ADVICE_WILLNEED: () => ADVICE_WILLNEED,
  CLOCKID_MONOTONIC: () => CLOCKID_MONOTONIC,
  CLOCKID_PROCESS_CPUTIME_ID: () => CLOCKID_PROCESS_CPUTIME_ID,
  CLOCKID_REALTIME: () => CLOCKID_REALTIME,
  CLOCKID_THREAD_CPUTIME_ID: () => CLOCKID_THREAD_CPUTIME_ID,
  Ciovec: () => Ciovec,
  Dirent: () => Dirent,
  ERRNO_2BIG: () => ERRNO_2BIG,
  ERRNO_ACCES: () => ERRNO_ACCES,
  ERRNO_ADDRINUSE: () => ERRNO_ADDRINUSE,
  ERRNO_ADDRNOTAVAIL: () => ERRNO_ADDRNOTAVAIL,
  ERRNO_AFNOSUPPORT: () => ERRNO_AFNOSUPPORT,
  ERRNO_AGAIN: () => ERRNO_AGAIN,
  ERRNO_ALREADY: () => ERRNO_ALREADY,
  ERRNO_BADF: () => ERRNO_BADF,
  ERRNO_BADMSG: () => ERRNO_BADMSG,
  ERRNO_BUSY: () => ERRNO_BUSY,
  ERRNO_CANCELED: () => ERRNO_CANCELED,
  ERRNO_CHILD: () => ERRNO_CHILD,
  ERRNO_CONNABORTED: () => ERRNO_CONNABORTED,
  ERRNO_CONNREFUSED: () => ERRNO_CONNREFUSED,
  ERRNO_CONNRESET: () => ERRNO_CONNRESET,
  ERRNO_DEADLK: () => ERRNO_DEADLK,
  ERRNO_DESTADDRREQ: () => ERRNO_DESTADDRREQ,
  ERRNO_DOM: () => ERRNO_DOM,
  ERRNO_DQUOT: () => ERRNO_DQUOT,
  ERRNO_EXIST: () => ERRNO_EXIST,
  ERRNO_FAULT: () => ERRNO_FAULT,
  ERRNO_FBIG: () => ERRNO_FBIG,
  ERRNO_HOSTUNREACH: () => ERRNO_HOSTUNREACH,
  ERRNO_IDRM: () => ERRNO_IDRM,
  ERRNO_ILSEQ: () => ERRNO_ILSEQ,
  ERRNO_INPROGRESS: () => ERRNO_INPROGRESS,
  ERRNO_INTR: () => ERRNO_INTR,
  ERRNO_INVAL: () => ERRNO_INVAL,
  ERRNO_IO: () => ERRNO_IO,
  ERRNO_ISCONN: () => ERRNO_ISCONN,
  ERRNO_ISDIR: () => ERRNO_ISDIR,
  ERRNO_LOOP: () => ERRNO_LOOP,
  ERRNO_MFILE: () => ERRNO_MFILE,
  ERRNO_MLINK: () => ERRNO_MLINK,
  ERRNO_MSGSIZE: () => ERRNO_MSGSIZE,
  ERRNO_MULTIHOP: () => ERRNO_MULTIHOP,
  ERRNO_NAMETOOLONG: () => ERRNO_NAMETOOLONG,
  ERRNO_NETDOWN: () => ERRNO_NETDOWN,
  ERRNO_NETRESET: () => ERRNO_NETRESET,
  ERRNO_NETUNREACH: () => ERRNO_NETUNREACH,
  ERRNO_NFILE: () => ERRNO_NFILE,
  ERRNO_NOBUFS: () => ERRNO_NOBUFS,
  ERRNO_NODEV: () => ERRNO_NODEV,
  ERRNO_NOENT: () => ERRNO_NOENT,
  ERRNO_NOEXEC: () => ERRNO_NOEXEC,
  ERRNO_NOLCK: () => ERRNO_NOLCK,
  ERRNO_NOLINK: () => ERRNO_NOLINK,
  ERRNO_NOMEM: () => ERRNO_NOMEM,
  ERRNO_NOMSG: () => ERRNO_NOMSG,
  ERRNO_NOPROTOOPT: () => ERRNO_NOPROTOOPT,
  ERRNO_NOSPC: () => ERRNO_NOSPC,
  ERRNO_NOSYS: () => ERRNO_NOSYS,
  ERRNO_NOTCAPABLE: () => ERRNO_NOTCAPABLE,
  ERRNO_NOTCONN: () => ERRNO_NOTCONN,
  ERRNO_NOTDIR: () => ERRNO_NOTDIR,
  ERRNO_NOTEMPTY: () => ERRNO_NOTEMPTY,
  ERRNO_NOTRECOVERABLE: () => ERRNO_NOTRECOVERABLE,
  ERRNO_NOTSOCK: () => ERRNO_NOTSOCK,
  ERRNO_NOTSUP: () => ERRNO_NOTSUP,
  ERRNO_NOTTY: () => ERRNO_NOTTY,
  ERRNO_NXIO: () => ERRNO_NXIO,
  ERRNO_OVERFLOW: () => ERRNO_OVERFLOW,
  ERRNO_OWNERDEAD: () => ERRNO_OWNERDEAD,
  ERRNO_PERM: () => ERRNO_PERM,
  ERRNO_PIPE: () => ERRNO_PIPE,
  ERRNO_PROTO: () => ERRNO_PROTO,
  ERRNO_PROTONOSUPPORT: () => ERRNO_PROTONOSUPPORT,
  ERRNO_PROTOTYPE: () => ERRNO_PROTOTYPE,
  ERRNO_RANGE: () => ERRNO_RANGE,
  ERRNO_ROFS: () => ERRNO_ROFS,
  ERRNO_SPIPE: () => ERRNO_SPIPE,
  ERRNO_SRCH: () => ERRNO_SRCH,
  ERRNO_STALE: () => ERRNO_STALE,
  ERRNO_SUCCESS: () => ERRNO_SUCCESS,
  ERRNO_TIMEDOUT: () => ERRNO_TIMEDOUT,
  ERRNO_TXTBSY: () => ERRNO_TXTBSY,
  ERRNO_XDEV: () => ERRNO_XDEV,
  EVENTRWFLAGS_FD_READWRITE_HANGUP: () => EVENTRWFLAGS_FD_READWRITE_HANGUP,
  EVENTTYPE_CLOCK: () => EVENTTYPE_CLOCK,
  EVENTTYPE_FD_READ: () => EVENTTYPE_FD_READ,
  EVENTTYPE_FD_WRITE: () => EVENTTYPE_FD_WRITE,
  Event: () => Event,
  FDFLAGS_APPEND: () => FDFLAGS_APPEND,
  FDFLAGS_DSYNC: () => FDFLAGS_DSYNC,
  FDFLAGS_NONBLOCK: () => FDFLAGS_NONBLOCK,
  FDFLAGS_RSYNC: () => FDFLAGS_RSYNC,
  FDFLAGS_SYNC: () => FDFLAGS_SYNC,
  FD_STDERR: () => FD_STDERR,
  FD_STDIN: () => FD_STDIN,
  FD_STDOUT: () => FD_STDOUT,
  FILETYPE_BLOCK_DEVICE: () => FILETYPE_BLOCK_DEVICE,
  FILETYPE_CHARACTER_DEVICE: () => FILETYPE_CHARACTER_DEVICE,
  FILETYPE_DIRECTORY: () => FILETYPE_DIRECTORY,
  FILETYPE_REGULAR_FILE: () => FILETYPE_REGULAR_FILE,
  FILETYPE_SOCKET_DGRAM: () => FILETYPE_SOCKET_DGRAM,
  FILETYPE_SOCKET_STREAM: () => FILETYPE_SOCKET_STREAM,
  FILETYPE_SYMBOLIC_LINK: () => FILETYPE_SYMBOLIC_LINK,
  FILETYPE_UNKNOWN: () => FILETYPE_UNKNOWN,
  FSTFLAGS_ATIM: () => FSTFLAGS_ATIM,
  FSTFLAGS_ATIM_NOW: () => FSTFLAGS_ATIM_NOW,
  FSTFLAGS_MTIM: () => FSTFLAGS_MTIM,
  FSTFLAGS_MTIM_NOW: () => FSTFLAGS_MTIM_NOW,
  Fdstat: () => Fdstat,
  Filestat: () => Filestat,
  Iovec: () => Iovec,
  OFLAGS_CREAT: () => OFLAGS_CREAT,
  OFLAGS_DIRECTORY: () => OFLAGS_DIRECTORY,
  OFLAGS_EXCL: () => OFLAGS_EXCL,
  OFLAGS_TRUNC: () => OFLAGS_TRUNC,
  PREOPENTYPE_DIR: () => PREOPENTYPE_DIR,
  Prestat: () => Prestat,
  PrestatDir: () => PrestatDir,
  RIFLAGS_RECV_PEEK: () => RIFLAGS_RECV_PEEK,
  RIFLAGS_RECV_WAITALL: () => RIFLAGS_RECV_WAITALL,
  RIGHTS_FD_ADVISE: () => RIGHTS_FD_ADVISE,
  RIGHTS_FD_ALLOCATE: () => RIGHTS_FD_ALLOCATE,
  RIGHTS_FD_DATASYNC: () => RIGHTS_FD_DATASYNC,
  RIGHTS_FD_FDSTAT_SET_FLAGS: () => RIGHTS_FD_FDSTAT_SET_FLAGS,
  RIGHTS_FD_FILESTAT_GET: () => RIGHTS_FD_FILESTAT_GET,
  RIGHTS_FD_FILESTAT_SET_SIZE: () => RIGHTS_FD_FILESTAT_SET_SIZE,
  RIGHTS_FD_FILESTAT_SET_TIMES: () => RIGHTS_FD_FILESTAT_SET_TIMES,
  RIGHTS_FD_READ: () => RIGHTS_FD_READ,
  RIGHTS_FD_READDIR: () => RIGHTS_FD_READDIR,
  RIGHTS_FD_SEEK: () => RIGHTS_FD_SEEK,
  RIGHTS_FD_SYNC: () => RIGHTS_FD_SYNC,
  RIGHTS_FD_TELL: () => RIGHTS_FD_TELL,
  RIGHTS_FD_WRITE: () => RIGHTS_FD_WRITE,
  RIGHTS_PATH_CREATE_DIRECTORY: () => RIGHTS_PATH_CREATE_DIRECTORY,
  RIGHTS_PATH_CREATE_FILE: () => RIGHTS_PATH_CREATE_FILE,
  RIGHTS_PATH_FILESTAT_GET: () => RIGHTS_PATH_FILESTAT_GET,
  RIGHTS_PATH_FILESTAT_SET_SIZE: () => RIGHTS_PATH_FILESTAT_SET_SIZE,
  RIGHTS_PATH_FILESTAT_SET_TIMES: () => RIGHTS_PATH_FILESTAT_SET_TIMES,
  RIGHTS_PATH_LINK_SOURCE: () => RIGHTS_PATH_LINK_SOURCE,
  RIGHTS_PATH_LINK_TARGET: () => RIGHTS_PATH_LINK_TARGET,
  RIGHTS_PATH_OPEN: () => RIGHTS_PATH_OPEN,
  RIGHTS_PATH_READLINK: () => RIGHTS_PATH_READLINK,
  RIGHTS_PATH_REMOVE_DIRECTORY: () => RIGHTS_PATH_REMOVE_DIRECTORY,
  RIGHTS_PATH_RENAME_SOURCE: () => RIGHTS_PATH_RENAME_SOURCE,
  RIGHTS_PATH_RENAME_TARGET: () => RIGHTS_PATH_RENAME_TARGET,
  RIGHTS_PATH_SYMLINK: () => RIGHTS_PATH_SYMLINK,
  RIGHTS_PATH_UNLINK_FILE: () => RIGHTS_PATH_UNLINK_FILE,
  RIGHTS_POLL_FD_READWRITE: () => RIGHTS_POLL_FD_READWRITE,
  RIGHTS_SOCK_SHUTDOWN: () => RIGHTS_SOCK_SHUTDOWN,
  ROFLAGS_RECV_DATA_TRUNCATED: () => ROFLAGS_RECV_DATA_TRUNCATED,
  SDFLAGS_RD: () => SDFLAGS_RD,
  SDFLAGS_WR: () => SDFLAGS_WR,
  SIGNAL_ABRT: () => SIGNAL_ABRT,
  SIGNAL_ALRM: () => SIGNAL_ALRM,
  SIGNAL_BUS: () => SIGNAL_BUS,
  SIGNAL_CHLD: () => SIGNAL_CHLD,
  SIGNAL_CONT: () => SIGNAL_CONT,
  SIGNAL_FPE: () => SIGNAL_FPE,
  SIGNAL_HUP: () => SIGNAL_HUP,
  SIGNAL_ILL: () => SIGNAL_ILL,
  SIGNAL_INT: () => SIGNAL_INT,
  SIGNAL_KILL: () => SIGNAL_KILL,
  SIGNAL_NONE: () => SIGNAL_NONE,
  SIGNAL_PIPE: () => SIGNAL_PIPE,
  SIGNAL_POLL: () => SIGNAL_POLL,
  SIGNAL_PROF: () => SIGNAL_PROF,
  SIGNAL_PWR: () => SIGNAL_PWR,
  SIGNAL_QUIT: () => SIGNAL_QUIT,
  SIGNAL_SEGV: () => SIGNAL_SEGV,
  SIGNAL_STOP: () => SIGNAL_STOP,
  SIGNAL_SYS: () => SIGNAL_SYS,
  SIGNAL_TERM: () => SIGNAL_TERM,
  SIGNAL_TRAP: () => SIGNAL_TRAP,
  SIGNAL_TSTP: () => SIGNAL_TSTP,
  SIGNAL_TTIN: () => SIGNAL_TTIN,
  SIGNAL_TTOU: () => SIGNAL_TTOU,
  SIGNAL_URG: () => SIGNAL_URG,
  SIGNAL_USR1: () => SIGNAL_USR1,
  SIGNAL_USR2: () => SIGNAL_USR2,
  SIGNAL_VTALRM: () => SIGNAL_VTALRM,
  SIGNAL_WINCH: () => SIGNAL_WINCH,
  SIGNAL_XCPU: () => SIGNAL_XCPU,
  SIGNAL_XFSZ: () => SIGNAL_XFSZ,
  SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME: () => SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME,
  Subscription: () => Subscription,
  WHENCE_CUR: () => WHENCE_CUR,
  WHENCE_END: () => WHENCE_END,
  WHENCE_SET: () => WHENCE_SET
});
var FD_STDIN = 0;
var FD_STDOUT = 1;
var FD_STDERR = 2;
var CLOCKID_REALTIME = 0;
var CLOCKID_MONOTONIC = 1;
var CLOCKID_PROCESS_CPUTIME_ID = 2;
var CLOCKID_THREAD_CPUTIME_ID = 3;
var ERRNO_SUCCESS = 0;
var ERRNO_2BIG = 1;
var ERRNO_ACCES = 2;
var ERRNO_ADDRINUSE = 3;
var ERRNO_ADDRNOTAVAIL = 4;
var ERRNO_AFNOSUPPORT = 5;
var ERRNO_AGAIN = 6;
var ERRNO_ALREADY = 7;
var ERRNO_BADF = 8;
var ERRNO_BADMSG = 9;
var ERRNO_BUSY = 10;
var ERRNO_CANCELED = 11;
var ERRNO_CHILD = 12;
var ERRNO_CONNABORTED = 13;
var ERRNO_CONNREFUSED = 14;
var ERRNO_CONNRESET = 15;
var ERRNO_DEADLK = 16;
var ERRNO_DESTADDRREQ = 17;
var ERRNO_DOM = 18;
var ERRNO_DQUOT = 19;
var ERRNO_EXIST = 20;
var ERRNO_FAULT = 21;
var ERRNO_FBIG = 22;
var ERRNO_HOSTUNREACH = 23;
var ERRNO_IDRM = 24;
var ERRNO_ILSEQ = 25;
var ERRNO_INPROGRESS = 26;
var ERRNO_INTR = 27;
var ERRNO_INVAL = 28;
var ERRNO_IO = 29;
var ERRNO_ISCONN = 30;
var ERRNO_ISDIR = 31;
var ERRNO_LOOP = 32;
var ERRNO_MFILE = 33;
var ERRNO_MLINK = 34;
var ERRNO_MSGSIZE = 35;
var ERRNO_MULTIHOP = 36;
var ERRNO_NAMETOOLONG = 37;
var ERRNO_NETDOWN = 38;
var ERRNO_NETRESET = 39;
var ERRNO_NETUNREACH = 40;
var ERRNO_NFILE = 41;
var ERRNO_NOBUFS = 42;
var ERRNO_NODEV = 43;
var ERRNO_NOENT = 44;
var ERRNO_NOEXEC = 45;
var ERRNO_NOLCK = 46;
var ERRNO_NOLINK = 47;
var ERRNO_NOMEM = 48;
var ERRNO_NOMSG = 49;
var ERRNO_NOPROTOOPT = 50;
var ERRNO_NOSPC = 51;
var ERRNO_NOSYS = 52;
var ERRNO_NOTCONN = 53;
var ERRNO_NOTDIR = 54;
var ERRNO_NOTEMPTY = 55;
var ERRNO_NOTRECOVERABLE = 56;
var ERRNO_NOTSOCK = 57;
var ERRNO_NOTSUP = 58;
var ERRNO_NOTTY = 59;
var ERRNO_NXIO = 60;
var ERRNO_OVERFLOW = 61;
var ERRNO_OWNERDEAD = 62;
var ERRNO_PERM = 63;
var ERRNO_PIPE = 64;
var ERRNO_PROTO = 65;
var ERRNO_PROTONOSUPPORT = 66;
var ERRNO_PROTOTYPE = 67;
var ERRNO_RANGE = 68;
var ERRNO_ROFS = 69;
var ERRNO_SPIPE = 70;
var ERRNO_SRCH = 71;
var ERRNO_STALE = 72;
var ERRNO_TIMEDOUT = 73;
var ERRNO_TXTBSY = 74;
var ERRNO_XDEV = 75;
var ERRNO_NOTCAPABLE = 76;
var RIGHTS_FD_DATASYNC = 1 << 0;
var RIGHTS_FD_READ = 1 << 1;
var RIGHTS_FD_SEEK = 1 << 2;
var RIGHTS_FD_FDSTAT_SET_FLAGS = 1 << 3;
var RIGHTS_FD_SYNC = 1 << 4;
var RIGHTS_FD_TELL = 1 << 5;
var RIGHTS_FD_WRITE = 1 << 6;
var RIGHTS_FD_ADVISE = 1 << 7;
var RIGHTS_FD_ALLOCATE = 1 << 8;
var RIGHTS_PATH_CREATE_DIRECTORY = 1 << 9;
var RIGHTS_PATH_CREATE_FILE = 1 << 10;
var RIGHTS_PATH_LINK_SOURCE = 1 << 11;
var RIGHTS_PATH_LINK_TARGET = 1 << 12;
var RIGHTS_PATH_OPEN = 1 << 13;
var RIGHTS_FD_READDIR = 1 << 14;
var RIGHTS_PATH_READLINK = 1 << 15;
var RIGHTS_PATH_RENAME_SOURCE = 1 << 16;
var RIGHTS_PATH_RENAME_TARGET = 1 << 17;
var RIGHTS_PATH_FILESTAT_GET = 1 << 18;
var RIGHTS_PATH_FILESTAT_SET_SIZE = 1 << 19;
var RIGHTS_PATH_FILESTAT_SET_TIMES = 1 << 20;
var RIGHTS_FD_FILESTAT_GET = 1 << 21;
var RIGHTS_FD_FILESTAT_SET_SIZE = 1 << 22;
var RIGHTS_FD_FILESTAT_SET_TIMES = 1 << 23;
var RIGHTS_PATH_SYMLINK = 1 << 24;
var RIGHTS_PATH_REMOVE_DIRECTORY = 1 << 25;
var RIGHTS_PATH_UNLINK_FILE = 1 << 26;
var RIGHTS_POLL_FD_READWRITE = 1 << 27;
var RIGHTS_SOCK_SHUTDOWN = 1 << 28;
var Iovec = class _Iovec {
  static read_bytes(view, ptr) {
    const iovec = new _Iovec();
    iovec.buf = view.getUint32(ptr, true);
    iovec.buf_len = view.getUint32(ptr + 4, true);
    return iovec;
  }
  static read_bytes_array(view, ptr, len) {
    const iovecs = [];
    for (let i = 0; i < len; i++) {
      iovecs.push(_Iovec.read_bytes(view, ptr + 8 * i));
    }
    return iovecs;
  }
};
var Ciovec = class _Ciovec {
  static read_bytes(view, ptr) {
    const iovec = new _Ciovec();
    iovec.buf = view.getUint32(ptr, true);
    iovec.buf_len = view.getUint32(ptr + 4, true);
    return iovec;
  }
  static read_bytes_array(view, ptr, len) {
    const iovecs = [];
    for (let i = 0; i < len; i++) {
      iovecs.push(_Ciovec.read_bytes(view, ptr + 8 * i));
    }
    return iovecs;
  }
};
var WHENCE_SET = 0;
var WHENCE_CUR = 1;
var WHENCE_END = 2;
var FILETYPE_UNKNOWN = 0;
var FILETYPE_BLOCK_DEVICE = 1;
var FILETYPE_CHARACTER_DEVICE = 2;
var FILETYPE_DIRECTORY = 3;
var FILETYPE_REGULAR_FILE = 4;
var FILETYPE_SOCKET_DGRAM = 5;
var FILETYPE_SOCKET_STREAM = 6;
var FILETYPE_SYMBOLIC_LINK = 7;
var Dirent = class {
  head_length() {
    return 24;
  }
  name_length() {
    return this.dir_name.byteLength;
  }
  write_head_bytes(view, ptr) {
    view.setBigUint64(ptr, this.d_next, true);
    view.setBigUint64(ptr + 8, this.d_ino, true);
    view.setUint32(ptr + 16, this.dir_name.length, true);
    view.setUint8(ptr + 20, this.d_type);
  }
  write_name_bytes(view8, ptr, buf_len) {
    view8.set(this.dir_name.slice(0, Math.min(this.dir_name.byteLength, buf_len)), ptr);
  }
  constructor(next_cookie, d_ino, name, type) {
    const encoded_name = new TextEncoder().encode(name);
    this.d_next = next_cookie;
    this.d_ino = d_ino;
    this.d_namlen = encoded_name.byteLength;
    this.d_type = type;
    this.dir_name = encoded_name;
  }
};
var ADVICE_NORMAL = 0;
var ADVICE_SEQUENTIAL = 1;
var ADVICE_RANDOM = 2;
var ADVICE_WILLNEED = 3;
var ADVICE_DONTNEED = 4;
var ADVICE_NOREUSE = 5;
var FDFLAGS_APPEND = 1 << 0;
var FDFLAGS_DSYNC = 1 << 1;
var FDFLAGS_NONBLOCK = 1 << 2;
var FDFLAGS_RSYNC = 1 << 3;
var FDFLAGS_SYNC = 1 << 4;
var Fdstat = class {
  write_bytes(view, ptr) {
    view.setUint8(ptr, this.fs_filetype);
    view.setUint16(ptr + 2, this.fs_flags, true);
    view.setBigUint64(ptr + 8, this.fs_rights_base, true);
    view.setBigUint64(ptr + 16, this.fs_rights_inherited, true);
  }
  constructor(filetype, flags) {
    this.fs_rights_base = 0n;
    this.fs_rights_inherited = 0n;
    this.fs_filetype = filetype;
    this.fs_flags = flags;
  }
};
var FSTFLAGS_ATIM = 1 << 0;
var FSTFLAGS_ATIM_NOW = 1 << 1;
var FSTFLAGS_MTIM = 1 << 2;
var FSTFLAGS_MTIM_NOW = 1 << 3;
var OFLAGS_CREAT = 1 << 0;
var OFLAGS_DIRECTORY = 1 << 1;
var OFLAGS_EXCL = 1 << 2;
var OFLAGS_TRUNC = 1 << 3;
var Filestat = class {
  write_bytes(view, ptr) {
    view.setBigUint64(ptr, this.dev, true);
    view.setBigUint64(ptr + 8, this.ino, true);
    view.setUint8(ptr + 16, this.filetype);
    view.setBigUint64(ptr + 24, this.nlink, true);
    view.setBigUint64(ptr + 32, this.size, true);
    view.setBigUint64(ptr + 38, this.atim, true);
    view.setBigUint64(ptr + 46, this.mtim, true);
    view.setBigUint64(ptr + 52, this.ctim, true);
  }
  constructor(ino, filetype, size) {
    this.dev = 0n;
    this.nlink = 0n;
    this.atim = 0n;
    this.mtim = 0n;
    this.ctim = 0n;
    this.ino = ino;
    this.filetype = filetype;
    this.size = size;
  }
};
var EVENTTYPE_CLOCK = 0;
var EVENTTYPE_FD_READ = 1;
var EVENTTYPE_FD_WRITE = 2;
var EVENTRWFLAGS_FD_READWRITE_HANGUP = 1 << 0;
var SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME = 1 << 0;
var Subscription = class _Subscription {
  static read_bytes(view, ptr) {
    return new _Subscription(view.getBigUint64(ptr, true), view.getUint8(ptr + 8), view.getUint32(ptr + 16, true), view.getBigUint64(ptr + 24, true), view.getUint16(ptr + 36, true));
  }
  constructor(userdata, eventtype, clockid, timeout, flags) {
    this.userdata = userdata;
    this.eventtype = eventtype;
    this.clockid = clockid;
    this.timeout = timeout;
    this.flags = flags;
  }
};
var Event = class {
  write_bytes(view, ptr) {
    view.setBigUint64(ptr, this.userdata, true);
    view.setUint16(ptr + 8, this.error, true);
    view.setUint8(ptr + 10, this.eventtype);
  }
  constructor(userdata, error, eventtype) {
    this.userdata = userdata;
    this.error = error;
    this.eventtype = eventtype;
  }
};
var SIGNAL_NONE = 0;
var SIGNAL_HUP = 1;
var SIGNAL_INT = 2;
var SIGNAL_QUIT = 3;
var SIGNAL_ILL = 4;
var SIGNAL_TRAP = 5;
var SIGNAL_ABRT = 6;
var SIGNAL_BUS = 7;
var SIGNAL_FPE = 8;
var SIGNAL_KILL = 9;
var SIGNAL_USR1 = 10;
var SIGNAL_SEGV = 11;
var SIGNAL_USR2 = 12;
var SIGNAL_PIPE = 13;
var SIGNAL_ALRM = 14;
var SIGNAL_TERM = 15;
var SIGNAL_CHLD = 16;
var SIGNAL_CONT = 17;
var SIGNAL_STOP = 18;
var SIGNAL_TSTP = 19;
var SIGNAL_TTIN = 20;
var SIGNAL_TTOU = 21;
var SIGNAL_URG = 22;
var SIGNAL_XCPU = 23;
var SIGNAL_XFSZ = 24;
var SIGNAL_VTALRM = 25;
var SIGNAL_PROF = 26;
var SIGNAL_WINCH = 27;
var SIGNAL_POLL = 28;
var SIGNAL_PWR = 29;
var SIGNAL_SYS = 30;
var RIFLAGS_RECV_PEEK = 1 << 0;
var RIFLAGS_RECV_WAITALL = 1 << 1;
var ROFLAGS_RECV_DATA_TRUNCATED = 1 << 0;
var SDFLAGS_RD = 1 << 0;
var SDFLAGS_WR = 1 << 1;
var PREOPENTYPE_DIR = 0;
var PrestatDir = class {
  write_bytes(view, ptr) {
    view.setUint32(ptr, this.pr_name.byteLength, true);
  }
  constructor(name) {
    this.pr_name = new TextEncoder().encode(name);
  }
};
var Prestat = class _Prestat {
  static dir(name) {
    const prestat = new _Prestat();
    prestat.tag = PREOPENTYPE_DIR;
    prestat.inner = new PrestatDir(name);
    return prestat;
  }
  write_bytes(view, ptr) {
    view.setUint32(ptr, this.tag, true);
    this.inner.write_bytes(view, ptr + 4);
  }
};

// node_modules/@bjorn3/browser_wasi_shim/dist/debug.js
var Debug = class Debug2 {
  enable(enabled) {
    this.log = createLogger(enabled === void 0 ? true : enabled, this.prefix);
  }
  get enabled() {
    return this.isEnabled;
  }
  constructor(isEnabled) {
    this.isEnabled = isEnabled;
    this.prefix = "wasi:";
    this.enable(isEnabled);
  }
};
function createLogger(enabled, prefix) {
  if (enabled) {
    const a = console.log.bind(console, "%c%s", "color: #265BA0", prefix);
    return a;
  } else {
    return () => {
    };
  }
}
var debug = new Debug(false);

// node_modules/@bjorn3/browser_wasi_shim/dist/wasi.js
var WASIProcExit = class extends Error {
  constructor(code) {
    super("exit with exit code " + code);
    this.code = code;
  }
};
var WASI = class WASI2 {
  start(instance2) {
    this.inst = instance2;
    try {
      instance2.exports._start();
      return 0;
    } catch (e) {
      if (e instanceof WASIProcExit) {
        return e.code;
      } else {
        throw e;
      }
    }
  }
  initialize(instance2) {
    this.inst = instance2;
    if (instance2.exports._initialize) {
      instance2.exports._initialize();
    }
  }
  constructor(args, env, fds, options = {}) {
    this.args = [];
    this.env = [];
    this.fds = [];
    debug.enable(options.debug);
    this.args = args;
    this.env = env;
    this.fds = fds;
    const self = this;
    this.wasiImport = { args_sizes_get(argc, argv_buf_size) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      buffer.setUint32(argc, self.args.length, true);
      let buf_size = 0;
      for (const arg of self.args) {
        buf_size += arg.length + 1;
      }
      buffer.setUint32(argv_buf_size, buf_size, true);
      debug.log(buffer.getUint32(argc, true), buffer.getUint32(argv_buf_size, true));
      return 0;
    }, args_get(argv, argv_buf) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      const orig_argv_buf = argv_buf;
      for (let i = 0; i < self.args.length; i++) {
        buffer.setUint32(argv, argv_buf, true);
        argv += 4;
        const arg = new TextEncoder().encode(self.args[i]);
        buffer8.set(arg, argv_buf);
        buffer.setUint8(argv_buf + arg.length, 0);
        argv_buf += arg.length + 1;
      }
      if (debug.enabled) {
        debug.log(new TextDecoder("utf-8").decode(buffer8.slice(orig_argv_buf, argv_buf)));
      }
      return 0;
    }, environ_sizes_get(environ_count, environ_size) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      buffer.setUint32(environ_count, self.env.length, true);
      let buf_size = 0;
      for (const environ of self.env) {
        buf_size += new TextEncoder().encode(environ).length + 1;
      }
      buffer.setUint32(environ_size, buf_size, true);
      debug.log(buffer.getUint32(environ_count, true), buffer.getUint32(environ_size, true));
      return 0;
    }, environ_get(environ, environ_buf) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      const orig_environ_buf = environ_buf;
      for (let i = 0; i < self.env.length; i++) {
        buffer.setUint32(environ, environ_buf, true);
        environ += 4;
        const e = new TextEncoder().encode(self.env[i]);
        buffer8.set(e, environ_buf);
        buffer.setUint8(environ_buf + e.length, 0);
        environ_buf += e.length + 1;
      }
      if (debug.enabled) {
        debug.log(new TextDecoder("utf-8").decode(buffer8.slice(orig_environ_buf, environ_buf)));
      }
      return 0;
    }, clock_res_get(id, res_ptr) {
      let resolutionValue;
      switch (id) {
        case CLOCKID_MONOTONIC: {
          resolutionValue = 5000n;
          break;
        }
        case CLOCKID_REALTIME: {
          resolutionValue = 1000000n;
          break;
        }
        default:
          return ERRNO_NOSYS;
      }
      const view = new DataView(self.inst.exports.memory.buffer);
      view.setBigUint64(res_ptr, resolutionValue, true);
      return ERRNO_SUCCESS;
    }, clock_time_get(id, precision, time) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      if (id === CLOCKID_REALTIME) {
        buffer.setBigUint64(time, BigInt((/* @__PURE__ */ new Date()).getTime()) * 1000000n, true);
      } else if (id == CLOCKID_MONOTONIC) {
        let monotonic_time;
        try {
          monotonic_time = BigInt(Math.round(performance.now() * 1e6));
        } catch (e) {
          monotonic_time = 0n;
        }
        buffer.setBigUint64(time, monotonic_time, true);
      } else {
        buffer.setBigUint64(time, 0n, true);
      }
      return 0;
    }, fd_advise(fd, offset, len, advice) {
      if (self.fds[fd] != void 0) {
        return ERRNO_SUCCESS;
      } else {
        return ERRNO_BADF;
      }
    }, fd_allocate(fd, offset, len) {
      if (self.fds[fd] != void 0) {
        return self.fds[fd].fd_allocate(offset, len);
      } else {
        return ERRNO_BADF;
      }
    }, fd_close(fd) {
      if (self.fds[fd] != void 0) {
        const ret = self.fds[fd].fd_close();
        self.fds[fd] = void 0;
        return ret;
      } else {
        return ERRNO_BADF;
      }
    }, fd_datasync(fd) {
      if (self.fds[fd] != void 0) {
        return self.fds[fd].fd_sync();
      } else {
        return ERRNO_BADF;
      }
    }, fd_fdstat_get(fd, fdstat_ptr) {
      if (self.fds[fd] != void 0) {
        const { ret, fdstat } = self.fds[fd].fd_fdstat_get();
        if (fdstat != null) {
          fdstat.write_bytes(new DataView(self.inst.exports.memory.buffer), fdstat_ptr);
        }
        return ret;
      } else {
        return ERRNO_BADF;
      }
    }, fd_fdstat_set_flags(fd, flags) {
      if (self.fds[fd] != void 0) {
        return self.fds[fd].fd_fdstat_set_flags(flags);
      } else {
        return ERRNO_BADF;
      }
    }, fd_fdstat_set_rights(fd, fs_rights_base, fs_rights_inheriting) {
      if (self.fds[fd] != void 0) {
        return self.fds[fd].fd_fdstat_set_rights(fs_rights_base, fs_rights_inheriting);
      } else {
        return ERRNO_BADF;
      }
    }, fd_filestat_get(fd, filestat_ptr) {
      if (self.fds[fd] != void 0) {
        const { ret, filestat } = self.fds[fd].fd_filestat_get();
        if (filestat != null) {
          filestat.write_bytes(new DataView(self.inst.exports.memory.buffer), filestat_ptr);
        }
        return ret;
      } else {
        return ERRNO_BADF;
      }
    }, fd_filestat_set_size(fd, size) {
      if (self.fds[fd] != void 0) {
        return self.fds[fd].fd_filestat_set_size(size);
      } else {
        return ERRNO_BADF;
      }
    }, fd_filestat_set_times(fd, atim, mtim, fst_flags) {
      if (self.fds[fd] != void 0) {
        return self.fds[fd].fd_filestat_set_times(atim, mtim, fst_flags);
      } else {
        return ERRNO_BADF;
      }
    }, fd_pread(fd, iovs_ptr, iovs_len, offset, nread_ptr) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const iovecs = Iovec.read_bytes_array(buffer, iovs_ptr, iovs_len);
        let nread = 0;
        for (const iovec of iovecs) {
          const { ret, data } = self.fds[fd].fd_pread(iovec.buf_len, offset);
          if (ret != ERRNO_SUCCESS) {
            buffer.setUint32(nread_ptr, nread, true);
            return ret;
          }
          buffer8.set(data, iovec.buf);
          nread += data.length;
          offset += BigInt(data.length);
          if (data.length != iovec.buf_len) {
            break;
          }
        }
        buffer.setUint32(nread_ptr, nread, true);
        return ERRNO_SUCCESS;
      } else {
        return ERRNO_BADF;
      }
    }, fd_prestat_get(fd, buf_ptr) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const { ret, prestat } = self.fds[fd].fd_prestat_get();
        if (prestat != null) {
          prestat.write_bytes(buffer, buf_ptr);
        }
        return ret;
      } else {
        return ERRNO_BADF;
      }
    }, fd_prestat_dir_name(fd, path_ptr, path_len) {
      if (self.fds[fd] != void 0) {
        const { ret, prestat } = self.fds[fd].fd_prestat_get();
        if (prestat == null) {
          return ret;
        }
        const prestat_dir_name = prestat.inner.pr_name;
        const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
        buffer8.set(prestat_dir_name.slice(0, path_len), path_ptr);
        return prestat_dir_name.byteLength > path_len ? ERRNO_NAMETOOLONG : ERRNO_SUCCESS;
      } else {
        return ERRNO_BADF;
      }
    }, fd_pwrite(fd, iovs_ptr, iovs_len, offset, nwritten_ptr) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const iovecs = Ciovec.read_bytes_array(buffer, iovs_ptr, iovs_len);
        let nwritten = 0;
        for (const iovec of iovecs) {
          const data = buffer8.slice(iovec.buf, iovec.buf + iovec.buf_len);
          const { ret, nwritten: nwritten_part } = self.fds[fd].fd_pwrite(data, offset);
          if (ret != ERRNO_SUCCESS) {
            buffer.setUint32(nwritten_ptr, nwritten, true);
            return ret;
          }
          nwritten += nwritten_part;
          offset += BigInt(nwritten_part);
          if (nwritten_part != data.byteLength) {
            break;
          }
        }
        buffer.setUint32(nwritten_ptr, nwritten, true);
        return ERRNO_SUCCESS;
      } else {
        return ERRNO_BADF;
      }
    }, fd_read(fd, iovs_ptr, iovs_len, nread_ptr) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const iovecs = Iovec.read_bytes_array(buffer, iovs_ptr, iovs_len);
        let nread = 0;
        for (const iovec of iovecs) {
          const { ret, data } = self.fds[fd].fd_read(iovec.buf_len);
          if (ret != ERRNO_SUCCESS) {
            buffer.setUint32(nread_ptr, nread, true);
            return ret;
          }
          buffer8.set(data, iovec.buf);
          nread += data.length;
          if (data.length != iovec.buf_len) {
            break;
          }
        }
        buffer.setUint32(nread_ptr, nread, true);
        return ERRNO_SUCCESS;
      } else {
        return ERRNO_BADF;
      }
    }, fd_readdir(fd, buf, buf_len, cookie, bufused_ptr) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        let bufused = 0;
        while (true) {
          const { ret, dirent } = self.fds[fd].fd_readdir_single(cookie);
          if (ret != 0) {
            buffer.setUint32(bufused_ptr, bufused, true);
            return ret;
          }
          if (dirent == null) {
            break;
          }
          if (buf_len - bufused < dirent.head_length()) {
            bufused = buf_len;
            break;
          }
          const head_bytes = new ArrayBuffer(dirent.head_length());
          dirent.write_head_bytes(new DataView(head_bytes), 0);
          buffer8.set(new Uint8Array(head_bytes).slice(0, Math.min(head_bytes.byteLength, buf_len - bufused)), buf);
          buf += dirent.head_length();
          bufused += dirent.head_length();
          if (buf_len - bufused < dirent.name_length()) {
            bufused = buf_len;
            break;
          }
          dirent.write_name_bytes(buffer8, buf, buf_len - bufused);
          buf += dirent.name_length();
          bufused += dirent.name_length();
          cookie = dirent.d_next;
        }
        buffer.setUint32(bufused_ptr, bufused, true);
        return 0;
      } else {
        return ERRNO_BADF;
      }
    }, fd_renumber(fd, to) {
      if (self.fds[fd] != void 0 && self.fds[to] != void 0) {
        const ret = self.fds[to].fd_close();
        if (ret != 0) {
          return ret;
        }
        self.fds[to] = self.fds[fd];
        self.fds[fd] = void 0;
        return 0;
      } else {
        return ERRNO_BADF;
      }
    }, fd_seek(fd, offset, whence, offset_out_ptr) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const { ret, offset: offset_out } = self.fds[fd].fd_seek(offset, whence);
        buffer.setBigInt64(offset_out_ptr, offset_out, true);
        return ret;
      } else {
        return ERRNO_BADF;
      }
    }, fd_sync(fd) {
      if (self.fds[fd] != void 0) {
        return self.fds[fd].fd_sync();
      } else {
        return ERRNO_BADF;
      }
    }, fd_tell(fd, offset_ptr) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const { ret, offset } = self.fds[fd].fd_tell();
        buffer.setBigUint64(offset_ptr, offset, true);
        return ret;
      } else {
        return ERRNO_BADF;
      }
    }, fd_write(fd, iovs_ptr, iovs_len, nwritten_ptr) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const iovecs = Ciovec.read_bytes_array(buffer, iovs_ptr, iovs_len);
        let nwritten = 0;
        for (const iovec of iovecs) {
          const data = buffer8.slice(iovec.buf, iovec.buf + iovec.buf_len);
          const { ret, nwritten: nwritten_part } = self.fds[fd].fd_write(data);
          if (ret != ERRNO_SUCCESS) {
            buffer.setUint32(nwritten_ptr, nwritten, true);
            return ret;
          }
          nwritten += nwritten_part;
          if (nwritten_part != data.byteLength) {
            break;
          }
        }
        buffer.setUint32(nwritten_ptr, nwritten, true);
        return ERRNO_SUCCESS;
      } else {
        return ERRNO_BADF;
      }
    }, path_create_directory(fd, path_ptr, path_len) {
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const path = new TextDecoder("utf-8").decode(buffer8.slice(path_ptr, path_ptr + path_len));
        return self.fds[fd].path_create_directory(path);
      } else {
        return ERRNO_BADF;
      }
    }, path_filestat_get(fd, flags, path_ptr, path_len, filestat_ptr) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const path = new TextDecoder("utf-8").decode(buffer8.slice(path_ptr, path_ptr + path_len));
        const { ret, filestat } = self.fds[fd].path_filestat_get(flags, path);
        if (filestat != null) {
          filestat.write_bytes(buffer, filestat_ptr);
        }
        return ret;
      } else {
        return ERRNO_BADF;
      }
    }, path_filestat_set_times(fd, flags, path_ptr, path_len, atim, mtim, fst_flags) {
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const path = new TextDecoder("utf-8").decode(buffer8.slice(path_ptr, path_ptr + path_len));
        return self.fds[fd].path_filestat_set_times(flags, path, atim, mtim, fst_flags);
      } else {
        return ERRNO_BADF;
      }
    }, path_link(old_fd, old_flags, old_path_ptr, old_path_len, new_fd, new_path_ptr, new_path_len) {
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[old_fd] != void 0 && self.fds[new_fd] != void 0) {
        const old_path = new TextDecoder("utf-8").decode(buffer8.slice(old_path_ptr, old_path_ptr + old_path_len));
        const new_path = new TextDecoder("utf-8").decode(buffer8.slice(new_path_ptr, new_path_ptr + new_path_len));
        const { ret, inode_obj } = self.fds[old_fd].path_lookup(old_path, old_flags);
        if (inode_obj == null) {
          return ret;
        }
        return self.fds[new_fd].path_link(new_path, inode_obj, false);
      } else {
        return ERRNO_BADF;
      }
    }, path_open(fd, dirflags, path_ptr, path_len, oflags, fs_rights_base, fs_rights_inheriting, fd_flags, opened_fd_ptr) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const path = new TextDecoder("utf-8").decode(buffer8.slice(path_ptr, path_ptr + path_len));
        debug.log(path);
        const { ret, fd_obj } = self.fds[fd].path_open(dirflags, path, oflags, fs_rights_base, fs_rights_inheriting, fd_flags);
        if (ret != 0) {
          return ret;
        }
        self.fds.push(fd_obj);
        const opened_fd = self.fds.length - 1;
        buffer.setUint32(opened_fd_ptr, opened_fd, true);
        return 0;
      } else {
        return ERRNO_BADF;
      }
    }, path_readlink(fd, path_ptr, path_len, buf_ptr, buf_len, nread_ptr) {
      const buffer = new DataView(self.inst.exports.memory.buffer);
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const path = new TextDecoder("utf-8").decode(buffer8.slice(path_ptr, path_ptr + path_len));
        debug.log(path);
        const { ret, data } = self.fds[fd].path_readlink(path);
        if (data != null) {
          const data_buf = new TextEncoder().encode(data);
          if (data_buf.length > buf_len) {
            buffer.setUint32(nread_ptr, 0, true);
            return ERRNO_BADF;
          }
          buffer8.set(data_buf, buf_ptr);
          buffer.setUint32(nread_ptr, data_buf.length, true);
        }
        return ret;
      } else {
        return ERRNO_BADF;
      }
    }, path_remove_directory(fd, path_ptr, path_len) {
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const path = new TextDecoder("utf-8").decode(buffer8.slice(path_ptr, path_ptr + path_len));
        return self.fds[fd].path_remove_directory(path);
      } else {
        return ERRNO_BADF;
      }
    }, path_rename(fd, old_path_ptr, old_path_len, new_fd, new_path_ptr, new_path_len) {
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0 && self.fds[new_fd] != void 0) {
        const old_path = new TextDecoder("utf-8").decode(buffer8.slice(old_path_ptr, old_path_ptr + old_path_len));
        const new_path = new TextDecoder("utf-8").decode(buffer8.slice(new_path_ptr, new_path_ptr + new_path_len));
        let { ret, inode_obj } = self.fds[fd].path_unlink(old_path);
        if (inode_obj == null) {
          return ret;
        }
        ret = self.fds[new_fd].path_link(new_path, inode_obj, true);
        if (ret != ERRNO_SUCCESS) {
          if (self.fds[fd].path_link(old_path, inode_obj, true) != ERRNO_SUCCESS) {
            throw "path_link should always return success when relinking an inode back to the original place";
          }
        }
        return ret;
      } else {
        return ERRNO_BADF;
      }
    }, path_symlink(old_path_ptr, old_path_len, fd, new_path_ptr, new_path_len) {
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const old_path = new TextDecoder("utf-8").decode(buffer8.slice(old_path_ptr, old_path_ptr + old_path_len));
        const new_path = new TextDecoder("utf-8").decode(buffer8.slice(new_path_ptr, new_path_ptr + new_path_len));
        return ERRNO_NOTSUP;
      } else {
        return ERRNO_BADF;
      }
    }, path_unlink_file(fd, path_ptr, path_len) {
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer);
      if (self.fds[fd] != void 0) {
        const path = new TextDecoder("utf-8").decode(buffer8.slice(path_ptr, path_ptr + path_len));
        return self.fds[fd].path_unlink_file(path);
      } else {
        return ERRNO_BADF;
      }
    }, poll_oneoff(in_ptr, out_ptr, nsubscriptions) {
      if (nsubscriptions === 0) {
        return ERRNO_INVAL;
      }
      if (nsubscriptions > 1) {
        debug.log("poll_oneoff: only a single subscription is supported");
        return ERRNO_NOTSUP;
      }
      const buffer = new DataView(self.inst.exports.memory.buffer);
      const s = Subscription.read_bytes(buffer, in_ptr);
      const eventtype = s.eventtype;
      const clockid = s.clockid;
      const timeout = s.timeout;
      if (eventtype !== EVENTTYPE_CLOCK) {
        debug.log("poll_oneoff: only clock subscriptions are supported");
        return ERRNO_NOTSUP;
      }
      let getNow = void 0;
      if (clockid === CLOCKID_MONOTONIC) {
        getNow = () => BigInt(Math.round(performance.now() * 1e6));
      } else if (clockid === CLOCKID_REALTIME) {
        getNow = () => BigInt((/* @__PURE__ */ new Date()).getTime()) * 1000000n;
      } else {
        return ERRNO_INVAL;
      }
      const endTime = (s.flags & SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME) !== 0 ? timeout : getNow() + timeout;
      while (endTime > getNow()) {
      }
      const event = new Event(s.userdata, ERRNO_SUCCESS, eventtype);
      event.write_bytes(buffer, out_ptr);
      return ERRNO_SUCCESS;
    }, proc_exit(exit_code) {
      throw new WASIProcExit(exit_code);
    }, proc_raise(sig) {
      throw "raised signal " + sig;
    }, sched_yield() {
    }, random_get(buf, buf_len) {
      const buffer8 = new Uint8Array(self.inst.exports.memory.buffer).subarray(buf, buf + buf_len);
      if ("crypto" in globalThis && (typeof SharedArrayBuffer === "undefined" || !(self.inst.exports.memory.buffer instanceof SharedArrayBuffer))) {
        for (let i = 0; i < buf_len; i += 65536) {
          crypto.getRandomValues(buffer8.subarray(i, i + 65536));
        }
      } else {
        for (let i = 0; i < buf_len; i++) {
          buffer8[i] = Math.random() * 256 | 0;
        }
      }
    }, sock_recv(fd, ri_data, ri_flags) {
      throw "sockets not supported";
    }, sock_send(fd, si_data, si_flags) {
      throw "sockets not supported";
    }, sock_shutdown(fd, how) {
      throw "sockets not supported";
    }, sock_accept(fd, flags) {
      throw "sockets not supported";
    } };
  }
};

// node_modules/@bjorn3/browser_wasi_shim/dist/fd.js
var Fd = class {
  fd_allocate(offset, len) {
    return ERRNO_NOTSUP;
  }
  fd_close() {
    return 0;
  }
  fd_fdstat_get() {
    return { ret: ERRNO_NOTSUP, fdstat: null };
  }
  fd_fdstat_set_flags(flags) {
    return ERRNO_NOTSUP;
  }
  fd_fdstat_set_rights(fs_rights_base, fs_rights_inheriting) {
    return ERRNO_NOTSUP;
  }
  fd_filestat_get() {
    return { ret: ERRNO_NOTSUP, filestat: null };
  }
  fd_filestat_set_size(size) {
    return ERRNO_NOTSUP;
  }
  fd_filestat_set_times(atim, mtim, fst_flags) {
    return ERRNO_NOTSUP;
  }
  fd_pread(size, offset) {
    return { ret: ERRNO_NOTSUP, data: new Uint8Array() };
  }
  fd_prestat_get() {
    return { ret: ERRNO_NOTSUP, prestat: null };
  }
  fd_pwrite(data, offset) {
    return { ret: ERRNO_NOTSUP, nwritten: 0 };
  }
  fd_read(size) {
    return { ret: ERRNO_NOTSUP, data: new Uint8Array() };
  }
  fd_readdir_single(cookie) {
    return { ret: ERRNO_NOTSUP, dirent: null };
  }
  fd_seek(offset, whence) {
    return { ret: ERRNO_NOTSUP, offset: 0n };
  }
  fd_sync() {
    return 0;
  }
  fd_tell() {
    return { ret: ERRNO_NOTSUP, offset: 0n };
  }
  fd_write(data) {
    return { ret: ERRNO_NOTSUP, nwritten: 0 };
  }
  path_create_directory(path) {
    return ERRNO_NOTSUP;
  }
  path_filestat_get(flags, path) {
    return { ret: ERRNO_NOTSUP, filestat: null };
  }
  path_filestat_set_times(flags, path, atim, mtim, fst_flags) {
    return ERRNO_NOTSUP;
  }
  path_link(path, inode, allow_dir) {
    return ERRNO_NOTSUP;
  }
  path_unlink(path) {
    return { ret: ERRNO_NOTSUP, inode_obj: null };
  }
  path_lookup(path, dirflags) {
    return { ret: ERRNO_NOTSUP, inode_obj: null };
  }
  path_open(dirflags, path, oflags, fs_rights_base, fs_rights_inheriting, fd_flags) {
    return { ret: ERRNO_NOTDIR, fd_obj: null };
  }
  path_readlink(path) {
    return { ret: ERRNO_NOTSUP, data: null };
  }
  path_remove_directory(path) {
    return ERRNO_NOTSUP;
  }
  path_rename(old_path, new_fd, new_path) {
    return ERRNO_NOTSUP;
  }
  path_unlink_file(path) {
    return ERRNO_NOTSUP;
  }
};
var Inode = class _Inode {
  static issue_ino() {
    return _Inode.next_ino++;
  }
  static root_ino() {
    return 0n;
  }
  constructor() {
    this.ino = _Inode.issue_ino();
  }
};
Inode.next_ino = 1n;

// node_modules/@bjorn3/browser_wasi_shim/dist/fs_mem.js
var ConsoleStdout = class _ConsoleStdout extends Fd {
  fd_filestat_get() {
    const filestat = new Filestat(this.ino, FILETYPE_CHARACTER_DEVICE, BigInt(0));
    return { ret: 0, filestat };
  }
  fd_fdstat_get() {
    const fdstat = new Fdstat(FILETYPE_CHARACTER_DEVICE, 0);
    fdstat.fs_rights_base = BigInt(RIGHTS_FD_WRITE);
    return { ret: 0, fdstat };
  }
  fd_write(data) {
    this.write(data);
    return { ret: 0, nwritten: data.byteLength };
  }
  static lineBuffered(write) {
    const dec = new TextDecoder("utf-8", { fatal: false });
    let line_buf = "";
    return new _ConsoleStdout((buffer) => {
      line_buf += dec.decode(buffer, { stream: true });
      const lines = line_buf.split("\n");
      for (const [i, line] of lines.entries()) {
        if (i < lines.length - 1) {
          write(line);
        } else {
          line_buf = line;
        }
      }
    });
  }
  constructor(write) {
    super();
    this.ino = Inode.issue_ino();
    this.write = write;
  }
};

// src/host/inode.ts
var Quota = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  used = 0;
  /** Takes `bytes` more, or answers false when that would pass the limit. */
  take(bytes) {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }
  give(bytes) {
    this.used = Math.max(0, this.used - bytes);
  }
  get free() {
    return this.limit - this.used;
  }
};
var now = () => BigInt(Date.now()) * 1000000n;
var Stat = class extends wasi_defs_exports.Filestat {
  constructor(ino, filetype, size, nlink, times) {
    super(ino, filetype, size);
    this.nlink = nlink;
    this.atim = times.atim;
    this.mtim = times.mtim;
    this.ctim = times.ctim;
  }
  write_bytes(view, ptr) {
    view.setBigUint64(ptr, this.dev, true);
    view.setBigUint64(ptr + 8, this.ino, true);
    view.setUint8(ptr + 16, this.filetype);
    view.setBigUint64(ptr + 24, this.nlink, true);
    view.setBigUint64(ptr + 32, this.size, true);
    view.setBigUint64(ptr + 40, this.atim, true);
    view.setBigUint64(ptr + 48, this.mtim, true);
    view.setBigUint64(ptr + 56, this.ctim, true);
  }
};
function setTimes(times, atim, mtim, flags) {
  const t = now();
  if (flags & wasi_defs_exports.FSTFLAGS_ATIM) times.atim = atim;
  else if (flags & wasi_defs_exports.FSTFLAGS_ATIM_NOW) times.atim = t;
  if (flags & wasi_defs_exports.FSTFLAGS_MTIM) times.mtim = mtim;
  else if (flags & wasi_defs_exports.FSTFLAGS_MTIM_NOW) times.mtim = t;
  times.ctim = t;
}
var ALL_RIGHTS = (1n << 29n) - 1n;
var WRITE = BigInt(wasi_defs_exports.RIGHTS_FD_WRITE);
var READ = BigInt(wasi_defs_exports.RIGHTS_FD_READ);
var MemFile = class extends Inode {
  constructor(source, quota, time = now()) {
    super();
    this.quota = quota;
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
  quota;
  bytes;
  load;
  owned = false;
  loadedSize = 0;
  /** Bytes of this file charged to the quota (growth the module wrote; the host's bytes are free). */
  charged = 0;
  nlink = 0;
  atim;
  mtim;
  ctim;
  get writable() {
    return this.quota !== null;
  }
  data() {
    if (this.load !== null) {
      this.bytes = this.load();
      this.loadedSize = this.bytes.byteLength;
      this.load = null;
    }
    return this.bytes;
  }
  get size() {
    this.data();
    return this.loadedSize;
  }
  stat() {
    return new Stat(this.ino, wasi_defs_exports.FILETYPE_REGULAR_FILE, BigInt(this.size), BigInt(Math.max(this.nlink, 1)), this);
  }
  read(offset, length) {
    const data = this.data();
    const end = Math.min(this.loadedSize, offset + length);
    return offset >= end ? new Uint8Array(0) : data.subarray(offset, end);
  }
  /** Makes room for `end` bytes: doubling, so a file grown by many small writes costs linear time. */
  reserve(end) {
    const data = this.data();
    if (this.owned && end <= data.byteLength) return wasi_defs_exports.ERRNO_SUCCESS;
    const room = this.loadedSize + (this.quota?.free ?? 0);
    const capacity = Math.max(end, Math.min(Math.max(data.byteLength * 2, 4096), room));
    let grown;
    try {
      grown = new Uint8Array(capacity);
    } catch {
      return wasi_defs_exports.ERRNO_NOMEM;
    }
    grown.set(data.subarray(0, this.loadedSize));
    this.bytes = grown;
    this.owned = true;
    return wasi_defs_exports.ERRNO_SUCCESS;
  }
  /** Changes the size to `size`, charging or releasing the quota. */
  resize(size) {
    if (this.quota === null) return wasi_defs_exports.ERRNO_ROFS;
    const old = this.size;
    if (size > old) {
      if (!this.quota.take(size - old)) return wasi_defs_exports.ERRNO_NOSPC;
      const ret = this.reserve(size);
      if (ret !== wasi_defs_exports.ERRNO_SUCCESS) {
        this.quota.give(size - old);
        return ret;
      }
      this.charged += size - old;
    } else if (size < old) {
      if (this.owned)
        this.bytes.fill(0, size, old);
      else this.bytes = this.bytes.subarray(0, size);
      const back = Math.min(this.charged, old - size);
      this.quota.give(back);
      this.charged -= back;
    }
    this.loadedSize = size;
    this.mtim = this.ctim = now();
    return wasi_defs_exports.ERRNO_SUCCESS;
  }
  write(offset, chunk) {
    if (this.quota === null) return wasi_defs_exports.ERRNO_ROFS;
    const end = offset + chunk.byteLength;
    if (end > this.size) {
      const ret = this.resize(end);
      if (ret !== wasi_defs_exports.ERRNO_SUCCESS) return ret;
    } else {
      const ret = this.reserve(end);
      if (ret !== wasi_defs_exports.ERRNO_SUCCESS) return ret;
    }
    this.bytes.set(chunk, offset);
    this.mtim = this.ctim = now();
    return wasi_defs_exports.ERRNO_SUCCESS;
  }
  /** The last name of this file went away: its quota is free again. */
  unlinked() {
    this.nlink = Math.max(0, this.nlink - 1);
    if (this.nlink === 0 && this.quota !== null) {
      this.quota.give(this.charged);
      this.charged = 0;
    }
  }
  path_open() {
    return { ret: wasi_defs_exports.ERRNO_NOTSUP, fd_obj: null };
  }
};
var MemDir = class _MemDir extends Inode {
  constructor(quota, time = now()) {
    super();
    this.quota = quota;
    this.atim = this.mtim = this.ctim = time;
  }
  quota;
  entries = /* @__PURE__ */ new Map();
  parent = null;
  atim;
  mtim;
  ctim;
  get writable() {
    return this.quota !== null;
  }
  /** Adds `node` as `name` (replacing nothing: the caller checked). */
  link(name, node) {
    this.entries.set(name, node);
    if (node instanceof _MemDir) node.parent = this;
    else node.nlink++;
    this.mtim = this.ctim = now();
  }
  unlink(name) {
    const node = this.entries.get(name);
    this.entries.delete(name);
    if (node instanceof MemFile) node.unlinked();
    this.mtim = this.ctim = now();
  }
  stat() {
    return new Stat(this.ino, wasi_defs_exports.FILETYPE_DIRECTORY, 0n, 1n, this);
  }
  path_open() {
    return { ret: wasi_defs_exports.ERRNO_NOTSUP, fd_obj: null };
  }
};
function walk(start, path) {
  const fail = (ret) => ({ ret, parent: null, name: "", node: null, dirOnly: false });
  if (path === "") return fail(wasi_defs_exports.ERRNO_NOENT);
  if (path.includes("\0")) return fail(wasi_defs_exports.ERRNO_INVAL);
  let dir = start;
  if (path.startsWith("/")) while (dir.parent !== null) dir = dir.parent;
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  const dirOnly = path === "." || path.endsWith("/") || path.endsWith("/.");
  for (const part of parts.slice(0, -1)) {
    if (part === "..") {
      dir = dir.parent ?? dir;
      continue;
    }
    const next = dir.entries.get(part);
    if (next === void 0) return fail(wasi_defs_exports.ERRNO_NOENT);
    if (!(next instanceof MemDir)) return fail(wasi_defs_exports.ERRNO_NOTDIR);
    dir = next;
  }
  const name = parts[parts.length - 1];
  if (name === void 0 || name === "..") {
    const itself = name === void 0 ? dir : dir.parent ?? dir;
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, parent: itself.parent ?? itself, name: ".", node: itself, dirOnly: true };
  }
  const node = dir.entries.get(name) ?? null;
  if (node !== null && dirOnly && !(node instanceof MemDir)) return fail(wasi_defs_exports.ERRNO_NOTDIR);
  return { ret: wasi_defs_exports.ERRNO_SUCCESS, parent: dir, name, node, dirOnly };
}
var OpenMemFile = class extends Fd {
  constructor(file, readable, writable, fdflags, rightsBase, rightsInheriting) {
    super();
    this.file = file;
    this.readable = readable;
    this.writable = writable;
    this.fdflags = fdflags;
    this.rightsBase = rightsBase;
    this.rightsInheriting = rightsInheriting;
  }
  file;
  readable;
  writable;
  fdflags;
  rightsBase;
  rightsInheriting;
  position = 0;
  get append() {
    return (this.fdflags & wasi_defs_exports.FDFLAGS_APPEND) !== 0;
  }
  fd_fdstat_get() {
    const fdstat = new wasi_defs_exports.Fdstat(wasi_defs_exports.FILETYPE_REGULAR_FILE, this.fdflags);
    fdstat.fs_rights_base = this.rightsBase;
    fdstat.fs_rights_inherited = this.rightsInheriting;
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, fdstat };
  }
  fd_fdstat_set_flags(flags) {
    this.fdflags = flags;
    return wasi_defs_exports.ERRNO_SUCCESS;
  }
  fd_filestat_get() {
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, filestat: this.file.stat() };
  }
  fd_filestat_set_size(size) {
    if (!this.writable) return wasi_defs_exports.ERRNO_BADF;
    return this.file.resize(Number(size));
  }
  fd_filestat_set_times(atim, mtim, flags) {
    if (!this.file.writable) return wasi_defs_exports.ERRNO_ROFS;
    setTimes(this.file, atim, mtim, flags);
    return wasi_defs_exports.ERRNO_SUCCESS;
  }
  fd_allocate(offset, len) {
    if (!this.writable) return wasi_defs_exports.ERRNO_BADF;
    const end = Number(offset + len);
    return end > this.file.size ? this.file.resize(end) : wasi_defs_exports.ERRNO_SUCCESS;
  }
  fd_read(size) {
    if (!this.readable) return { ret: wasi_defs_exports.ERRNO_BADF, data: new Uint8Array(0) };
    const data = this.file.read(this.position, size);
    this.position += data.byteLength;
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, data };
  }
  fd_pread(size, offset) {
    if (!this.readable) return { ret: wasi_defs_exports.ERRNO_BADF, data: new Uint8Array(0) };
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, data: this.file.read(Number(offset), size) };
  }
  fd_write(data) {
    if (!this.writable) return { ret: wasi_defs_exports.ERRNO_BADF, nwritten: 0 };
    if (this.append) this.position = this.file.size;
    const ret = this.file.write(this.position, data);
    if (ret !== wasi_defs_exports.ERRNO_SUCCESS) return { ret, nwritten: 0 };
    this.position += data.byteLength;
    return { ret, nwritten: data.byteLength };
  }
  fd_pwrite(data, offset) {
    if (!this.writable) return { ret: wasi_defs_exports.ERRNO_BADF, nwritten: 0 };
    const ret = this.file.write(Number(offset), data);
    return { ret, nwritten: ret === wasi_defs_exports.ERRNO_SUCCESS ? data.byteLength : 0 };
  }
  fd_seek(offset, whence) {
    const base = whence === wasi_defs_exports.WHENCE_SET ? 0 : whence === wasi_defs_exports.WHENCE_CUR ? this.position : whence === wasi_defs_exports.WHENCE_END ? this.file.size : NaN;
    const target = base + Number(offset);
    if (!(target >= 0)) return { ret: wasi_defs_exports.ERRNO_INVAL, offset: BigInt(this.position) };
    this.position = target;
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, offset: BigInt(target) };
  }
  fd_tell() {
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, offset: BigInt(this.position) };
  }
  fd_sync() {
    return wasi_defs_exports.ERRNO_SUCCESS;
  }
};
var OpenMemDir = class _OpenMemDir extends Fd {
  constructor(dir, prestatName = null) {
    super();
    this.dir = dir;
    this.prestatName = prestatName;
  }
  dir;
  prestatName;
  /** The entries of the scan in progress, taken when a scan starts (cookie 0). */
  listing = null;
  fd_prestat_get() {
    if (this.prestatName === null) return { ret: wasi_defs_exports.ERRNO_BADF, prestat: null };
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, prestat: wasi_defs_exports.Prestat.dir(this.prestatName) };
  }
  fd_fdstat_get() {
    const fdstat = new wasi_defs_exports.Fdstat(wasi_defs_exports.FILETYPE_DIRECTORY, 0);
    fdstat.fs_rights_base = ALL_RIGHTS;
    fdstat.fs_rights_inherited = ALL_RIGHTS;
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, fdstat };
  }
  fd_filestat_get() {
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, filestat: this.dir.stat() };
  }
  fd_filestat_set_times(atim, mtim, flags) {
    if (!this.dir.writable) return wasi_defs_exports.ERRNO_ROFS;
    setTimes(this.dir, atim, mtim, flags);
    return wasi_defs_exports.ERRNO_SUCCESS;
  }
  fd_readdir_single(cookie) {
    if (cookie === 0n || this.listing === null) {
      this.listing = [[".", this.dir], ["..", this.dir.parent ?? this.dir], ...this.dir.entries];
    }
    const entry = this.listing[Number(cookie)];
    if (entry === void 0) return { ret: wasi_defs_exports.ERRNO_SUCCESS, dirent: null };
    const [name, node] = entry;
    const type = node instanceof MemDir ? wasi_defs_exports.FILETYPE_DIRECTORY : wasi_defs_exports.FILETYPE_REGULAR_FILE;
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, dirent: new wasi_defs_exports.Dirent(cookie + 1n, node.ino, name, type) };
  }
  fd_read() {
    return { ret: wasi_defs_exports.ERRNO_ISDIR, data: new Uint8Array(0) };
  }
  fd_write() {
    return { ret: wasi_defs_exports.ERRNO_ISDIR, nwritten: 0 };
  }
  path_filestat_get(_flags, path) {
    const found = walk(this.dir, path);
    if (found.ret !== wasi_defs_exports.ERRNO_SUCCESS) return { ret: found.ret, filestat: null };
    if (found.node === null) return { ret: wasi_defs_exports.ERRNO_NOENT, filestat: null };
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, filestat: found.node.stat() };
  }
  path_filestat_set_times(_flags, path, atim, mtim, flags) {
    const found = walk(this.dir, path);
    if (found.ret !== wasi_defs_exports.ERRNO_SUCCESS) return found.ret;
    if (found.node === null) return wasi_defs_exports.ERRNO_NOENT;
    if (!found.node.writable) return wasi_defs_exports.ERRNO_ROFS;
    setTimes(found.node, atim, mtim, flags);
    return wasi_defs_exports.ERRNO_SUCCESS;
  }
  path_lookup(path) {
    const found = walk(this.dir, path);
    if (found.ret !== wasi_defs_exports.ERRNO_SUCCESS) return { ret: found.ret, inode_obj: null };
    return found.node === null ? { ret: wasi_defs_exports.ERRNO_NOENT, inode_obj: null } : { ret: wasi_defs_exports.ERRNO_SUCCESS, inode_obj: found.node };
  }
  path_readlink(path) {
    const found = walk(this.dir, path);
    if (found.ret !== wasi_defs_exports.ERRNO_SUCCESS) return { ret: found.ret, data: null };
    return { ret: found.node === null ? wasi_defs_exports.ERRNO_NOENT : wasi_defs_exports.ERRNO_INVAL, data: null };
  }
  path_open(_dirflags, path, oflags, rightsBase, rightsInheriting, fdflags) {
    const found = walk(this.dir, path);
    if (found.ret !== wasi_defs_exports.ERRNO_SUCCESS) return { ret: found.ret, fd_obj: null };
    const create = (oflags & wasi_defs_exports.OFLAGS_CREAT) !== 0;
    const truncate = (oflags & wasi_defs_exports.OFLAGS_TRUNC) !== 0;
    const wantWrite = (rightsBase & WRITE) !== 0n || truncate;
    let node = found.node;
    if (node !== null) {
      if (create && (oflags & wasi_defs_exports.OFLAGS_EXCL) !== 0) return { ret: wasi_defs_exports.ERRNO_EXIST, fd_obj: null };
      if (node instanceof MemDir) {
        if (wantWrite) return { ret: wasi_defs_exports.ERRNO_ISDIR, fd_obj: null };
        return { ret: wasi_defs_exports.ERRNO_SUCCESS, fd_obj: new _OpenMemDir(node) };
      }
      if ((oflags & wasi_defs_exports.OFLAGS_DIRECTORY) !== 0) return { ret: wasi_defs_exports.ERRNO_NOTDIR, fd_obj: null };
      if (wantWrite && !node.writable) return { ret: wasi_defs_exports.ERRNO_ROFS, fd_obj: null };
      if (truncate) {
        const ret = node.resize(0);
        if (ret !== wasi_defs_exports.ERRNO_SUCCESS) return { ret, fd_obj: null };
      }
    } else {
      if (!create) return { ret: wasi_defs_exports.ERRNO_NOENT, fd_obj: null };
      if (found.dirOnly || (oflags & wasi_defs_exports.OFLAGS_DIRECTORY) !== 0) return { ret: wasi_defs_exports.ERRNO_ISDIR, fd_obj: null };
      const parent = found.parent;
      if (!parent.writable) return { ret: wasi_defs_exports.ERRNO_ROFS, fd_obj: null };
      node = new MemFile(new Uint8Array(0), parent.quota);
      parent.link(found.name, node);
    }
    const file = new OpenMemFile(node, (rightsBase & READ) !== 0n, wantWrite, fdflags, rightsBase, rightsInheriting);
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, fd_obj: file };
  }
  path_create_directory(path) {
    const found = walk(this.dir, path);
    if (found.ret !== wasi_defs_exports.ERRNO_SUCCESS) return found.ret;
    if (found.node !== null) return wasi_defs_exports.ERRNO_EXIST;
    const parent = found.parent;
    if (!parent.writable) return wasi_defs_exports.ERRNO_ROFS;
    parent.link(found.name, new MemDir(parent.quota));
    return wasi_defs_exports.ERRNO_SUCCESS;
  }
  path_unlink_file(path) {
    const found = walk(this.dir, path);
    if (found.ret !== wasi_defs_exports.ERRNO_SUCCESS) return found.ret;
    if (found.node === null) return wasi_defs_exports.ERRNO_NOENT;
    if (found.node instanceof MemDir) return wasi_defs_exports.ERRNO_ISDIR;
    if (!found.parent.writable) return wasi_defs_exports.ERRNO_ROFS;
    found.parent.unlink(found.name);
    return wasi_defs_exports.ERRNO_SUCCESS;
  }
  path_remove_directory(path) {
    const found = walk(this.dir, path);
    if (found.ret !== wasi_defs_exports.ERRNO_SUCCESS) return found.ret;
    if (found.node === null) return wasi_defs_exports.ERRNO_NOENT;
    if (!(found.node instanceof MemDir)) return wasi_defs_exports.ERRNO_NOTDIR;
    if (found.name === "." || found.node.parent === null) return wasi_defs_exports.ERRNO_BUSY;
    if (!found.parent.writable) return wasi_defs_exports.ERRNO_ROFS;
    if (found.node.entries.size > 0) return wasi_defs_exports.ERRNO_NOTEMPTY;
    found.parent.unlink(found.name);
    return wasi_defs_exports.ERRNO_SUCCESS;
  }
  // The shim renames as path_unlink here, then path_link at the target (linking back on failure).
  path_unlink(path) {
    const found = walk(this.dir, path);
    if (found.ret !== wasi_defs_exports.ERRNO_SUCCESS) return { ret: found.ret, inode_obj: null };
    if (found.node === null) return { ret: wasi_defs_exports.ERRNO_NOENT, inode_obj: null };
    if (found.name === "." || found.node instanceof MemDir && found.node.parent === null)
      return { ret: wasi_defs_exports.ERRNO_BUSY, inode_obj: null };
    if (!found.parent.writable) return { ret: wasi_defs_exports.ERRNO_ROFS, inode_obj: null };
    const node = found.node;
    if (node instanceof MemFile) node.nlink++;
    found.parent.unlink(found.name);
    if (node instanceof MemFile) node.nlink--;
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, inode_obj: node };
  }
  path_link(path, inode, allowDir) {
    if (!(inode instanceof MemFile) && !(inode instanceof MemDir)) return wasi_defs_exports.ERRNO_XDEV;
    if (inode instanceof MemDir && !allowDir) return wasi_defs_exports.ERRNO_PERM;
    const found = walk(this.dir, path);
    if (found.ret !== wasi_defs_exports.ERRNO_SUCCESS) return found.ret;
    const parent = found.parent;
    if (found.name === ".") return wasi_defs_exports.ERRNO_BUSY;
    if (!parent.writable) return wasi_defs_exports.ERRNO_ROFS;
    if (inode instanceof MemDir) {
      for (let d = parent; d !== null; d = d.parent) if (d === inode) return wasi_defs_exports.ERRNO_INVAL;
    }
    const target = found.node;
    if (target === inode) return wasi_defs_exports.ERRNO_SUCCESS;
    if (target !== null) {
      if (inode instanceof MemDir) {
        if (!(target instanceof MemDir)) return wasi_defs_exports.ERRNO_NOTDIR;
        if (target.entries.size > 0) return wasi_defs_exports.ERRNO_NOTEMPTY;
      } else if (target instanceof MemDir) {
        return wasi_defs_exports.ERRNO_ISDIR;
      }
      parent.unlink(found.name);
    }
    parent.link(found.name, inode);
    return wasi_defs_exports.ERRNO_SUCCESS;
  }
};

// src/host/fs.ts
var PLUGIN_DIR = "/plugin";
var DEFAULT_QUOTA_BYTES = 256 * 1024 * 1024;
var utf8 = new TextEncoder();
function isSafeRelativePath(path) {
  if (path === "" || path.startsWith("/") || /[\\\0]/.test(path)) return false;
  return path.split("/").every((seg) => seg !== "" && seg !== "." && seg !== "..");
}
function fillPluginFolder(folder, files) {
  const time = BigInt(Date.now()) * 1000000n;
  for (const [path, content] of Object.entries(files)) {
    if (!isSafeRelativePath(path)) throw new Error(`invalid plugin file path: ${JSON.stringify(path)}`);
    const parts = path.split("/");
    let dir = folder;
    for (const part of parts.slice(0, -1)) {
      let next = dir.entries.get(part);
      if (next === void 0) {
        next = new MemDir(folder.quota, time);
        dir.link(part, next);
      }
      if (!(next instanceof MemDir)) throw new Error(`plugin path ${path} runs through a file`);
      dir = next;
    }
    const name = parts[parts.length - 1];
    if (dir.entries.has(name)) throw new Error(`plugin path ${path} is given twice, or as a file and a folder`);
    dir.link(name, new MemFile(typeof content === "string" ? utf8.encode(content) : content, folder.quota, time));
  }
}
function moduleFilesystem(stdlib, stdout, stderr, quotaBytes = DEFAULT_QUOTA_BYTES) {
  const quota = new Quota(quotaBytes);
  const root = new MemDir(null);
  const plugin = new MemDir(quota);
  const lib = new MemDir(null);
  for (const [name, source] of Object.entries(stdlib)) lib.link(name, new MemFile(source, null));
  root.link("plugin", plugin);
  root.link("lib", lib);
  root.link("tmp", new MemDir(quota));
  const stdin = new OpenMemFile(new MemFile(new Uint8Array(0), null), true, false, 0, BigInt(wasi_defs_exports.RIGHTS_FD_READ), 0n);
  return {
    fds: [stdin, stdout, stderr, new OpenMemDir(root, "/")],
    setPluginFiles: (files) => fillPluginFolder(plugin, files),
    quota
  };
}

// src/host/mem.ts
var utf82 = new TextEncoder();
var utf8Decoder = new TextDecoder("utf-8", { ignoreBOM: true });
var ASCII_RUN_MAX = 1024;
function asciiString(bytes) {
  if (bytes.length > ASCII_RUN_MAX) return null;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 128) return null;
  return String.fromCharCode.apply(null, bytes);
}
function isAsciiText(text) {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}
function hex(ptr) {
  return `0x${(ptr >>> 0).toString(16)}`;
}
function withGuestString(exports, text, log, body, trace) {
  const bytes = isAsciiText(text) ? null : utf82.encode(text);
  const length = bytes === null ? text.length : bytes.length;
  const size = length + 1;
  trace?.add("host-wasm", "call", "allocate", [{ name: "size", kind: "int", value: size }]);
  const ptr = exports.allocate(size);
  trace?.add("host-wasm", "return", "allocate", [{ name: "ptr", kind: "int", value: ptr }]);
  if (ptr === 0) throw new Error(`allocate(${size}) returned NULL: the module is out of memory`);
  log(`allocate(${size}) -> ${hex(ptr)}`);
  const view = new Uint8Array(exports.memory.buffer, ptr, size);
  if (bytes !== null) view.set(bytes);
  else for (let i = 0; i < length; i++) view[i] = text.charCodeAt(i);
  view[length] = 0;
  log(`Payload stored at ${hex(ptr)}, len=${length}`);
  const result = body(ptr, length);
  trace?.add("host-wasm", "call", "deallocate", [trace.bytes("ptr", ptr, size), { name: "size", kind: "int", value: size }]);
  exports.deallocate(ptr, size);
  trace?.add("host-wasm", "return", "deallocate", []);
  log(`deallocate(${hex(ptr)}, ${size})`);
  return result;
}
function readGuestString(memory, ptr, len) {
  const start = ptr >>> 0;
  const length = len >>> 0;
  if (start + length > memory.buffer.byteLength) {
    throw new RangeError(`string at ${hex(start)}+${length} lies outside the module's memory`);
  }
  const bytes = new Uint8Array(memory.buffer, start, length);
  return asciiString(bytes) ?? utf8Decoder.decode(bytes);
}

// src/host/lines.ts
var MAX_LINE_CHARS = 64 * 1024;
var LineSink = class {
  constructor(onLine) {
    this.onLine = onLine;
    this.fd = new ConsoleStdout((bytes) => this.write(bytes));
  }
  onLine;
  fd;
  decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  /**
   * The decoder holds no part of a character: the last byte it was given was ASCII (which ends any
   * sequence), or it was given nothing yet. Only then may a chunk go around it.
   */
  decoderClean = true;
  pending = "";
  cut = 0;
  /**
   * Takes the bytes of one write (a view is fine: they are read before this returns). A short ASCII
   * chunk (nearly every log line) skips TextDecoder: in a Chromium Worker each of its calls costs
   * about a microsecond, several times this loop.
   */
  write(bytes) {
    let text = this.decoderClean ? asciiString(bytes) : null;
    if (text === null) {
      text = this.decoder.decode(bytes, { stream: true });
      if (bytes.length > 0) this.decoderClean = bytes[bytes.length - 1] < 128;
    }
    let from = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", from)) {
      this.push(text.slice(from, nl));
      this.emit();
      from = nl + 1;
    }
    this.push(text.slice(from));
  }
  push(part) {
    const room = MAX_LINE_CHARS - this.pending.length;
    if (part.length <= room) this.pending += part;
    else {
      this.pending += part.slice(0, Math.max(room, 0));
      this.cut += part.length - Math.max(room, 0);
    }
  }
  emit() {
    const line = this.cut > 0 ? `${this.pending} \u2026 [${this.cut} more characters cut]` : this.pending;
    this.pending = "";
    this.cut = 0;
    this.onLine(line);
  }
  flush() {
    this.push(this.decoder.decode());
    this.decoderClean = true;
    if (this.pending !== "" || this.cut > 0) this.emit();
  }
};
function consoleFdWrite(memory, fds, sinks, fallback) {
  let buffer = null;
  let bytes = new Uint8Array(0);
  let view = new DataView(new ArrayBuffer(0));
  return (fd, iovs, iovsLength, nwrittenPtr) => {
    const sink = sinks.find((s) => s.fd === fds[fd]);
    if (sink === void 0) return fallback(fd, iovs, iovsLength, nwrittenPtr);
    const current = memory().buffer;
    if (current !== buffer) {
      buffer = current;
      bytes = new Uint8Array(current);
      view = new DataView(current);
    }
    let written = 0;
    for (let i = 0; i < iovsLength; i++) {
      const at = view.getUint32(iovs + 8 * i, true);
      const length = view.getUint32(iovs + 8 * i + 4, true);
      if (at + length > bytes.length) return wasi_defs_exports.ERRNO_FAULT;
      sink.write(bytes.subarray(at, at + length));
      written += length;
    }
    view.setUint32(nwrittenPtr, written, true);
    return wasi_defs_exports.ERRNO_SUCCESS;
  };
}

// src/host/log.ts
var PREFIXED = /^(\t*)(?:\x1b\[[0-9;]*m)*\[([^\]\t\n]{1,64})\](?:\x1b\[[0-9;]*m)* \| (?:id=(-?\d{1,10}) \| )?/;
function parseModuleLine(line, stream, time) {
  const m = PREFIXED.exec(line);
  if (m === null) return { level: "python", file: "", ident: null, text: line, stream, time };
  const file = m[2];
  const level = m[1].length === 1 && file.endsWith(".c") ? "wrapper" : "python";
  const ident = m[3] === void 0 ? null : Number(m[3]);
  return { level, file, ident, text: line.slice(m[0].length), stream, time };
}

// src/host/clock.ts
var SUBSCRIPTION_SIZE = 48;
var EVENT_SIZE = 32;
var origin = performance.now();
function clockNow(id) {
  if (id === wasi_defs_exports.CLOCKID_MONOTONIC) return BigInt(Math.round(performance.now() * 1e6));
  if (id === wasi_defs_exports.CLOCKID_REALTIME) return BigInt(Date.now()) * 1000000n;
  if (id === wasi_defs_exports.CLOCKID_PROCESS_CPUTIME_ID || id === wasi_defs_exports.CLOCKID_THREAD_CPUTIME_ID) {
    return BigInt(Math.round((performance.now() - origin) * 1e6));
  }
  return null;
}
function clocks(memory) {
  return {
    clock_time_get(id, _precision, timePtr) {
      const now2 = clockNow(id);
      if (now2 === null) return wasi_defs_exports.ERRNO_INVAL;
      new DataView(memory().buffer).setBigUint64(timePtr, now2, true);
      return wasi_defs_exports.ERRNO_SUCCESS;
    },
    clock_res_get(id, resPtr) {
      if (clockNow(id) === null) return wasi_defs_exports.ERRNO_INVAL;
      new DataView(memory().buffer).setBigUint64(resPtr, id === wasi_defs_exports.CLOCKID_REALTIME ? 1000000n : 1000n, true);
      return wasi_defs_exports.ERRNO_SUCCESS;
    }
  };
}
function sleepMs(ms) {
  if (ms <= 0) return;
  if (typeof SharedArrayBuffer !== "undefined") {
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      return;
    } catch {
    }
  }
  const end = performance.now() + ms;
  while (performance.now() < end) {
  }
}
function pollOneoff(memory) {
  return (inPtr, outPtr, count, neventsPtr) => {
    const view = new DataView(memory().buffer);
    if (count === 0) return wasi_defs_exports.ERRNO_INVAL;
    const clocks2 = [];
    let nevents = 0;
    const event = (userdata, error, type) => {
      const at = outPtr + nevents * EVENT_SIZE;
      for (let i = 0; i < EVENT_SIZE; i++) view.setUint8(at + i, 0);
      view.setBigUint64(at, userdata, true);
      view.setUint16(at + 8, error, true);
      view.setUint8(at + 10, type);
      nevents++;
    };
    for (let i = 0; i < count; i++) {
      const at = inPtr + i * SUBSCRIPTION_SIZE;
      const userdata = view.getBigUint64(at, true);
      const type = view.getUint8(at + 8);
      if (type === wasi_defs_exports.EVENTTYPE_CLOCK) {
        const id = view.getUint32(at + 16, true);
        const timeout = view.getBigUint64(at + 24, true);
        const flags = view.getUint16(at + 40, true);
        const now2 = clockNow(id);
        if (now2 === null) {
          event(userdata, wasi_defs_exports.ERRNO_INVAL, type);
          continue;
        }
        const absolute = (flags & wasi_defs_exports.SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME) !== 0;
        clocks2.push({ userdata, id, deadline: absolute ? timeout : now2 + timeout });
      } else {
        event(userdata, wasi_defs_exports.ERRNO_SUCCESS, type);
      }
    }
    if (nevents === 0 && clocks2.length > 0) {
      const waitMs = (c) => Number(c.deadline - clockNow(c.id)) / 1e6;
      sleepMs(Math.min(...clocks2.map(waitMs)));
      while (!clocks2.some((c) => waitMs(c) <= 0)) sleepMs(Math.min(...clocks2.map(waitMs)));
      for (const c of clocks2) if (waitMs(c) <= 0) event(c.userdata, wasi_defs_exports.ERRNO_SUCCESS, wasi_defs_exports.EVENTTYPE_CLOCK);
    }
    view.setUint32(neventsPtr, nevents, true);
    return wasi_defs_exports.ERRNO_SUCCESS;
  };
}

// src/host/abi.generated.ts
var MAX_VALUE_BYTES = 16777216;
var FieldType = {
  /** `method`, `url`, `id` or `body` of the request (`id` cannot be set). */
  meta: 0,
  /** A top-level field of the request body, read as JSON; its value must be a string. */
  body: 1,
  /** A request header; names are case-insensitive. */
  header: 2,
  /** A URL parameter of the route (`/users/:id` gives `id`). */
  params: 3,
  /** A value of the run's state, carried from one step of a sequence to the next. */
  state: 4,
  /** A query parameter of the request URL (read only). */
  query: 5
};
var LogLevelNames = ["unset", "error", "warn", "info", "debug"];
var HttpMethodNames = ["get", "head", "options", "post", "put", "patch", "delete"];
var ENV_PARAMS = {
  return_result: ["result_ptr", "result_len", "ident"],
  return_error: ["code", "message_ptr", "message_len", "ident"],
  get_ffi_result: ["ptr", "ident"],
  add_ffi_var: ["name_ptr", "name_len", "value_ptr", "value_len", "ident"],
  fetch_url: ["method", "url_ptr", "url_len", "body_ptr", "body_len", "ident"],
  log_msg: ["message_ptr", "message_len", "level", "ident"],
  request_get_field: ["field_type", "key_ptr", "key_len", "ident"],
  request_set_field: ["field_type", "key_ptr", "key_len", "value_ptr", "value_len", "ident"],
  resp_set_header: ["key_ptr", "key_len", "value_ptr", "value_len", "ident"]
};

// src/host/se2.ts
var utf83 = new TextEncoder();
var lenient = new TextDecoder("utf-8");
var strict = new TextDecoder("utf-8", { fatal: true });
var EMPTY_REQUEST = { method: "", url: "", headers: {}, params: {}, body: "", state: {} };
function lowerKeys(record2) {
  return Object.fromEntries(Object.entries(record2).map(([k, v]) => [k.toLowerCase(), v]));
}
function lookup(record2, key) {
  return Object.hasOwn(record2, key) ? record2[key] : "";
}
var CallError = class extends Error {
};
function bodyObject(body) {
  if (body === "") return {};
  let value;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new CallError(`the request body is not JSON: ${e.message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CallError("the request body is not a JSON object");
  }
  return value;
}
function getField(run, fieldType, key) {
  const req = run.request;
  switch (fieldType) {
    case FieldType.meta:
      if (key === "method") return req.method;
      if (key === "url") return req.url;
      if (key === "id") return String(run.ident);
      if (key === "body") return req.body;
      return "";
    case FieldType.body: {
      const body = bodyObject(req.body);
      if (!Object.hasOwn(body, key)) return "";
      const value = body[key];
      if (typeof value !== "string") throw new CallError(`request body value ${key} is not a string`);
      return value;
    }
    case FieldType.header:
      return lookup(req.headers, key.toLowerCase());
    case FieldType.params:
      return lookup(req.params, key);
    case FieldType.state:
      return lookup(req.state, key);
    case FieldType.query: {
      let url;
      try {
        url = new URL(req.url, "http://localhost/");
      } catch {
        throw new CallError(`the request URL cannot be parsed: ${req.url}`);
      }
      return url.searchParams.get(key) ?? "";
    }
    default:
      throw new CallError(`invalid field type: the module asked for field type ${fieldType}`);
  }
}
function setField(run, fieldType, key, value) {
  const req = run.request;
  switch (fieldType) {
    case FieldType.meta:
      if (key === "method") req.method = value;
      else if (key === "url") req.url = value;
      else if (key === "body") req.body = value;
      else if (key !== "id") throw new CallError(`key not found: meta has method, url, id and body, not ${key}`);
      return;
    case FieldType.body: {
      const body = bodyObject(req.body);
      body[key] = value;
      req.body = JSON.stringify(body);
      return;
    }
    case FieldType.header:
      req.headers[key.toLowerCase()] = value;
      return;
    case FieldType.params:
      req.params[key] = value;
      return;
    case FieldType.state:
      req.state[key] = value;
      return;
    default:
      throw new CallError(`invalid field type: the module cannot set field type ${fieldType}`);
  }
}
function splitFetchUrl(raw) {
  const [url, ...parts] = raw.split("::");
  const headers = {};
  for (const part of parts) {
    const colon = part.indexOf(":");
    if (colon <= 0) throw new CallError(`header was not formatted correctly: ${part}`);
    headers[part.slice(0, colon)] = part.slice(colon + 1);
  }
  return { url, headers };
}
function findMock(mocks, method, url) {
  const exact = `${method} ${url}`;
  if (Object.hasOwn(mocks, exact)) return mocks[exact];
  const normal = normalUrl(url);
  for (const [key, mock] of Object.entries(mocks)) {
    const space = key.indexOf(" ");
    if (key.slice(0, space).toUpperCase() === method && normal !== null && normalUrl(key.slice(space + 1)) === normal) return mock;
  }
  return void 0;
}
function normalUrl(url) {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}
function fetchFromMocks(run, method, rawUrl, body, log) {
  const name = HttpMethodNames[method];
  if (name === void 0) throw new CallError(`invalid method ${method}: fetch_url takes 0 (GET) to 6 (DELETE)`);
  const verb = name.toUpperCase();
  const { url, headers } = splitFetchUrl(rawUrl);
  const said = `${verb} ${url} (headers: ${Object.keys(headers).length}, body: ${body.length} bytes)`;
  const mock = findMock(run.mocks, verb, url);
  if (mock === void 0) {
    throw new CallError(`no fetch mock for ${verb} ${url} (this host makes no real requests)`);
  }
  log(`fetch_url ${said} -> mocked ${mock.status}, ${utf83.encode(mock.body).length} bytes`);
  if (mock.status > 299) throw new CallError(`${mock.status}: ${mock.body}`);
  return utf83.encode(mock.body);
}
function createSe2Host(options) {
  let run = null;
  const log = (text, ident = null) => options.log(text, ident);
  const bytesAt = (ptr, len) => {
    const memory = options.memory();
    const start = ptr >>> 0;
    const length = len >>> 0;
    if (start + length > memory.buffer.byteLength) {
      throw new RangeError(`${length} bytes at 0x${start.toString(16)} lie outside the module's memory`);
    }
    return new Uint8Array(memory.buffer, start, length);
  };
  const textAt = (ptr, len) => lenient.decode(bytesAt(ptr, len));
  const runFor = (what, ident) => {
    if (run !== null && run.ident === ident) return run;
    log(`${what} for id=${ident} refused: no run with that id is in progress`, ident);
    return null;
  };
  const answer = (what, ident, lens, body) => {
    const current = runFor(what, ident);
    if (current === null) return -1;
    if (current.answer !== null) {
      log(`${what} refused: the answer of the previous call was not collected with get_ffi_result`, ident);
      return -1;
    }
    let result;
    try {
      const over = lens.find((len) => len > MAX_VALUE_BYTES);
      if (over !== void 0) throw new CallError(`a value of ${over} bytes is over the limit of ${MAX_VALUE_BYTES} bytes`);
      result = { ok: true, bytes: body(current) };
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      result = { ok: false, message: e.message };
      log(`${what} failed: ${e.message}`, ident);
    }
    current.answer = result;
    return result.ok ? result.bytes.length : -utf83.encode(result.message).length;
  };
  const env = {
    get_ffi_result(ptr, ident) {
      const current = runFor("get_ffi_result", ident);
      if (current === null) return -1;
      if (current.answer === null) {
        log("get_ffi_result: no answer is waiting", ident);
        return -1;
      }
      const bytes = current.answer.ok ? current.answer.bytes : utf83.encode(current.answer.message);
      current.answer = null;
      bytesAt(ptr, bytes.length).set(bytes);
      return 0;
    },
    add_ffi_var(namePtr, nameLen, valuePtr, valueLen, ident) {
      const current = runFor("add_ffi_var", ident);
      if (current === null) return -1;
      const name = textAt(namePtr, nameLen);
      current.vars.push([name, textAt(valuePtr, valueLen)]);
      log(`add_ffi_var ${name} (${valueLen} bytes; ${current.vars.length} variables)`, ident);
      return 0;
    },
    fetch_url(method, urlPtr, urlLen, bodyPtr, bodyLen, ident) {
      return answer(
        "fetch_url",
        ident,
        [urlLen, bodyLen],
        (current) => fetchFromMocks(current, method, textAt(urlPtr, urlLen), bytesAt(bodyPtr, bodyLen), (text) => log(text, ident))
      );
    },
    log_msg(ptr, len, level, ident) {
      if (runFor("log_msg", ident) === null) return;
      const severity = level >= 1 && level <= 4 ? LogLevelNames[level] : "info";
      options.emit({
        level: "python",
        file: "log_msg",
        ident,
        text: textAt(ptr, len),
        stream: "stdout",
        time: options.clock(),
        severity
      });
    },
    request_get_field(fieldType, keyPtr, keyLen, ident) {
      return answer("request_get_field", ident, [keyLen], (current) => utf83.encode(getField(current, fieldType, textAt(keyPtr, keyLen))));
    },
    request_set_field(fieldType, keyPtr, keyLen, valuePtr, valueLen, ident) {
      return answer("request_set_field", ident, [keyLen, valueLen], (current) => {
        let value;
        try {
          value = strict.decode(bytesAt(valuePtr, valueLen));
        } catch {
          throw new CallError("the value is not UTF-8 text");
        }
        setField(current, fieldType, textAt(keyPtr, keyLen), value);
        return new Uint8Array(0);
      });
    },
    resp_set_header(keyPtr, keyLen, valuePtr, valueLen, ident) {
      const current = runFor("resp_set_header", ident);
      if (current === null) return;
      if (keyLen > MAX_VALUE_BYTES || valueLen > MAX_VALUE_BYTES) {
        log(`resp_set_header ignored: a value is over the limit of ${MAX_VALUE_BYTES} bytes`, ident);
        return;
      }
      const key = textAt(keyPtr, keyLen);
      for (const name of Object.keys(current.responseHeaders)) {
        if (name.toLowerCase() === key.toLowerCase()) delete current.responseHeaders[name];
      }
      current.responseHeaders[key] = textAt(valuePtr, valueLen);
    }
  };
  return {
    env,
    answerLength() {
      const waiting = run?.answer ?? null;
      if (waiting === null) return null;
      return waiting.ok ? waiting.bytes.length : utf83.encode(waiting.message).length;
    },
    begin(ident, context = {}) {
      const request = context.request ?? EMPTY_REQUEST;
      run = {
        ident,
        request: {
          method: request.method,
          url: request.url,
          headers: lowerKeys(request.headers),
          params: { ...request.params },
          body: request.body,
          state: { ...request.state }
        },
        mocks: context.fetch ?? {},
        responseHeaders: {},
        vars: [],
        answer: null
      };
    },
    end() {
      const finished = run;
      run = null;
      if (finished === null) return { response: { headers: {} }, state: {} };
      if (finished.answer !== null) log("the last answer was never collected with get_ffi_result", finished.ident);
      return { response: { headers: finished.responseHeaders }, state: finished.request.state };
    }
  };
}

// src/host/trace.ts
var TRACE_COPY_MAX = 4096;
var TRACE_EVENTS_MAX = 1e4;
var TRACE_BYTES_MAX = 4 * 1024 * 1024;
var TraceRecorder = class {
  constructor(clock, memory, logCount) {
    this.clock = clock;
    this.memory = memory;
    this.logCount = logCount;
  }
  clock;
  memory;
  logCount;
  /** Whether the run in progress is traced. */
  enabled = false;
  events = [];
  dropped = 0;
  copied = 0;
  /** The exports the host is inside (calls without their return yet). */
  exportsOpen = [];
  add(direction, phase, name, values, error) {
    if (!this.enabled) return;
    if (this.events.length >= TRACE_EVENTS_MAX) {
      this.dropped++;
      return;
    }
    const event = {
      seq: this.events.length + 1,
      time: this.clock(),
      direction,
      phase,
      name,
      values,
      logIndex: this.logCount()
    };
    if (direction === "host-wasm" || direction === "wasm-host") {
      const memory = this.memory();
      if (memory !== null) event.memory = memory.buffer.byteLength;
    }
    if (error !== void 0) event.error = error;
    if (direction === "host-wasm") {
      if (phase === "call") this.exportsOpen.push(name);
      else this.exportsOpen.pop();
    }
    this.events.push(event);
  }
  /** The export the host called last and that has not returned (what a trap ended). */
  open() {
    return this.exportsOpen.at(-1) ?? null;
  }
  /** A pointer/length value with a copy of (at most TRACE_COPY_MAX of) its bytes now. */
  bytes(name, ptr, len) {
    const start = ptr >>> 0;
    const length = len >>> 0;
    const memory = this.memory();
    const size = memory === null ? 0 : memory.buffer.byteLength;
    let take = Math.min(length, TRACE_COPY_MAX, Math.max(0, TRACE_BYTES_MAX - this.copied));
    if (start + take > size) take = 0;
    this.copied += take;
    const bytes = take > 0 ? new Uint8Array(memory.buffer, start, take).slice() : new Uint8Array(0);
    return { name, kind: "bytes", ptr: start, len: length, bytes };
  }
  /** This report's events (and how many were dropped); the recorder starts afresh. */
  take() {
    const taken = { trace: this.events, ...this.dropped > 0 ? { traceDropped: this.dropped } : {} };
    this.events = [];
    this.dropped = 0;
    this.copied = 0;
    this.exportsOpen = [];
    return taken;
  }
};
var LANES = { 0: "c-python", 1: "python-sdk" };
var latin = new TextDecoder("utf-8");
var TraceFd = class extends Fd {
  constructor(recorder) {
    super();
    this.recorder = recorder;
  }
  recorder;
  pending = new Uint8Array(0);
  /** A character device while the run is traced, absent otherwise: the wrapper asks per run. */
  fd_fdstat_get() {
    if (!this.recorder.enabled) return { ret: wasi_defs_exports.ERRNO_BADF, fdstat: null };
    const fdstat = new wasi_defs_exports.Fdstat(wasi_defs_exports.FILETYPE_CHARACTER_DEVICE, wasi_defs_exports.FDFLAGS_APPEND);
    fdstat.fs_rights_base = BigInt(wasi_defs_exports.RIGHTS_FD_WRITE);
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, fdstat };
  }
  /** Not a preopen: wasi-libc's preopen scan stops here (EBADF ends it; anything else aborts). */
  fd_prestat_get() {
    return { ret: wasi_defs_exports.ERRNO_BADF, prestat: null };
  }
  fd_write(data) {
    const joined = new Uint8Array(this.pending.length + data.length);
    joined.set(this.pending);
    joined.set(data, this.pending.length);
    let at = 0;
    while (joined.length - at >= 4) {
      const size = new DataView(joined.buffer, at, 4).getUint32(0, true);
      if (joined.length - at - 4 < size) break;
      this.record(joined.subarray(at + 4, at + 4 + size));
      at += 4 + size;
    }
    this.pending = joined.slice(at);
    return { ret: wasi_defs_exports.ERRNO_SUCCESS, nwritten: data.length };
  }
  record(body) {
    const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
    let at = 0;
    const name = () => {
      const n = body[at];
      const text = latin.decode(body.subarray(at + 1, at + 1 + n));
      at += 1 + n;
      return text;
    };
    try {
      const phase = body[at++] === 0 ? "call" : "return";
      const direction = LANES[body[at++]] ?? "c-python";
      const func = name();
      const count = body[at++];
      const values = [];
      const copies = [];
      for (let i = 0; i < count; i++) {
        const valueName = name();
        const kind = body[at++];
        if (kind === 0) {
          values.push({ name: valueName, kind: "int", value: Number(view.getBigInt64(at, true)) });
          at += 8;
        } else {
          const value = {
            name: valueName,
            kind: "bytes",
            ptr: view.getUint32(at, true),
            len: view.getUint32(at + 4, true),
            bytes: new Uint8Array(0)
          };
          copies.push({ value, copied: view.getUint32(at + 8, true) });
          values.push(value);
          at += 12;
        }
      }
      for (const { value, copied } of copies) {
        value.bytes = body.slice(at, at + copied);
        at += copied;
      }
      if (at > body.length) throw new RangeError("record shorter than it says");
      this.recorder.add(direction, phase, func, values);
    } catch {
      this.recorder.add("c-python", "call", "(unreadable trace record)", []);
    }
  }
};
function tracedEnv(env, recorder, answerLength) {
  const traced = {};
  for (const [name, params] of Object.entries(ENV_PARAMS)) {
    const original = env[name];
    traced[name] = (...args) => {
      if (!recorder.enabled) return original(...args);
      const values = [];
      params.forEach((param, i) => {
        if (param.endsWith("_len") && params[i - 1] === param.replace(/_len$/, "_ptr")) return;
        if (param.endsWith("_ptr") && params[i + 1] === param.replace(/_ptr$/, "_len")) {
          values.push(recorder.bytes(param.slice(0, -4), args[i], args[i + 1]));
        } else {
          values.push({ name: param, kind: "int", value: args[i] });
        }
      });
      recorder.add("wasm-host", "call", name, values);
      const length = name === "get_ffi_result" ? answerLength() : null;
      const result = original(...args);
      const answer = [];
      if (length !== null && result === 0) answer.push(recorder.bytes("ptr", args[0], length));
      if (typeof result === "number") answer.push({ name: "result", kind: "int", value: result });
      recorder.add("wasm-host", "return", name, answer);
      return result;
    };
  }
  return traced;
}

// src/host/runtime.ts
var MAX_REUSED_MEMORY_BYTES = 256 * 1024 * 1024;
function crashMessage(e) {
  if (e instanceof WASIProcExit) return `the module exited (proc_exit ${e.code})`;
  if (e instanceof WebAssembly.RuntimeError) return `the module trapped: ${e.message}`;
  if (e instanceof RangeError && /call stack/i.test(e.message)) return `the module ran out of stack: ${e.message}`;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
async function createHost(options) {
  return (await prepareInstance(options)).start(options.files);
}
async function prepareInstance(options) {
  const origin2 = performance.now();
  const clock = () => performance.now() - origin2;
  let pendingLog = [];
  let pendingTimings = {};
  const emit = (entry) => {
    pendingLog.push(entry);
    options.onLog?.(entry);
  };
  const hostLog = (file, text, ident = null) => emit({ level: "host", file, ident, text, stream: "stdout", time: clock() });
  const log = (text, ident = null) => hostLog("runtime.ts", text, ident);
  const stdout = new LineSink((line) => emit(parseModuleLine(line, "stdout", clock())));
  const stderr = new LineSink((line) => emit(parseModuleLine(line, "stderr", clock())));
  const flushOutput = () => {
    stdout.flush();
    stderr.flush();
  };
  let running = null;
  let exports = null;
  let alive = true;
  const record2 = (what, ident, outcome) => {
    if (running === null || running.ident !== ident) {
      log(`${what} for id=${ident} ignored: no run with that id is in progress`, ident);
      return;
    }
    const value = outcome();
    if (running.outcome !== null) log(`${what} called again: it replaces the earlier outcome`, ident);
    running.outcome = value;
  };
  const se2 = createSe2Host({
    memory: () => exports.memory,
    log: (text, ident) => hostLog("se2.ts", text, ident),
    emit,
    clock
  });
  const recorder = new TraceRecorder(
    clock,
    () => exports?.memory ?? null,
    () => pendingLog.length
  );
  const env = {
    ...se2.env,
    return_result(ptr, len, ident) {
      record2("return_result", ident, () => {
        const value = readGuestString(exports.memory, ptr, len);
        log(`Received result (${len} bytes at ${hex(ptr)})`, ident);
        return { kind: "result", value };
      });
    },
    return_error(code, ptr, len, ident) {
      record2("return_error", ident, () => {
        const message = readGuestString(exports.memory, ptr, len);
        log(`Received error ${code} (${len} bytes at ${hex(ptr)})`, ident);
        return { kind: "error", code, message };
      });
    }
  };
  const fs = moduleFilesystem(options.stdlib, stdout.fd, stderr.fd, options.quotaBytes);
  if (options.trace === true) fs.fds[4] = new TraceFd(recorder);
  const wasi = new WASI(["wrapper.wasm"], [`PYTHONPATH=${PLUGIN_DIR}`], fs.fds, { debug: false });
  Object.assign(
    wasi.wasiImport,
    clocks(() => exports.memory),
    { poll_oneoff: pollOneoff(() => exports.memory) },
    { fd_write: consoleFdWrite(() => exports.memory, fs.fds, [stdout, stderr], wasi.wasiImport.fd_write) }
  );
  let module;
  if (options.module instanceof WebAssembly.Module) module = options.module;
  else {
    log(`Compiling wasm module (${options.module.byteLength} bytes)...`);
    const t2 = performance.now();
    module = await WebAssembly.compile(options.module);
    pendingTimings.compile = performance.now() - t2;
  }
  log("Instantiating wasm module...");
  const t = performance.now();
  const imports = options.trace === true ? tracedEnv(env, recorder, se2.answerLength) : env;
  const instance2 = await WebAssembly.instantiate(module, { env: { ...imports }, wasi_snapshot_preview1: wasi.wasiImport });
  pendingTimings.instantiate = performance.now() - t;
  exports = instance2.exports;
  let startCrash = null;
  try {
    wasi.initialize(instance2);
    exports.prepare?.();
  } catch (e) {
    alive = false;
    startCrash = crashMessage(e);
    log(`prepare failed: ${startCrash}`);
  }
  flushOutput();
  const startModule = (files) => {
    if (!alive) return;
    fs.setPluginFiles(files);
    log("Calling _start...");
    const t2 = performance.now();
    recorder.enabled = options.trace === true;
    recorder.add("host-wasm", "call", "_start", []);
    try {
      exports._start();
      recorder.add("host-wasm", "return", "_start", []);
      log("_start returned: the module is ready");
    } catch (e) {
      alive = false;
      startCrash = crashMessage(e);
      recorder.add("host-wasm", "return", "_start", [], startCrash);
      log(`_start failed: ${startCrash}`);
    }
    recorder.enabled = false;
    pendingTimings.start = performance.now() - t2;
    flushOutput();
  };
  const takeReport = (outcome, extra = {}) => {
    const trace = recorder.take();
    const traced = recorder.enabled ? trace : {};
    recorder.enabled = false;
    const report2 = { outcome, log: pendingLog, timings: pendingTimings, ...extra, ...traced };
    pendingLog = [];
    pendingTimings = {};
    return report2;
  };
  const memoryBytes = () => exports.memory.buffer.byteLength;
  const host2 = {
    get alive() {
      return alive;
    },
    get reusable() {
      return alive && memoryBytes() <= MAX_REUSED_MEMORY_BYTES;
    },
    run(payload, ident, context, runOptions = {}) {
      if (!isExecutionId(ident)) throw new RangeError(`execution id must be a 32-bit integer, got ${ident}`);
      recorder.enabled = runOptions.trace ?? options.trace === true;
      if (!alive) {
        return takeReport({ kind: "crash", message: startCrash ?? "the module is no longer running: start a new host" });
      }
      const wrapper = exports;
      running = { ident, outcome: null };
      se2.begin(ident, context);
      const runStarted = performance.now();
      let crash = null;
      try {
        withGuestString(
          wrapper,
          payload,
          (msg) => hostLog("mem.ts", msg, ident),
          (ptr, len) => {
            log(`Calling run_e(${hex(ptr)}, ${len}, ${ident})`, ident);
            recorder.add("host-wasm", "call", "run_e", [recorder.bytes("payload", ptr, len), { name: "ident", kind: "int", value: ident }]);
            wrapper.run_e(ptr, len, ident);
            recorder.add("host-wasm", "return", "run_e", []);
            log("run_e returned", ident);
          },
          recorder
        );
      } catch (e) {
        alive = false;
        crash = crashMessage(e);
        recorder.add("host-wasm", "return", recorder.open() ?? "run_e", [], crash);
        log(`run_e failed: ${crash}`, ident);
      }
      pendingTimings.run = performance.now() - runStarted;
      flushOutput();
      const outcome = crash !== null ? { kind: "crash", message: crash } : running.outcome ?? { kind: "none" };
      if (outcome.kind === "none") log("run_e returned no result", ident);
      if (alive && memoryBytes() > MAX_REUSED_MEMORY_BYTES) {
        log(`the instance's memory grew to ${Math.round(memoryBytes() / 2 ** 20)} MiB: the next run gets a fresh instance`, ident);
      }
      running = null;
      return takeReport(outcome, se2.end());
    }
  };
  let started = false;
  return {
    start(files) {
      if (started) throw new Error("this instance was started already: prepare another");
      started = true;
      startModule(files);
      return host2;
    }
  };
}

// node_modules/valibot/dist/index.mjs
var store$4;
var DEFAULT_CONFIG = {
  lang: void 0,
  message: void 0,
  abortEarly: void 0,
  abortPipeEarly: void 0
};
// @__NO_SIDE_EFFECTS__
function getGlobalConfig(config$1) {
  if (!config$1 && !store$4) return DEFAULT_CONFIG;
  return {
    lang: config$1?.lang ?? store$4?.lang,
    message: config$1?.message,
    abortEarly: config$1?.abortEarly ?? store$4?.abortEarly,
    abortPipeEarly: config$1?.abortPipeEarly ?? store$4?.abortPipeEarly
  };
}
var store$3;
// @__NO_SIDE_EFFECTS__
function getGlobalMessage(lang) {
  return store$3?.get(lang);
}
var store$2;
// @__NO_SIDE_EFFECTS__
function getSchemaMessage(lang) {
  return store$2?.get(lang);
}
var store$1;
// @__NO_SIDE_EFFECTS__
function getSpecificMessage(reference, lang) {
  return store$1?.get(reference)?.get(lang);
}
// @__NO_SIDE_EFFECTS__
function _stringify(input) {
  const type = typeof input;
  if (type === "string") return `"${input}"`;
  if (type === "number" || type === "bigint" || type === "boolean") return `${input}`;
  if (type === "object" || type === "function") return (input && Object.getPrototypeOf(input)?.constructor?.name) ?? "null";
  return type;
}
function _addIssue(context, label, dataset, config$1, other) {
  const input = other && "input" in other ? other.input : dataset.value;
  const expected = other?.expected ?? context.expects ?? null;
  const received = other?.received ?? /* @__PURE__ */ _stringify(input);
  const issue = {
    kind: context.kind,
    type: context.type,
    input,
    expected,
    received,
    message: `Invalid ${label}: ${expected ? `Expected ${expected} but r` : "R"}eceived ${received}`,
    requirement: context.requirement,
    path: other?.path,
    issues: other?.issues,
    lang: config$1.lang,
    abortEarly: config$1.abortEarly,
    abortPipeEarly: config$1.abortPipeEarly
  };
  const isSchema = context.kind === "schema";
  const message$1 = other?.message ?? context.message ?? /* @__PURE__ */ getSpecificMessage(context.reference, issue.lang) ?? (isSchema ? /* @__PURE__ */ getSchemaMessage(issue.lang) : null) ?? config$1.message ?? /* @__PURE__ */ getGlobalMessage(issue.lang);
  if (message$1 !== void 0) issue.message = typeof message$1 === "function" ? message$1(issue) : message$1;
  if (isSchema) dataset.typed = false;
  if (dataset.issues) dataset.issues.push(issue);
  else dataset.issues = [issue];
}
// @__NO_SIDE_EFFECTS__
function _isSameValueZero(value1, value2) {
  return value1 === value2 || Number.isNaN(value1) && Number.isNaN(value2);
}
// @__NO_SIDE_EFFECTS__
function _isValidObjectKey(object$1, key) {
  return Object.prototype.hasOwnProperty.call(object$1, key) && key !== "__proto__" && key !== "prototype" && key !== "constructor";
}
// @__NO_SIDE_EFFECTS__
function _joinExpects(values$1, separator) {
  const list = [...new Set(values$1)];
  if (list.length > 1) return `(${list.join(` ${separator} `)})`;
  return list[0] ?? "never";
}
function _standardSchema(schema) {
  schema["~standard"] = {
    version: 1,
    vendor: "valibot",
    validate: (value$1) => schema["~run"]({ value: value$1 }, /* @__PURE__ */ getGlobalConfig())
  };
  return schema;
}
var EMOJI_REGEX = new RegExp("^(?:[\\u{1F1E6}-\\u{1F1FF}]{2}|\\u{1F3F4}[\\u{E0061}-\\u{E007A}]{2}[\\u{E0030}-\\u{E0039}\\u{E0061}-\\u{E007A}]{1,3}\\u{E007F}|(?:\\p{Emoji}\\uFE0F\\u20E3?|\\p{Emoji_Modifier_Base}\\p{Emoji_Modifier}?|(?![\\p{Emoji_Modifier_Base}\\u{1F1E6}-\\u{1F1FF}])\\p{Emoji_Presentation})(?:\\u200D(?:\\p{Emoji}\\uFE0F\\u20E3?|\\p{Emoji_Modifier_Base}\\p{Emoji_Modifier}?|(?![\\p{Emoji_Modifier_Base}\\u{1F1E6}-\\u{1F1FF}])\\p{Emoji_Presentation}))*)+$", "u");
// @__NO_SIDE_EFFECTS__
function check(requirement, message$1) {
  return {
    kind: "validation",
    type: "check",
    reference: check,
    async: false,
    expects: null,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "input", dataset, config$1);
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function finite(message$1) {
  return {
    kind: "validation",
    type: "finite",
    reference: finite,
    async: false,
    expects: null,
    requirement: Number.isFinite,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "finite", dataset, config$1);
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function integer(message$1) {
  return {
    kind: "validation",
    type: "integer",
    reference: integer,
    async: false,
    expects: null,
    requirement: Number.isInteger,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "integer", dataset, config$1);
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function maxValue(requirement, message$1) {
  return {
    kind: "validation",
    type: "max_value",
    reference: maxValue,
    async: false,
    expects: `<=${requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement)}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !(dataset.value <= this.requirement)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function minLength(requirement, message$1) {
  return {
    kind: "validation",
    type: "min_length",
    reference: minLength,
    async: false,
    expects: `>=${requirement}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && dataset.value.length < this.requirement) _addIssue(this, "length", dataset, config$1, { received: `${dataset.value.length}` });
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function minValue(requirement, message$1) {
  return {
    kind: "validation",
    type: "min_value",
    reference: minValue,
    async: false,
    expects: `>=${requirement instanceof Date ? requirement.toJSON() : /* @__PURE__ */ _stringify(requirement)}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !(dataset.value >= this.requirement)) _addIssue(this, "value", dataset, config$1, { received: dataset.value instanceof Date ? dataset.value.toJSON() : /* @__PURE__ */ _stringify(dataset.value) });
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function regex(requirement, message$1) {
  return {
    kind: "validation",
    type: "regex",
    reference: regex,
    async: false,
    expects: `${requirement}`,
    requirement,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "format", dataset, config$1);
      return dataset;
    }
  };
}
// @__NO_SIDE_EFFECTS__
function safeInteger(message$1) {
  return {
    kind: "validation",
    type: "safe_integer",
    reference: safeInteger,
    async: false,
    expects: null,
    requirement: Number.isSafeInteger,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "safe integer", dataset, config$1);
      return dataset;
    }
  };
}
var ABORT_EARLY_CONFIG = { abortEarly: true };
// @__NO_SIDE_EFFECTS__
function getFallback(schema, dataset, config$1) {
  return typeof schema.fallback === "function" ? schema.fallback(dataset, config$1) : schema.fallback;
}
// @__NO_SIDE_EFFECTS__
function getDefault(schema, dataset, config$1) {
  return typeof schema.default === "function" ? schema.default(dataset, config$1) : schema.default;
}
// @__NO_SIDE_EFFECTS__
function array(item, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "array",
    reference: array,
    expects: "Array",
    async: false,
    item,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (Array.isArray(input)) {
        dataset.typed = true;
        dataset.value = [];
        for (let key = 0; key < input.length; key++) {
          const value$1 = input[key];
          const itemDataset = this.item["~run"]({ value: value$1 }, config$1);
          if (itemDataset.issues) {
            const pathItem = {
              type: "array",
              origin: "value",
              input,
              key,
              value: value$1
            };
            for (const issue of itemDataset.issues) {
              if (issue.path) issue.path.unshift(pathItem);
              else issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = itemDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          if (!itemDataset.typed) dataset.typed = false;
          dataset.value.push(itemDataset.value);
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function boolean(message$1) {
  return _standardSchema({
    kind: "schema",
    type: "boolean",
    reference: boolean,
    expects: "boolean",
    async: false,
    message: message$1,
    "~run"(dataset, config$1) {
      if (typeof dataset.value === "boolean") dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function custom(check$1, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "custom",
    reference: custom,
    expects: "unknown",
    async: false,
    check: check$1,
    message: message$1,
    "~run"(dataset, config$1) {
      if (this.check(dataset.value)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function instance(class_, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "instance",
    reference: instance,
    expects: class_.name,
    async: false,
    class: class_,
    message: message$1,
    "~run"(dataset, config$1) {
      if (dataset.value instanceof this.class) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function literal(literal_, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "literal",
    reference: literal,
    expects: /* @__PURE__ */ _stringify(literal_),
    async: false,
    literal: literal_,
    message: message$1,
    "~run"(dataset, config$1) {
      if (/* @__PURE__ */ _isSameValueZero(dataset.value, this.literal)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function nullable(wrapped, default_) {
  return _standardSchema({
    kind: "schema",
    type: "nullable",
    reference: nullable,
    expects: `(${wrapped.expects} | null)`,
    async: false,
    wrapped,
    default: default_,
    "~run"(dataset, config$1) {
      if (dataset.value === null) {
        if (this.default !== void 0) dataset.value = /* @__PURE__ */ getDefault(this, dataset, config$1);
        if (dataset.value === null) {
          dataset.typed = true;
          return dataset;
        }
      }
      return this.wrapped["~run"](dataset, config$1);
    }
  });
}
// @__NO_SIDE_EFFECTS__
function number(message$1) {
  return _standardSchema({
    kind: "schema",
    type: "number",
    reference: number,
    expects: "number",
    async: false,
    message: message$1,
    "~run"(dataset, config$1) {
      if (typeof dataset.value === "number" && !isNaN(dataset.value)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function object(entries$1, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "object",
    reference: object,
    expects: "Object",
    async: false,
    entries: entries$1,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (input && typeof input === "object") {
        dataset.typed = true;
        dataset.value = {};
        for (const key in this.entries) {
          const valueSchema = this.entries[key];
          if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
            const value$1 = key in input ? input[key] : /* @__PURE__ */ getDefault(valueSchema);
            const valueDataset = valueSchema["~run"]({ value: value$1 }, config$1);
            if (valueDataset.issues) {
              const pathItem = {
                type: "object",
                origin: "value",
                input,
                key,
                value: value$1
              };
              for (const issue of valueDataset.issues) {
                if (issue.path) issue.path.unshift(pathItem);
                else issue.path = [pathItem];
                dataset.issues?.push(issue);
              }
              if (!dataset.issues) dataset.issues = valueDataset.issues;
              if (config$1.abortEarly) {
                dataset.typed = false;
                break;
              }
            }
            if (!valueDataset.typed) dataset.typed = false;
            dataset.value[key] = valueDataset.value;
          } else if (valueSchema.fallback !== void 0) dataset.value[key] = /* @__PURE__ */ getFallback(valueSchema);
          else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
            _addIssue(this, "key", dataset, config$1, {
              input: void 0,
              expected: `"${key}"`,
              path: [{
                type: "object",
                origin: "key",
                input,
                key,
                value: input[key]
              }]
            });
            if (config$1.abortEarly) break;
          }
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function optional(wrapped, default_) {
  return _standardSchema({
    kind: "schema",
    type: "optional",
    reference: optional,
    expects: `(${wrapped.expects} | undefined)`,
    async: false,
    wrapped,
    default: default_,
    "~run"(dataset, config$1) {
      if (dataset.value === void 0) {
        if (this.default !== void 0) dataset.value = /* @__PURE__ */ getDefault(this, dataset, config$1);
        if (dataset.value === void 0) {
          dataset.typed = true;
          return dataset;
        }
      }
      return this.wrapped["~run"](dataset, config$1);
    }
  });
}
// @__NO_SIDE_EFFECTS__
function picklist(options, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "picklist",
    reference: picklist,
    expects: /* @__PURE__ */ _joinExpects(options.map(_stringify), "|"),
    async: false,
    options,
    message: message$1,
    "~run"(dataset, config$1) {
      if (this.options.includes(dataset.value)) dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function record(key, value$1, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "record",
    reference: record,
    expects: "Object",
    async: false,
    key,
    value: value$1,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (input && typeof input === "object") {
        dataset.typed = true;
        dataset.value = {};
        for (const entryKey in input) if (/* @__PURE__ */ _isValidObjectKey(input, entryKey)) {
          const entryValue = input[entryKey];
          const keyDataset = this.key["~run"]({ value: entryKey }, config$1);
          if (keyDataset.issues) {
            const pathItem = {
              type: "object",
              origin: "key",
              input,
              key: entryKey,
              value: entryValue
            };
            for (const issue of keyDataset.issues) {
              issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = keyDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          const valueDataset = this.value["~run"]({ value: entryValue }, config$1);
          if (valueDataset.issues) {
            const pathItem = {
              type: "object",
              origin: "value",
              input,
              key: entryKey,
              value: entryValue
            };
            for (const issue of valueDataset.issues) {
              if (issue.path) issue.path.unshift(pathItem);
              else issue.path = [pathItem];
              dataset.issues?.push(issue);
            }
            if (!dataset.issues) dataset.issues = valueDataset.issues;
            if (config$1.abortEarly) {
              dataset.typed = false;
              break;
            }
          }
          if (!keyDataset.typed || !valueDataset.typed) dataset.typed = false;
          if (keyDataset.typed) dataset.value[keyDataset.value] = valueDataset.value;
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function strictObject(entries$1, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "strict_object",
    reference: strictObject,
    expects: "Object",
    async: false,
    entries: entries$1,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (input && typeof input === "object") {
        dataset.typed = true;
        dataset.value = {};
        for (const key in this.entries) {
          const valueSchema = this.entries[key];
          if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
            const value$1 = key in input ? input[key] : /* @__PURE__ */ getDefault(valueSchema);
            const valueDataset = valueSchema["~run"]({ value: value$1 }, config$1);
            if (valueDataset.issues) {
              const pathItem = {
                type: "object",
                origin: "value",
                input,
                key,
                value: value$1
              };
              for (const issue of valueDataset.issues) {
                if (issue.path) issue.path.unshift(pathItem);
                else issue.path = [pathItem];
                dataset.issues?.push(issue);
              }
              if (!dataset.issues) dataset.issues = valueDataset.issues;
              if (config$1.abortEarly) {
                dataset.typed = false;
                break;
              }
            }
            if (!valueDataset.typed) dataset.typed = false;
            dataset.value[key] = valueDataset.value;
          } else if (valueSchema.fallback !== void 0) dataset.value[key] = /* @__PURE__ */ getFallback(valueSchema);
          else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
            _addIssue(this, "key", dataset, config$1, {
              input: void 0,
              expected: `"${key}"`,
              path: [{
                type: "object",
                origin: "key",
                input,
                key,
                value: input[key]
              }]
            });
            if (config$1.abortEarly) break;
          }
        }
        if (!dataset.issues || !config$1.abortEarly) {
          for (const key in input) if (!Object.prototype.hasOwnProperty.call(this.entries, key)) {
            _addIssue(this, "key", dataset, config$1, {
              input: key,
              expected: "never",
              path: [{
                type: "object",
                origin: "key",
                input,
                key,
                value: input[key]
              }]
            });
            break;
          }
        }
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function string(message$1) {
  return _standardSchema({
    kind: "schema",
    type: "string",
    reference: string,
    expects: "string",
    async: false,
    message: message$1,
    "~run"(dataset, config$1) {
      if (typeof dataset.value === "string") dataset.typed = true;
      else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function _subIssues(datasets) {
  let issues;
  if (datasets) for (const dataset of datasets) if (issues) for (const issue of dataset.issues) issues.push(issue);
  else issues = dataset.issues;
  return issues;
}
// @__NO_SIDE_EFFECTS__
function union(options, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "union",
    reference: union,
    expects: /* @__PURE__ */ _joinExpects(options.map((option) => option.expects), "|"),
    async: false,
    options,
    message: message$1,
    "~run"(dataset, config$1) {
      let validDataset;
      let typedDatasets;
      let untypedDatasets;
      for (const schema of this.options) {
        const optionDataset = schema["~run"]({ value: dataset.value }, config$1);
        if (optionDataset.typed) if (optionDataset.issues) if (typedDatasets) typedDatasets.push(optionDataset);
        else typedDatasets = [optionDataset];
        else {
          validDataset = optionDataset;
          break;
        }
        else if (untypedDatasets) untypedDatasets.push(optionDataset);
        else untypedDatasets = [optionDataset];
      }
      if (validDataset) return validDataset;
      if (typedDatasets) {
        if (typedDatasets.length === 1) return typedDatasets[0];
        _addIssue(this, "type", dataset, config$1, { issues: /* @__PURE__ */ _subIssues(typedDatasets) });
        dataset.typed = true;
      } else if (untypedDatasets?.length === 1) return untypedDatasets[0];
      else _addIssue(this, "type", dataset, config$1, { issues: /* @__PURE__ */ _subIssues(untypedDatasets) });
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _standardSchema({
    kind: "schema",
    type: "unknown",
    reference: unknown,
    expects: "unknown",
    async: false,
    "~run"(dataset) {
      dataset.typed = true;
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function variant(key, options, message$1) {
  return _standardSchema({
    kind: "schema",
    type: "variant",
    reference: variant,
    expects: "Object",
    async: false,
    key,
    options,
    message: message$1,
    "~run"(dataset, config$1) {
      const input = dataset.value;
      if (input && typeof input === "object") {
        let outputDataset;
        let maxDiscriminatorPriority = 0;
        let invalidDiscriminatorKey = this.key;
        let expectedDiscriminators = [];
        const parseOptions = (variant$1, allKeys) => {
          for (const schema of variant$1.options) {
            if (schema.type === "variant") parseOptions(schema, new Set(allKeys).add(schema.key));
            else {
              let keysAreValid = true;
              let currentPriority = 0;
              for (const currentKey of allKeys) {
                const discriminatorSchema = schema.entries[currentKey];
                if (currentKey in input ? discriminatorSchema["~run"]({
                  typed: false,
                  value: input[currentKey]
                }, ABORT_EARLY_CONFIG).issues : discriminatorSchema.type !== "exact_optional" && discriminatorSchema.type !== "optional" && discriminatorSchema.type !== "nullish") {
                  keysAreValid = false;
                  if (invalidDiscriminatorKey !== currentKey && (maxDiscriminatorPriority < currentPriority || maxDiscriminatorPriority === currentPriority && currentKey in input && !(invalidDiscriminatorKey in input))) {
                    maxDiscriminatorPriority = currentPriority;
                    invalidDiscriminatorKey = currentKey;
                    expectedDiscriminators = [];
                  }
                  if (invalidDiscriminatorKey === currentKey) expectedDiscriminators.push(schema.entries[currentKey].expects);
                  break;
                }
                currentPriority++;
              }
              if (keysAreValid) {
                const optionDataset = schema["~run"]({ value: input }, config$1);
                if (!outputDataset || !outputDataset.typed && optionDataset.typed) outputDataset = optionDataset;
              }
            }
            if (outputDataset && !outputDataset.issues) break;
          }
        };
        parseOptions(this, /* @__PURE__ */ new Set([this.key]));
        if (outputDataset) return outputDataset;
        _addIssue(this, "type", dataset, config$1, {
          input: input[invalidDiscriminatorKey],
          expected: /* @__PURE__ */ _joinExpects(expectedDiscriminators, "|"),
          path: [{
            type: "object",
            origin: "value",
            input,
            key: invalidDiscriminatorKey,
            value: input[invalidDiscriminatorKey]
          }]
        });
      } else _addIssue(this, "type", dataset, config$1);
      return dataset;
    }
  });
}
// @__NO_SIDE_EFFECTS__
function pipe(...pipe$1) {
  return _standardSchema({
    ...pipe$1[0],
    pipe: pipe$1,
    "~run"(dataset, config$1) {
      for (const item of pipe$1) if (item.kind !== "metadata") {
        if (dataset.issues && (item.kind === "schema" || item.kind === "transformation")) {
          dataset.typed = false;
          break;
        }
        if (!dataset.issues || !config$1.abortEarly && !config$1.abortPipeEarly) dataset = item["~run"](dataset, config$1);
      }
      return dataset;
    }
  });
}

// src/playground/document.ts
var DOCUMENT_VERSION = 2;
var MAX_TOTAL_BYTES = 64 * 1024 * 1024;
var executionId = pipe(
  number(),
  check((n) => isExecutionId(n), "is not a 32-bit integer")
);
var stringMap = record(string(), string());
var HttpRequestSchema = strictObject({
  method: string(),
  url: string(),
  headers: stringMap,
  params: stringMap,
  body: string(),
  state: stringMap
});
var FetchMockSchema = strictObject({
  status: pipe(
    number(),
    integer("must be an HTTP status from 100 to 599"),
    minValue(100, "must be an HTTP status from 100 to 599"),
    maxValue(599, "must be an HTTP status from 100 to 599")
  ),
  headers: stringMap,
  body: string()
});
var FetchMocksSchema = record(
  pipe(string(), regex(/^[A-Z]+ \S+$/, 'a mock key is "METHOD URL", e.g. "GET https://example.com/"')),
  FetchMockSchema
);
var ExpectationSchema = union([
  strictObject({ result: string() }),
  strictObject({ result_contains: string() }),
  strictObject({
    result_matches: pipe(
      string(),
      check((s) => {
        try {
          new RegExp(s, "u");
          return true;
        } catch {
          return false;
        }
      }, "is not a valid regular expression")
    )
  }),
  strictObject({
    error: strictObject({
      code: optional(pipe(number(), integer())),
      message_contains: optional(string())
    })
  }),
  strictObject({ no_result: literal(true) })
]);
var TestCaseSchema = strictObject({
  name: pipe(string(), minLength(1, "a case needs a name")),
  payload: string(),
  ident: optional(executionId),
  request: optional(HttpRequestSchema),
  fetch: optional(FetchMocksSchema),
  expect: ExpectationSchema
});
var CasesFileSchema = strictObject({ cases: array(TestCaseSchema) });
var SettingsSchema = strictObject({
  /** The time limit of one run, in seconds. */
  timeLimitSec: optional(pipe(number(), minValue(1), maxValue(600))),
  /** The writable space of one instance (`/tmp` and the working folder), in MiB. */
  quotaMiB: optional(pipe(number(), integer(), minValue(1), maxValue(1024)))
});
var base64 = pipe(string(), regex(/^[A-Za-z0-9+/]*={0,2}$/, "is not base64"));
var FileJsonSchema = union([string(), strictObject({ base64 })]);
var DocumentV2Schema = strictObject({
  version: literal(DOCUMENT_VERSION),
  files: record(string(), FileJsonSchema),
  payload: string(),
  ident: executionId,
  request: optional(HttpRequestSchema),
  fetch: optional(FetchMocksSchema),
  cases: optional(array(TestCaseSchema)),
  settings: optional(SettingsSchema)
});
var DocumentV1Schema = strictObject({
  files: record(string(), string()),
  payload: string(),
  ident: executionId
});
var utf84 = new TextEncoder();

// src/worker/protocol.ts
var Id = pipe(number(), safeInteger());
var Finite = pipe(number(), finite());
var Bytes = custom((x) => x instanceof Uint8Array, "expected bytes (a Uint8Array)");
var LogEntrySchema = object({
  level: picklist(["host", "wrapper", "python"]),
  file: string(),
  ident: nullable(Finite),
  text: string(),
  stream: picklist(["stdout", "stderr"]),
  time: Finite,
  severity: optional(picklist(["error", "warn", "info", "debug"]))
});
var TraceValueSchema = variant("kind", [
  object({ name: string(), kind: literal("int"), value: Finite }),
  object({ name: string(), kind: literal("bytes"), ptr: Finite, len: Finite, bytes: Bytes })
]);
var TraceEventSchema = object({
  seq: Finite,
  time: Finite,
  direction: picklist(["host-wasm", "wasm-host", "c-python", "python-sdk"]),
  phase: picklist(["call", "return"]),
  name: string(),
  values: array(TraceValueSchema),
  memory: optional(Finite),
  error: optional(string()),
  logIndex: pipe(number(), safeInteger(), minValue(0))
});
var OutcomeSchema = variant("kind", [
  object({ kind: literal("result"), value: string() }),
  object({ kind: literal("error"), code: Finite, message: string() }),
  object({ kind: literal("none") }),
  object({ kind: literal("crash"), message: string() })
]);
var TimingsSchema = object({
  compile: optional(Finite),
  instantiate: optional(Finite),
  start: optional(Finite),
  run: optional(Finite)
});
var FilesSchema = record(string(), union([string(), Bytes]));
var StdlibSpecSchema = object({
  bytes: record(string(), Bytes),
  lazy: record(string(), string())
});
var WorkerRequestSchema = variant("type", [
  /** Once per Worker: the compiled wrapper and the stdlib; the Worker readies a spare instance. */
  object({ type: literal("init"), id: Id, module: instance(WebAssembly.Module), stdlib: StdlibSpecSchema }),
  /** A lazily loaded zip that the page has fetched in the background: no instance waits for it later. */
  object({ type: literal("stdlib"), id: Id, name: string(), bytes: Bytes }),
  object({
    type: literal("run"),
    id: Id,
    /** Absent: the files of this Worker's last run request (the page sends them again only when they changed). */
    files: optional(FilesSchema),
    payload: string(),
    ident: Id,
    // The SE2 request (null: none) and fetch mocks (issue 12), the writable-space quota in MiB (issue 16).
    request: optional(nullable(HttpRequestSchema)),
    fetch: optional(FetchMocksSchema),
    quotaMiB: optional(pipe(number(), integer(), minValue(1))),
    /** On a new instance even when the files are those of the last run (a test case). */
    fresh: optional(boolean()),
    /** Record the run's crossings (issue 14): `done` then carries `trace`. */
    trace: optional(boolean())
  })
]);
var WireErrorSchema = object({ type: string(), message: string() });
var StringMap = record(string(), string());
var RunResponseSchema = object({ headers: optional(StringMap), state: optional(StringMap) });
function runTraceOf(report2) {
  return {
    ...report2.trace !== void 0 && { trace: report2.trace },
    ...report2.traceDropped !== void 0 && { traceDropped: report2.traceDropped }
  };
}
function runResponseOf(report2) {
  const response = {};
  if (report2.response !== void 0) response.headers = report2.response.headers;
  if (report2.state !== void 0) response.state = report2.state;
  return Object.keys(response).length > 0 ? { response } : {};
}
var LinesBefore = optional(pipe(Id, minValue(0)));
var WorkerReplySchema = variant("type", [
  object({ type: literal("ready"), id: Id }),
  /**
   * Log lines of run `id` as they are produced, each encoded by `encodeLine` (the page decodes and
   * checks them with `decodeLines`); `dropped` counts earlier lines left out past the cap.
   */
  object({ type: literal("log"), id: Id, lines: array(string()), dropped: pipe(Id, minValue(0)) }),
  object({
    type: literal("done"),
    id: Id,
    outcome: OutcomeSchema,
    timings: TimingsSchema,
    response: optional(RunResponseSchema),
    trace: optional(array(TraceEventSchema)),
    traceDropped: optional(pipe(Id, minValue(0))),
    lines: LinesBefore
  }),
  object({ type: literal("failed"), id: Id, error: WireErrorSchema, lines: LinesBefore })
]);
var RelayMessageSchema = variant("kind", [
  /** Log replies, in order. */
  object({ kind: literal("replies"), replies: array(unknown()) }),
  /** The Python Worker failed outside a request (its script did not load, it threw). */
  object({ kind: literal("error"), message: string() }),
  /** The Python Worker was terminated after every line it sent before was passed on. */
  object({ kind: literal("closed") })
]);
var Port = instance(MessagePort);
var RelayCommandSchema = variant("kind", [
  object({ kind: literal("port"), port: Port }),
  object({ kind: literal("terminate") })
]);
var PythonSetupSchema = variant("type", [
  object({ type: literal("port"), port: Port }),
  object({
    type: literal("ring"),
    buffer: custom(
      (x) => typeof SharedArrayBuffer === "function" && x instanceof SharedArrayBuffer,
      "expected a SharedArrayBuffer"
    )
  })
]);

// cli/run-worker.ts
var job = workerData;
var post = (message) => parentPort.postMessage(message);
var host = await createHost({
  module: job.wrapper,
  stdlib: job.stdlib,
  files: job.files,
  quotaBytes: job.quotaBytes,
  trace: job.trace === true,
  onLog: (entry) => post({ type: "log", entry })
});
var report = host.run(job.payload, job.ident, job.context);
post({ type: "done", outcome: report.outcome, timings: report.timings, ...runResponseOf(report), ...runTraceOf(report) });
