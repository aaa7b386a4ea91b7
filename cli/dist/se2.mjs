const __se2CliUrl = new URL('../', import.meta.url).href;
var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/host/ident.ts
var I32_MIN = -(2 ** 31);
var I32_MAX = 2 ** 31 - 1;
function isExecutionId(ident) {
  return typeof ident === "number" && Number.isInteger(ident) && ident >= I32_MIN && ident <= I32_MAX;
}
function parseExecutionId(text) {
  if (!/^\s*-?\d{1,10}\s*$/.test(text)) return null;
  const n = Number(text);
  return isExecutionId(n) ? n : null;
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
    for (let i2 = 0; i2 < len; i2++) {
      iovecs.push(_Iovec.read_bytes(view, ptr + 8 * i2));
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
    for (let i2 = 0; i2 < len; i2++) {
      iovecs.push(_Ciovec.read_bytes(view, ptr + 8 * i2));
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

// node_modules/@bjorn3/browser_wasi_shim/dist/fd.js
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

// src/host/inode.ts
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
var ALL_RIGHTS = (1n << 29n) - 1n;
var WRITE = BigInt(wasi_defs_exports.RIGHTS_FD_WRITE);
var READ = BigInt(wasi_defs_exports.RIGHTS_FD_READ);

// src/host/fs.ts
var DEFAULT_QUOTA_BYTES = 256 * 1024 * 1024;
var utf8 = new TextEncoder();
function isSafeRelativePath(path) {
  if (path === "" || path.startsWith("/") || /[\\\0]/.test(path)) return false;
  return path.split("/").every((seg) => seg !== "" && seg !== "." && seg !== "..");
}

// src/host/mem.ts
var utf82 = new TextEncoder();
var utf8Decoder = new TextDecoder("utf-8", { ignoreBOM: true });

// src/host/lines.ts
var MAX_LINE_CHARS = 64 * 1024;

// src/host/log.ts
var INDENT = { host: "", wrapper: "	", python: "		" };
var LEVEL_COLOR = {
  host: "\x1B[38;5;208m",
  wrapper: "\x1B[32m",
  python: "\x1B[35m"
};
var RESET = "\x1B[0m";
function formatEntry(entry, color) {
  const indent = INDENT[entry.level];
  if (entry.file === "") return indent + entry.text;
  const name = color ? `${LEVEL_COLOR[entry.level]}[${entry.file}]${RESET}` : `[${entry.file}]`;
  const id = entry.ident === null ? "" : `id=${entry.ident} | `;
  const severity = entry.severity === void 0 ? "" : `[${entry.severity}] `;
  return `${indent}${name} | ${id}${severity}${entry.text}`;
}

// src/host/clock.ts
var origin = performance.now();

// src/host/se2.ts
var utf83 = new TextEncoder();
var lenient = new TextDecoder("utf-8");
var strict = new TextDecoder("utf-8", { fatal: true });

// src/host/trace.ts
var TRACE_BYTES_MAX = 4 * 1024 * 1024;
var latin = new TextDecoder("utf-8");

// src/host/runtime.ts
var MAX_REUSED_MEMORY_BYTES = 256 * 1024 * 1024;

// src/host/index.ts
var DEFAULT_PAYLOAD = "It can't bite it's own tail. I'm done laughing.";
var DEFAULT_IDENT = 12345;

// src/host/traceText.ts
var DIRECTION_ENDS = {
  "host-wasm": ["host", "wasm"],
  "wasm-host": ["wasm", "host"],
  "c-python": ["C", "Python"],
  "python-sdk": ["Python", "sdk"]
};
function arrowOf(e) {
  const [from, to] = DIRECTION_ENDS[e.direction];
  return e.phase === "call" ? `${from} \u2192 ${to}` : `${from} \u2190 ${to}`;
}
function hexAddress(n) {
  return `0x${(n >>> 0).toString(16)}`;
}
var lenient2 = new TextDecoder("utf-8");
function bytesPreview(v, max2 = 40) {
  const text = lenient2.decode(v.bytes);
  const chars = Array.from(text);
  const cut = chars.length > max2 || v.bytes.length < v.len;
  return `${JSON.stringify(chars.slice(0, max2).join(""))}${cut ? "\u2026" : ""}`;
}
function valueText(v, max2 = 40) {
  if (v.kind === "int") return v.name === "ptr" ? `${v.name}=${hexAddress(v.value)}` : `${v.name}=${v.value}`;
  return `${v.name}=${hexAddress(v.ptr)}[${v.len}] ${bytesPreview(v, max2)}`;
}
function formatTrace(events, dropped = 0) {
  const start = events[0]?.time ?? 0;
  const width = String(events.at(-1)?.seq ?? 0).length;
  const lines = events.map((e) => {
    const values = e.values.map((v) => valueText(v)).join(", ");
    const what = e.phase === "call" ? `call   ${e.name}(${values})` : `return ${e.name}${values === "" ? "" : ` -> ${values}`}`;
    const error = e.error === void 0 ? "" : `  !! ${e.error}`;
    const time = `+${(e.time - start).toFixed(3)} ms`.padStart(12);
    return `${String(e.seq).padStart(width)} ${time}  ${arrowOf(e).padEnd(15)} ${what}${error}`;
  });
  if (dropped > 0) lines.push(`\u2026 ${dropped} more crossings were not kept`);
  return lines;
}

// cli/guest.ts
import { readdir as readdir2 } from "node:fs/promises";
import { basename, dirname, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";

// cli/inputs.ts
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
var InputError = class extends Error {
};
var MAX_PLUGIN_FILES = 1e4;
var MAX_PLUGIN_BYTES = 64 * 1024 * 1024;
var strictUtf8 = new TextDecoder("utf-8", { fatal: true });
function describe(e, what) {
  const code = e.code;
  const why = code === "ENOENT" ? "does not exist" : code === "EACCES" ? "is not readable" : code === "EISDIR" ? "is a folder" : e.message;
  return new InputError(`${what} ${why}`);
}
async function readBytes(path, what) {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw describe(e, `${what} ${path}`);
  }
}
async function readText(path, what) {
  const bytes = await readBytes(path, what);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new InputError(`${what} ${path} is not UTF-8 text`);
  }
}
async function readPluginFolder(root2) {
  try {
    if (!(await stat(root2)).isDirectory()) throw new InputError(`plugin root ${root2} is not a folder`);
  } catch (e) {
    throw e instanceof InputError ? e : describe(e, `plugin root ${root2}`);
  }
  const files = {};
  let count = 0;
  let bytes = 0;
  const walk = async (dir) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      throw describe(e, `plugin folder ${dir}`);
    }
    entries.sort((a, b) => a.name < b.name ? -1 : 1);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "__pycache__" && !entry.name.startsWith(".")) await walk(path);
      } else if (entry.isFile()) {
        if (++count > MAX_PLUGIN_FILES) {
          throw new InputError(
            `plugin root ${root2} holds more than ${MAX_PLUGIN_FILES} files (the cap is ${MAX_PLUGIN_FILES} files and ${MAX_PLUGIN_BYTES / 1024 / 1024} MiB)`
          );
        }
        const content = await readBytes(path, "plugin file");
        bytes += content.byteLength;
        if (bytes > MAX_PLUGIN_BYTES) {
          throw new InputError(
            `plugin root ${root2} holds more than ${MAX_PLUGIN_BYTES / 1024 / 1024} MiB (the cap is ${MAX_PLUGIN_FILES} files and ${MAX_PLUGIN_BYTES / 1024 / 1024} MiB)`
          );
        }
        files[relative(root2, path).split(sep).join("/")] = content;
      }
    }
  };
  await walk(root2);
  if (!("plugin.py" in files)) throw new InputError(`plugin root ${root2} has no plugin.py`);
  return files;
}

// cli/guest.ts
var COMMITTED_WRAPPER = fileURLToPath(new URL("../public/guest/wrapper.wasm", __se2CliUrl));
async function readGuest(wrapperPath) {
  const wrapper = await readBytes(wrapperPath, "wrapper module");
  const dir = dirname(wrapperPath);
  const zips = (await readdir2(dir)).filter((name) => name.endsWith(".zip")).sort();
  if (zips.length === 0) throw new InputError(`no standard-library zip next to ${basename(wrapperPath)} in ${dir}`);
  const stdlib = {};
  for (const name of zips) stdlib[name] = await readBytes(join2(dir, name), "standard-library zip");
  return { wrapper, stdlib };
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
// @__NO_SIDE_EFFECTS__
function getDotPath(issue) {
  if (issue.path) {
    let key = "";
    for (const item of issue.path) if (typeof item.key === "string" || typeof item.key === "number") if (key) key += `.${item.key}`;
    else key += item.key;
    else return null;
    return key;
  }
  return null;
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
        const parseOptions2 = (variant$1, allKeys) => {
          for (const schema of variant$1.options) {
            if (schema.type === "variant") parseOptions2(schema, new Set(allKeys).add(schema.key));
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
        parseOptions2(this, /* @__PURE__ */ new Set([this.key]));
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
// @__NO_SIDE_EFFECTS__
function safeParse(schema, input, config$1) {
  const dataset = schema["~run"]({ value: input }, /* @__PURE__ */ getGlobalConfig(config$1));
  return {
    typed: dataset.typed,
    success: !dataset.issues,
    output: dataset.value,
    issues: dataset.issues
  };
}

// src/playground/paths.ts
var ENTRY_FILE = "plugin.py";
var MAX_FILES = 1e4;
var MAX_PATH_LENGTH = 200;
function fileNameProblem(path) {
  if (path === "") return "the name is empty";
  if (path.length > MAX_PATH_LENGTH) return `the name is longer than ${MAX_PATH_LENGTH} characters`;
  if (path.startsWith("/")) return "the name must be relative (no leading /)";
  if (path.includes("\\")) return "use / to separate folders, not \\";
  if (/[\x00-\x1f\x7f]/.test(path)) return "the name contains a control character";
  if (!isSafeRelativePath(path)) return "the name has an empty, . or .. segment";
  return null;
}
function pathClash(paths) {
  const all = new Set(paths);
  for (const path of all) {
    const parts = path.split("/");
    for (let i2 = 1; i2 < parts.length; i2++) {
      const folder = parts.slice(0, i2).join("/");
      if (all.has(folder)) return [folder, path];
    }
  }
  return null;
}

// src/playground/document.ts
var DOCUMENT_VERSION = 2;
var MAX_TOTAL_BYTES = 64 * 1024 * 1024;
var fail = (error) => ({ ok: false, error });
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
function describe2(issues) {
  let issue = issues[0];
  const at = [];
  const score = (i2) => 2 * (i2.path?.length ?? 0) + (i2.received !== "undefined" && i2.expected !== "never" ? 1 : 0);
  while (issue.issues !== void 0 && issue.issues.length > 0) {
    const outer = getDotPath(issue);
    if (outer !== null) at.push(outer);
    issue = issue.issues.reduce((best, i2) => score(i2) > score(best) ? i2 : best);
  }
  const inner = getDotPath(issue);
  if (inner !== null) at.push(inner);
  const path = at.length === 0 ? null : at.join(".");
  return path === null ? plainMessage(issue) : `"${path}" ${plainMessage(issue)}`;
}
function plainMessage(issue) {
  if (issue.expected === "never") return "is not a field this version knows";
  if (issue.received === "undefined") return "is missing";
  if (issue.kind === "schema") {
    const kinds = {
      string: "text",
      number: "a number",
      boolean: "true or false",
      Object: "a JSON object",
      Array: "a list"
    };
    const expected = issue.expected === null ? void 0 : kinds[issue.expected];
    if (expected !== void 0) return `must be ${expected}, not ${issue.received}`;
  }
  return issue.message;
}
function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i2 = 0; i2 < binary.length; i2++) bytes[i2] = binary.charCodeAt(i2);
  return bytes;
}
var utf84 = new TextEncoder();
var fileSize = (content) => typeof content === "string" ? utf84.encode(content).length : content.length;
function filesProblem(files) {
  const paths = Object.keys(files);
  if (paths.length > MAX_FILES) return `more than ${MAX_FILES} files`;
  for (const path of paths) {
    const problem = fileNameProblem(path);
    if (problem !== null) return `file ${JSON.stringify(path.slice(0, 80))}: ${problem}`;
  }
  if (!Object.hasOwn(files, ENTRY_FILE)) return `there is no ${ENTRY_FILE}`;
  const clash = pathClash(paths);
  if (clash !== null) return `${JSON.stringify(clash[0])} is a file, so ${JSON.stringify(clash[1])} cannot be inside it`;
  let total = 0;
  for (const content of Object.values(files)) total += fileSize(content);
  if (total > MAX_TOTAL_BYTES) return `the files hold more than ${MAX_TOTAL_BYTES / 1024 / 1024} MiB`;
  return null;
}
function parseDocument(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("the playground is not a JSON object");
  const isV1 = !("version" in value);
  let doc;
  if (isV1) {
    const parsed = safeParse(DocumentV1Schema, value);
    if (!parsed.success) return fail(describe2(parsed.issues));
    doc = { version: DOCUMENT_VERSION, ...parsed.output };
  } else {
    if (value.version !== DOCUMENT_VERSION) {
      return fail(`the playground is version ${JSON.stringify(value.version).slice(0, 12)}, which this page does not know`);
    }
    const parsed = safeParse(DocumentV2Schema, value);
    if (!parsed.success) return fail(describe2(parsed.issues));
    doc = parsed.output;
  }
  const files = Object.fromEntries(
    Object.entries(doc.files).map(([path, f]) => [path, typeof f === "string" ? f : fromBase64(f.base64)])
  );
  const problem = filesProblem(files);
  if (problem !== null) return fail(problem);
  const playground = { files, payload: doc.payload, ident: doc.ident };
  if (doc.request !== void 0) playground.request = doc.request;
  if (doc.fetch !== void 0 && Object.keys(doc.fetch).length > 0) playground.fetch = { ...doc.fetch };
  if (doc.cases !== void 0 && doc.cases.length > 0) playground.cases = doc.cases;
  if (doc.settings !== void 0 && Object.keys(doc.settings).length > 0) playground.settings = doc.settings;
  return { ok: true, value: playground };
}
function parseCasesFile(value) {
  const parsed = parsePart(CasesFileSchema, value);
  return parsed.ok ? { ok: true, value: parsed.value.cases } : parsed;
}
function parsePart(schema, value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("must be a JSON object");
  const parsed = safeParse(schema, value);
  return parsed.success ? { ok: true, value: parsed.output } : fail(describe2(parsed.issues));
}

// cli/context.ts
async function readJson(path, what) {
  const source = await readText(path, what);
  try {
    return JSON.parse(source);
  } catch (e) {
    throw new InputError(`${what} ${path} is not JSON: ${e.message}`);
  }
}
async function readRunContext(requestFile, fetchFile) {
  if (requestFile === void 0 && fetchFile === void 0) return null;
  const context = {};
  const read = async (flag, file, schema) => {
    const parsed = parsePart(schema, await readJson(file, `${flag} file`));
    if (!parsed.ok) throw new InputError(`${flag} ${file}: ${parsed.error}`);
    return parsed.value;
  };
  if (requestFile !== void 0) context.request = await read("--request", requestFile, HttpRequestSchema);
  if (fetchFile !== void 0) context.fetch = await read("--fetch", fetchFile, FetchMocksSchema);
  return context;
}

// node_modules/fflate/esm/index.mjs
import { createRequire } from "module";
var require2 = createRequire("/");
var _a;
var Worker;
var isMarkedAsUntransferable;
try {
  _a = require2("worker_threads"), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable;
} catch (e) {
}
var u8 = Uint8Array;
var u16 = Uint16Array;
var i32 = Int32Array;
var fleb = new u8([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  2,
  2,
  3,
  3,
  3,
  3,
  4,
  4,
  4,
  4,
  5,
  5,
  5,
  5,
  0,
  /* unused */
  0,
  0,
  /* impossible */
  0
]);
var fdeb = new u8([
  0,
  0,
  0,
  0,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  5,
  6,
  6,
  7,
  7,
  8,
  8,
  9,
  9,
  10,
  10,
  11,
  11,
  12,
  12,
  13,
  13,
  /* unused */
  0,
  0
]);
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
var freb = function(eb, start) {
  var b = new u16(31);
  for (var i2 = 0; i2 < 31; ++i2) {
    b[i2] = start += 1 << eb[i2 - 1];
  }
  var r = new i32(b[30]);
  for (var i2 = 1; i2 < 30; ++i2) {
    for (var j = b[i2]; j < b[i2 + 1]; ++j) {
      r[j] = j - b[i2] << 5 | i2;
    }
  }
  return { b, r };
};
var _a = freb(fleb, 2);
var fl = _a.b;
var revfl = _a.r;
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0);
var fd = _b.b;
var revfd = _b.r;
var rev = new u16(32768);
for (i = 0; i < 32768; ++i) {
  x = (i & 43690) >> 1 | (i & 21845) << 1;
  x = (x & 52428) >> 2 | (x & 13107) << 2;
  x = (x & 61680) >> 4 | (x & 3855) << 4;
  rev[i] = ((x & 65280) >> 8 | (x & 255) << 8) >> 1;
}
var x;
var i;
var hMap = (function(cd, mb, r) {
  var s = cd.length;
  var i2 = 0;
  var l = new u16(mb);
  for (; i2 < s; ++i2) {
    if (cd[i2])
      ++l[cd[i2] - 1];
  }
  var le = new u16(mb);
  for (i2 = 1; i2 < mb; ++i2) {
    le[i2] = le[i2 - 1] + l[i2 - 1] << 1;
  }
  var co;
  if (r) {
    co = new u16(1 << mb);
    var rvb = 15 - mb;
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        var sv = i2 << 4 | cd[i2];
        var r_1 = mb - cd[i2];
        var v = le[cd[i2] - 1]++ << r_1;
        for (var m = v | (1 << r_1) - 1; v <= m; ++v) {
          co[rev[v] >> rvb] = sv;
        }
      }
    }
  } else {
    co = new u16(s);
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        co[i2] = rev[le[cd[i2] - 1]++] >> 15 - cd[i2];
      }
    }
  }
  return co;
});
var flt = new u8(288);
for (i = 0; i < 144; ++i)
  flt[i] = 8;
var i;
for (i = 144; i < 256; ++i)
  flt[i] = 9;
var i;
for (i = 256; i < 280; ++i)
  flt[i] = 7;
var i;
for (i = 280; i < 288; ++i)
  flt[i] = 8;
var i;
var fdt = new u8(32);
for (i = 0; i < 32; ++i)
  fdt[i] = 5;
var i;
var flrm = /* @__PURE__ */ hMap(flt, 9, 1);
var fdrm = /* @__PURE__ */ hMap(fdt, 5, 1);
var max = function(a) {
  var m = a[0];
  for (var i2 = 1; i2 < a.length; ++i2) {
    if (a[i2] > m)
      m = a[i2];
  }
  return m;
};
var bits = function(d, p, m) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8) >> (p & 7) & m;
};
var bits16 = function(d, p) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8 | d[o + 2] << 16) >> (p & 7);
};
var shft = function(p) {
  return (p + 7) / 8 | 0;
};
var slc = function(v, s, e) {
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  return new u8(v.subarray(s, e));
};
var ec = [
  "unexpected EOF",
  "invalid block type",
  "invalid length/literal",
  "invalid distance",
  "stream finished",
  "no stream handler",
  ,
  // determined by compression function
  "no callback",
  "invalid UTF-8 data",
  "extra field too long",
  "date not in range 1980-2099",
  "filename too long",
  "stream finishing",
  "invalid zip data"
  // determined by unknown compression method
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var inflt = function(dat, st, buf, dict) {
  var sl = dat.length, dl = dict ? dict.length : 0;
  if (!sl || st.f && !st.l)
    return buf || new u8(0);
  var noBuf = !buf;
  var resize = noBuf || st.i != 2;
  var noSt = st.i;
  if (noBuf)
    buf = new u8(sl * 3);
  var cbuf = function(l2) {
    var bl = buf.length;
    if (l2 > bl) {
      var nbuf = new u8(Math.max(bl * 2, l2));
      nbuf.set(buf);
      buf = nbuf;
    }
  };
  var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
  var tbts = sl * 8;
  do {
    if (!lm) {
      final = bits(dat, pos, 1);
      var type = bits(dat, pos + 1, 3);
      pos += 3;
      if (!type) {
        var s = shft(pos) + 4, l = dat[s - 4] | dat[s - 3] << 8, t = s + l;
        if (t > sl) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + l);
        buf.set(dat.subarray(s, t), bt);
        st.b = bt += l, st.p = pos = t * 8, st.f = final;
        continue;
      } else if (type == 1)
        lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
      else if (type == 2) {
        var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
        var tl = hLit + bits(dat, pos + 5, 31) + 1;
        pos += 14;
        var ldt = new u8(tl);
        var clt = new u8(19);
        for (var i2 = 0; i2 < hcLen; ++i2) {
          clt[clim[i2]] = bits(dat, pos + i2 * 3, 7);
        }
        pos += hcLen * 3;
        var clb = max(clt), clbmsk = (1 << clb) - 1;
        var clm = hMap(clt, clb, 1);
        for (var i2 = 0; i2 < tl; ) {
          var r = clm[bits(dat, pos, clbmsk)];
          pos += r & 15;
          var s = r >> 4;
          if (s < 16) {
            ldt[i2++] = s;
          } else {
            var c = 0, n = 0;
            if (s == 16)
              n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i2 - 1];
            else if (s == 17)
              n = 3 + bits(dat, pos, 7), pos += 3;
            else if (s == 18)
              n = 11 + bits(dat, pos, 127), pos += 7;
            while (n--)
              ldt[i2++] = c;
          }
        }
        var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
        lbt = max(lt);
        dbt = max(dt);
        lm = hMap(lt, lbt, 1);
        dm = hMap(dt, dbt, 1);
      } else
        err(1);
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
    }
    if (resize)
      cbuf(bt + 131072);
    var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
    var lpos = pos;
    for (; ; lpos = pos) {
      var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
      pos += c & 15;
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
      if (!c)
        err(2);
      if (sym < 256)
        buf[bt++] = sym;
      else if (sym == 256) {
        lpos = pos, lm = null;
        break;
      } else {
        var add = sym - 254;
        if (sym > 264) {
          var i2 = sym - 257, b = fleb[i2];
          add = bits(dat, pos, (1 << b) - 1) + fl[i2];
          pos += b;
        }
        var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
        if (!d)
          err(3);
        pos += d & 15;
        var dt = fd[dsym];
        if (dsym > 3) {
          var b = fdeb[dsym];
          dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
        }
        if (pos > tbts) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + 131072);
        var end = bt + add;
        if (bt < dt) {
          var shift = dl - dt, dend = Math.min(dt, end);
          if (shift + bt < 0)
            err(3);
          for (; bt < dend; ++bt)
            buf[bt] = dict[shift + bt];
        }
        for (; bt < end; ++bt)
          buf[bt] = buf[bt - dt];
      }
    }
    st.l = lm, st.p = lpos, st.b = bt, st.f = final;
    if (lm)
      final = 1, st.m = lbt, st.d = dm, st.n = dbt;
  } while (!final);
  return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
var et = /* @__PURE__ */ new u8(0);
var b2 = function(d, b) {
  return d[b] | d[b + 1] << 8;
};
var b4 = function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
};
var b8 = function(d, b) {
  return b4(d, b) + b4(d, b + 4) * 4294967296;
};
function inflateSync(data, opts) {
  return inflt(data, { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
var td = typeof TextDecoder != "undefined" && /* @__PURE__ */ new TextDecoder();
var tds = 0;
try {
  td.decode(et, { stream: true });
  tds = 1;
} catch (e) {
}
var dutf8 = function(d) {
  for (var r = "", i2 = 0; ; ) {
    var c = d[i2++];
    var eb = (c > 127) + (c > 223) + (c > 239);
    if (i2 + eb > d.length)
      return { s: r, r: slc(d, i2 - 1) };
    if (!eb)
      r += String.fromCharCode(c);
    else if (eb == 3) {
      c = ((c & 15) << 18 | (d[i2++] & 63) << 12 | (d[i2++] & 63) << 6 | d[i2++] & 63) - 65536, r += String.fromCharCode(55296 | c >> 10, 56320 | c & 1023);
    } else if (eb & 1)
      r += String.fromCharCode((c & 31) << 6 | d[i2++] & 63);
    else
      r += String.fromCharCode((c & 15) << 12 | (d[i2++] & 63) << 6 | d[i2++] & 63);
  }
};
function strFromU8(dat, latin1) {
  if (latin1) {
    var r = "";
    for (var i2 = 0; i2 < dat.length; i2 += 16384)
      r += String.fromCharCode.apply(null, dat.subarray(i2, i2 + 16384));
    return r;
  } else if (td) {
    return td.decode(dat);
  } else {
    var _a2 = dutf8(dat), s = _a2.s, r = _a2.r;
    if (r.length)
      err(8);
    return s;
  }
}
var slzh = function(d, b) {
  return b + 30 + b2(d, b + 26) + b2(d, b + 28);
};
var zh = function(d, b, z) {
  var fnl = b2(d, b + 28), efl = b2(d, b + 30), fn = strFromU8(d.subarray(b + 46, b + 46 + fnl), !(b2(d, b + 8) & 2048)), es = b + 46 + fnl;
  var _a2 = z64hs(d, es, efl, z, b4(d, b + 20), b4(d, b + 24), b4(d, b + 42)), sc = _a2[0], su = _a2[1], off = _a2[2];
  return [b2(d, b + 10), sc, su, fn, es + efl + b2(d, b + 32), off];
};
var z64hs = function(d, b, l, z, sc, su, off) {
  var nsc = sc == 4294967295, nsu = su == 4294967295, noff = off == 4294967295, e = b + l;
  var nf = nsc + nsu + noff;
  if (z && nf) {
    for (; b + 4 < e; b += 4 + b2(d, b + 2)) {
      if (b2(d, b) == 1) {
        return [
          nsc ? b8(d, b + 4 + 8 * nsu) : sc,
          nsu ? b8(d, b + 4) : su,
          noff ? b8(d, b + 4 + 8 * (nsu + nsc)) : off,
          1
        ];
      }
    }
    if (z < 2)
      err(13);
  }
  return [sc, su, off, 0];
};
function unzipSync(data, opts) {
  var files = {};
  var e = data.length - 22;
  for (; b4(data, e) != 101010256; --e) {
    if (!e || data.length - e > 65558)
      err(13);
  }
  ;
  var c = b2(data, e + 8);
  if (!c)
    return {};
  var o = b4(data, e + 16);
  var z = b4(data, e - 20) == 117853008;
  if (z) {
    var ze = b4(data, e - 12);
    z = b4(data, ze) == 101075792;
    if (z) {
      c = b4(data, ze + 32);
      o = b4(data, ze + 48);
    }
  }
  var fltr = opts && opts.filter;
  for (var i2 = 0; i2 < c; ++i2) {
    var _a2 = zh(data, o, z), c_2 = _a2[0], sc = _a2[1], su = _a2[2], fn = _a2[3], no = _a2[4], off = _a2[5], b = slzh(data, off);
    o = no;
    if (!fltr || fltr({
      name: fn,
      size: sc,
      originalSize: su,
      compression: c_2
    })) {
      if (!c_2)
        files[fn] = slc(data, b, b + sc);
      else if (c_2 == 8)
        files[fn] = inflateSync(data.subarray(b, b + sc), { out: new u8(su) });
      else
        err(14, "unknown compression type " + c_2);
    }
  }
  return files;
}

// src/playground/zip.ts
var PLUGIN_DIR2 = "plugin/";
var CASES_FILE = "cases.json";
var META_FILE = "playground.json";
var MAX_UNPACKED_BYTES = MAX_TOTAL_BYTES + 16 * 1024 * 1024;
var MTIME = new Date(2e3, 0, 1);
var strictUtf82 = new TextDecoder("utf-8", { fatal: true });
function fileContent(bytes) {
  if (bytes.includes(0)) return bytes;
  try {
    return strictUtf82.decode(bytes);
  } catch {
    return bytes;
  }
}
var isClutter = (path) => path.startsWith("__MACOSX/") || path.split("/").some((part) => part === "__pycache__" || part === ".DS_Store" || part === ".git");
function readJson2(entries, name) {
  const bytes = entries[name];
  if (bytes === void 0) return { ok: true, value: void 0 };
  try {
    return { ok: true, value: JSON.parse(strFromU8(bytes)) };
  } catch (e) {
    return { ok: false, error: `${name} is not JSON: ${e.message}` };
  }
}
function playgroundFromEntries(input) {
  let entries = Object.fromEntries(Object.entries(input).filter(([path]) => !path.endsWith("/") && !isClutter(path)));
  let paths = Object.keys(entries);
  if (paths.length === 0) return { ok: false, error: "it holds no files" };
  const top = paths[0].split("/")[0];
  if (paths.every((p) => p.startsWith(`${top}/`)) && !Object.hasOwn(entries, PLUGIN_DIR2 + ENTRY_FILE)) {
    entries = Object.fromEntries(Object.entries(entries).map(([p, b]) => [p.slice(top.length + 1), b]));
    paths = Object.keys(entries);
  }
  if (paths.length > MAX_FILES + 2) return { ok: false, error: `it holds more than ${MAX_FILES} files` };
  const layered = Object.hasOwn(entries, PLUGIN_DIR2 + ENTRY_FILE);
  const files = {};
  for (const path of paths) {
    if (!layered) files[path] = fileContent(entries[path]);
    else if (path.startsWith(PLUGIN_DIR2)) files[path.slice(PLUGIN_DIR2.length)] = fileContent(entries[path]);
    else if (path !== CASES_FILE && path !== META_FILE)
      return { ok: false, error: `${JSON.stringify(path)} is outside plugin/ (only cases.json and playground.json may be)` };
  }
  const problem = filesProblem(files);
  if (problem !== null) return { ok: false, error: problem };
  if (!layered) return { ok: true, value: { files, payload: "", ident: DEFAULT_IDENT } };
  const meta = readJson2(entries, META_FILE);
  if (!meta.ok) return meta;
  const cases = readJson2(entries, CASES_FILE);
  if (!cases.ok) return cases;
  if (meta.value !== void 0 && (typeof meta.value !== "object" || meta.value === null || Array.isArray(meta.value))) {
    return { ok: false, error: `${META_FILE} is not a JSON object` };
  }
  if (cases.value !== void 0 && (typeof cases.value !== "object" || cases.value === null || !("cases" in cases.value))) {
    return { ok: false, error: `${CASES_FILE} is not {"cases": [...]}` };
  }
  const doc = {
    version: 2,
    payload: "",
    ident: DEFAULT_IDENT,
    ...meta.value,
    files: { [ENTRY_FILE]: "" },
    ...cases.value === void 0 ? {} : { cases: cases.value.cases }
  };
  const parsed = parseDocument(doc);
  if (!parsed.ok) return { ok: false, error: `${parsed.error.startsWith('"cases') ? CASES_FILE : META_FILE}: ${parsed.error}` };
  return { ok: true, value: { ...parsed.value, files } };
}
function playgroundFromZip(bytes) {
  let entries;
  try {
    let declared = 0;
    entries = unzipSync(bytes, {
      // Sizes are checked before anything is inflated: a small zip must not unpack to gigabytes.
      filter: (file) => {
        declared += file.originalSize;
        if (declared > MAX_UNPACKED_BYTES) throw new RangeError(`it unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB`);
        return true;
      }
    });
  } catch (e) {
    return { ok: false, error: e instanceof RangeError ? e.message : "it is not a zip file (or a damaged one)" };
  }
  return playgroundFromEntries(entries);
}

// cli/plugin-input.ts
async function readPluginInput(root2) {
  if (!root2.toLowerCase().endsWith(".zip")) return { files: await readPluginFolder(root2), cases: null };
  const opened = playgroundFromZip(await readBytes(root2, "plugin zip"));
  if (!opened.ok) throw new InputError(`plugin zip ${root2}: ${opened.error}`);
  return { files: opened.value.files, cases: opened.value.cases ?? [] };
}

// cli/options.ts
import { parseArgs } from "node:util";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var root = (path) => fileURLToPath2(new URL(`../${path}`, __se2CliUrl));
var USAGE = `Usage: se2 [options]
Runs a Python plugin inside the SE2 wrapper module and prints the three-level log and the outcome.

  --plugin-root DIR     folder holding plugin.py and its helper modules, or a playground .zip
                        (default: the article's plugin)
  --payload TEXT        the payload (default: "${DEFAULT_PAYLOAD}")
  --payload-file FILE   read the payload from FILE (UTF-8) instead
  --request FILE        the SE2 request the run serves, JSON:
                        {"method", "url", "headers": {}, "params": {}, "body", "state": {}}
  --fetch FILE          mocked answers of fetch_url, JSON:
                        {"GET https://host/path": {"status": 200, "headers": {}, "body": "..."}}
  --ident N             execution id, a 32-bit integer (default: ${DEFAULT_IDENT})
  --wrapper PATH        the wrapper module; the stdlib zips are read from its folder
                        (default: public/guest/wrapper.wasm)
  --timeout SECONDS     time limit of the whole run (default: 10)
  --quota-mib N         MiB the plugin may write to /plugin and /tmp together (default: ${DEFAULT_QUOTA_BYTES / 1024 / 1024})
  --json                print one JSON object instead of the log (with --request or --fetch
                        it also holds "response": {"headers"} and "state")
  --trace               after the run, print every crossing of the boundary, numbered: host ->
                        wasm exports, wasm -> host imports, C -> Python, Python -> sdk, with
                        arguments, returns and the bytes at each pointer (with --json: "trace")
  --no-color            no ANSI colours
  -h, --help            this text

Exit status: 0 result, 1 returned error or no result, 2 crash, timeout or bad arguments.

se2 test --plugin-root DIR --cases FILE   runs a table of test cases (see se2 test --help)`;
function parseTimeoutMs(value) {
  const seconds = value === void 0 ? 10 : Number(value);
  return Number.isFinite(seconds) && seconds > 0 && seconds <= 24 * 3600 ? seconds * 1e3 : null;
}
var wantsColor = (noColorFlag, isTty) => !noColorFlag && !process.env.NO_COLOR && (isTty || !!process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0");
function parseOptions(argv, isTty) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        "plugin-root": { type: "string" },
        payload: { type: "string" },
        "payload-file": { type: "string" },
        request: { type: "string" },
        fetch: { type: "string" },
        ident: { type: "string" },
        wrapper: { type: "string" },
        timeout: { type: "string" },
        "quota-mib": { type: "string" },
        json: { type: "boolean", default: false },
        trace: { type: "boolean", default: false },
        "no-color": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      }
    }));
  } catch (e) {
    return { kind: "bad", reason: e.message };
  }
  if (values.help) return { kind: "help" };
  if (values.payload !== void 0 && values["payload-file"] !== void 0) {
    return { kind: "bad", reason: "give --payload or --payload-file, not both" };
  }
  const ident = values.ident === void 0 ? DEFAULT_IDENT : parseExecutionId(values.ident);
  if (ident === null) {
    return { kind: "bad", reason: `--ident must be an integer from -2147483648 to 2147483647, got "${values.ident}"` };
  }
  const timeoutMs = parseTimeoutMs(values.timeout);
  if (timeoutMs === null) return { kind: "bad", reason: `--timeout must be a number of seconds above 0, got "${values.timeout}"` };
  const quotaMib = values["quota-mib"] === void 0 ? DEFAULT_QUOTA_BYTES / 1024 / 1024 : Number(values["quota-mib"]);
  if (!Number.isFinite(quotaMib) || quotaMib < 0 || quotaMib > 4096) {
    return { kind: "bad", reason: `--quota-mib must be a number of MiB from 0 to 4096, got "${values["quota-mib"]}"` };
  }
  return {
    kind: "run",
    options: {
      pluginRoot: values["plugin-root"] ?? root("guest/plugin"),
      payload: values["payload-file"] !== void 0 ? { file: values["payload-file"] } : { text: values.payload ?? DEFAULT_PAYLOAD },
      ident,
      ...values.request !== void 0 && { requestFile: values.request },
      ...values.fetch !== void 0 && { fetchFile: values.fetch },
      wrapper: values.wrapper ?? COMMITTED_WRAPPER,
      timeoutMs,
      quotaBytes: Math.floor(quotaMib * 1024 * 1024),
      json: values.json,
      trace: values.trace,
      color: wantsColor(values["no-color"], isTty)
    }
  };
}

// cli/run.ts
import { Worker as Worker2 } from "node:worker_threads";

// src/worker/protocol.ts
var Id = pipe(number(), safeInteger());
var Finite = pipe(number(), finite());
var Bytes = custom((x2) => x2 instanceof Uint8Array, "expected bytes (a Uint8Array)");
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
      (x2) => typeof SharedArrayBuffer === "function" && x2 instanceof SharedArrayBuffer,
      "expected a SharedArrayBuffer"
    )
  })
]);
function parse(schema, data) {
  const result = safeParse(schema, data);
  if (result.success) return { ok: true, value: result.output };
  const problem = result.issues.slice(0, 3).map((issue) => `${getDotPath(issue) ?? "(message)"}: ${issue.message}`).join("; ");
  return { ok: false, problem };
}

// cli/protocol.ts
var FromWorkerSchema = variant("type", [
  object({ type: literal("log"), entry: LogEntrySchema }),
  object({
    type: literal("done"),
    outcome: OutcomeSchema,
    timings: TimingsSchema,
    response: optional(RunResponseSchema),
    trace: optional(array(TraceEventSchema)),
    traceDropped: optional(pipe(number(), safeInteger(), minValue(0)))
  })
]);

// cli/run.ts
var RUNNER = true ? "./dist/run-worker.mjs" : "./run-worker.mjs";
function runInWorker(job, timeoutMs, onLog) {
  const worker = new Worker2(new URL(RUNNER, __se2CliUrl), { workerData: job });
  return new Promise((resolve) => {
    const finish = (ending) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(ending);
    };
    const timer = setTimeout(() => finish({ kind: "timeout" }), timeoutMs);
    worker.on("message", (data) => {
      const parsed = parse(FromWorkerSchema, data);
      if (!parsed.ok) finish({ kind: "failed", message: `the runner sent a malformed message (${parsed.problem})` });
      else if (parsed.value.type === "log") onLog(parsed.value.entry);
      else {
        const { outcome, timings, response, trace, traceDropped } = parsed.value;
        finish({
          kind: "outcome",
          outcome,
          timings,
          ...response !== void 0 && { response },
          ...trace !== void 0 && { trace },
          ...traceDropped !== void 0 && { traceDropped }
        });
      }
    });
    worker.on("error", (e) => finish({ kind: "failed", message: e.message }));
    worker.on("exit", (code) => finish({ kind: "failed", message: `the runner stopped early (exit ${code})` }));
  });
}

// cli/test.ts
import { parseArgs as parseArgs2 } from "node:util";

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a2;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a2 = options.timeout) !== null && _a2 !== void 0 ? _a2 : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path, added, removed, oldPosInc, options) {
    const last = path.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array2) {
    const ret = [];
    for (let i2 = 0; i2 < array2.length; i2++) {
      if (array2[i2]) {
        ret.push(array2[i2]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i2) {
            const oldValue = oldTokens[oldPos + i2];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i2 = 0; i2 < linesAndNewlines.length; i2++) {
    const line = linesAndNewlines[i2];
    if (i2 % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// src/cases/check.ts
var MAX_QUOTED = 400;
var MAX_DIFF_LINES = 40;
function quote(text) {
  if (text.length <= MAX_QUOTED) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, MAX_QUOTED))}\u2026 (${text.length - MAX_QUOTED} more characters)`;
}
function describeExpectation(expect) {
  if ("result" in expect) return `result ${quote(expect.result)}`;
  if ("result_contains" in expect) return `a result containing ${quote(expect.result_contains)}`;
  if ("result_matches" in expect) return `a result matching /${expect.result_matches}/`;
  if ("error" in expect) {
    const { code, message_contains } = expect.error;
    let text = code === void 0 ? "an error" : `error ${code}`;
    if (message_contains !== void 0) text += ` with a message containing ${quote(message_contains)}`;
    return text;
  }
  return "no result";
}
function describeOutcome(outcome) {
  switch (outcome.kind) {
    case "result":
      return `result ${quote(outcome.value)}`;
    case "error":
      return `error ${outcome.code}: ${quote(outcome.message)}`;
    case "none":
      return "no result";
    case "crash":
      return `crash: ${outcome.message}`;
    case "timeout":
      return `timed out after ${outcome.limitSec} s`;
    case "stopped":
      return "stopped";
    case "failed":
      return `could not run: ${outcome.message}`;
  }
}
function meets(outcome, expect) {
  if ("no_result" in expect) return outcome.kind === "none";
  if ("error" in expect) {
    if (outcome.kind !== "error") return false;
    const { code, message_contains } = expect.error;
    return (code === void 0 || outcome.code === code) && (message_contains === void 0 || outcome.message.includes(message_contains));
  }
  if (outcome.kind !== "result") return false;
  if ("result" in expect) return outcome.value === expect.result;
  if ("result_contains" in expect) return outcome.value.includes(expect.result_contains);
  return new RegExp(expect.result_matches, "u").test(outcome.value);
}
function resultDiff(expected, got) {
  if (!expected.includes("\n") && !got.includes("\n")) return null;
  const lines = [];
  for (const part of diffLines(expected, got)) {
    const op = part.added ? "+" : part.removed ? "-" : " ";
    const texts = part.value.endsWith("\n") ? part.value.slice(0, -1).split("\n") : part.value.split("\n");
    for (const text of texts) lines.push({ op, text });
  }
  if (lines.length > MAX_DIFF_LINES) {
    const cut = lines.length - MAX_DIFF_LINES;
    lines.length = MAX_DIFF_LINES;
    lines.push({ op: " ", text: `\u2026 ${cut} more lines` });
  }
  return lines;
}
function checkCase(outcome, expect) {
  const got = describeOutcome(outcome);
  if (meets(outcome, expect)) return { passed: true, got };
  const diff = "result" in expect && outcome.kind === "result" ? resultDiff(expect.result, outcome.value) : null;
  return { passed: false, expected: describeExpectation(expect), got, diff };
}

// cli/test.ts
var TEST_USAGE = `Usage: se2 test --plugin-root DIR --cases FILE [options]
       se2 test --plugin-root PLAYGROUND.zip [options]
Runs every case of a cases file ({"cases": [...]}, see the README) against the plugin, each in a
fresh instance, and prints one line per case.

  --plugin-root DIR     folder holding plugin.py and its helper modules, or a playground .zip
  --cases FILE          the cases file (JSON); default for a .zip: the cases.json inside it
  --wrapper PATH        the wrapper module (default: public/guest/wrapper.wasm)
  --timeout SECONDS     time limit of each case (default: 10)
  --json                print one JSON object with each case's outcome
  --no-color            no ANSI colours
  -h, --help            this text

Exit status: 0 every case passed, 1 a case failed, 2 bad arguments or a bad cases file.`;
function parseTestOptions(argv, isTty) {
  let values;
  try {
    ({ values } = parseArgs2({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        "plugin-root": { type: "string" },
        cases: { type: "string" },
        wrapper: { type: "string" },
        timeout: { type: "string" },
        json: { type: "boolean", default: false },
        "no-color": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      }
    }));
  } catch (e) {
    return { kind: "bad", reason: e.message };
  }
  if (values.help) return { kind: "help" };
  if (values["plugin-root"] === void 0) return { kind: "bad", reason: "give --plugin-root DIR" };
  if (values.cases === void 0 && !values["plugin-root"].toLowerCase().endsWith(".zip")) {
    return { kind: "bad", reason: "give --cases FILE (or a playground .zip holding cases.json as --plugin-root)" };
  }
  const timeoutMs = parseTimeoutMs(values.timeout);
  if (timeoutMs === null) return { kind: "bad", reason: `--timeout must be a number of seconds above 0, got "${values.timeout}"` };
  return {
    kind: "run",
    options: {
      pluginRoot: values["plugin-root"],
      casesFile: values.cases ?? null,
      wrapper: values.wrapper ?? COMMITTED_WRAPPER,
      timeoutMs,
      json: values.json,
      color: wantsColor(values["no-color"], isTty)
    }
  };
}
async function readCasesFile(path) {
  const text = await readText(path, "cases file");
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(`cases file ${path} is not JSON: ${e.message}`);
  }
  const parsed = parseCasesFile(value);
  if (!parsed.ok) throw new InputError(`cases file ${path}: ${parsed.error}`);
  return parsed.value;
}
var toOutcome = (ending, timeoutMs) => ending.kind === "outcome" ? ending.outcome : ending.kind === "timeout" ? { kind: "timeout", limitSec: timeoutMs / 1e3 } : { kind: "failed", message: ending.message };
var stderrLines = (log) => log.filter((e) => e.level === "python" && e.stream === "stderr").map((e) => e.text);
var MAX_TRACE_LINES = 20;
function caseLines(report, color) {
  const paint = (code, text) => color ? `\x1B[${code}m${text}\x1B[0m` : text;
  const { verdict: verdict2 } = report;
  if (verdict2.passed) return [`${paint("32", "ok")}   ${report.name}`];
  const lines = [`${paint("31", "FAIL")} ${report.name}`, `     expected: ${verdict2.expected}`, `     got:      ${verdict2.got}`];
  if (verdict2.diff !== null) {
    lines.push("     diff (- expected, + got):");
    for (const d of verdict2.diff) lines.push(`       ${d.op === " " ? " " : paint(d.op === "-" ? "31" : "32", d.op)} ${d.text}`);
  }
  const trace = stderrLines(report.log);
  if (trace.length > 0) {
    if (trace.length > MAX_TRACE_LINES) lines.push(`     \u2026 ${trace.length - MAX_TRACE_LINES} earlier lines of stderr`);
    for (const line of trace.slice(-MAX_TRACE_LINES)) lines.push(`     | ${line}`);
  }
  return lines;
}
async function runTests(argv, isTty) {
  const parsed = parseTestOptions(argv, isTty);
  if (parsed.kind === "help") {
    process.stdout.write(`${TEST_USAGE}
`);
    return 0;
  }
  if (parsed.kind === "bad") {
    process.stderr.write(`se2 test: ${parsed.reason} (see se2 test --help)
`);
    return 2;
  }
  const { options } = parsed;
  let files;
  let cases;
  let module;
  let stdlib;
  try {
    const [plugin, caseList, guest] = await Promise.all([
      readPluginInput(options.pluginRoot),
      options.casesFile === null ? null : readCasesFile(options.casesFile),
      readGuest(options.wrapper)
    ]);
    files = plugin.files;
    if (caseList === null && (plugin.cases === null || plugin.cases.length === 0)) {
      throw new InputError(`plugin zip ${options.pluginRoot} holds no cases.json: give --cases FILE`);
    }
    cases = caseList ?? plugin.cases ?? [];
    stdlib = guest.stdlib;
    module = await WebAssembly.compile(guest.wrapper).catch((e) => {
      throw new InputError(`wrapper module ${options.wrapper} does not compile: ${e.message}`);
    });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`se2 test: ${e.message}
`);
    return 2;
  }
  const reports = [];
  for (const testCase of cases) {
    const log = [];
    const started = performance.now();
    const context = { ...testCase.request && { request: testCase.request }, ...testCase.fetch && { fetch: testCase.fetch } };
    const ending = await runInWorker(
      {
        wrapper: module,
        stdlib,
        files,
        payload: testCase.payload,
        ident: testCase.ident ?? DEFAULT_IDENT,
        quotaBytes: DEFAULT_QUOTA_BYTES,
        ...Object.keys(context).length > 0 && { context }
      },
      options.timeoutMs,
      (entry) => log.push(entry)
    );
    const outcome = toOutcome(ending, options.timeoutMs);
    const report = {
      name: testCase.name,
      verdict: checkCase(outcome, testCase.expect),
      outcome,
      log,
      ms: performance.now() - started
    };
    reports.push(report);
    if (!options.json) process.stdout.write(`${caseLines(report, options.color).join("\n")}
`);
  }
  const failed = reports.filter((r) => !r.verdict.passed).length;
  const passed = reports.length - failed;
  if (options.json) {
    const out = {
      passed,
      failed,
      cases: reports.map(({ name, verdict: verdict2, outcome, log, ms }) => ({
        name,
        ...verdict2,
        outcome,
        ms,
        // A passing case's log says nothing a reader needs; a failing one's holds the traceback.
        ...verdict2.passed ? {} : { log }
      }))
    };
    process.stdout.write(`${JSON.stringify(out)}
`);
  } else {
    process.stdout.write(`${passed} passed, ${failed} failed
`);
  }
  return failed === 0 ? 0 : 1;
}

// cli/se2.ts
async function loadJob(options) {
  const [files, { wrapper, stdlib }, payload, context] = await Promise.all([
    readPluginInput(options.pluginRoot).then((input) => input.files),
    readGuest(options.wrapper),
    "file" in options.payload ? readText(options.payload.file, "payload file") : Promise.resolve(options.payload.text),
    readRunContext(options.requestFile, options.fetchFile)
  ]);
  return {
    files,
    wrapper,
    stdlib,
    payload,
    ident: options.ident,
    quotaBytes: options.quotaBytes,
    ...context !== null && { context },
    ...options.trace && { trace: true }
  };
}
function verdict(ending, timeoutMs) {
  if (ending.kind === "timeout") return [2, `timed out after ${timeoutMs / 1e3} s`];
  if (ending.kind === "failed") return [2, `cannot run the wrapper: ${ending.message}`];
  const o = ending.outcome;
  switch (o.kind) {
    case "result":
      return [0, `result: ${o.value}`];
    case "error":
      return [1, `error ${o.code}: ${o.message}`];
    case "none":
      return [1, "no result: the plugin returned neither a result nor an error"];
    case "crash":
      return [2, `crash: ${o.message}`];
  }
}
function traceJson(e) {
  return {
    ...e,
    values: e.values.map(
      (v) => v.kind === "int" ? v : { name: v.name, kind: v.kind, ptr: v.ptr, len: v.len, base64: Buffer.from(v.bytes).toString("base64") }
    )
  };
}
async function main() {
  if (process.argv[2] === "test") return runTests(process.argv.slice(3), process.stdout.isTTY === true);
  const parsed = parseOptions(process.argv.slice(2), process.stdout.isTTY === true);
  if (parsed.kind === "help") {
    process.stdout.write(`${USAGE}
`);
    return 0;
  }
  if (parsed.kind === "bad") {
    process.stderr.write(`se2: ${parsed.reason} (see --help)
`);
    return 2;
  }
  const { options } = parsed;
  let job;
  try {
    job = await loadJob(options);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`se2: ${e.message}
`);
    return 2;
  }
  const log = [];
  const started = performance.now();
  const ending = await runInWorker(job, options.timeoutMs, (entry) => {
    if (options.json) log.push(entry);
    else process.stdout.write(`${formatEntry(entry, options.color)}
`);
  });
  const [status, line] = verdict(ending, options.timeoutMs);
  if (options.json) {
    const outcome = ending.kind === "outcome" ? ending.outcome : null;
    const report = {
      outcome: outcome?.kind ?? ending.kind,
      result: outcome?.kind === "result" ? outcome.value : null,
      error: outcome?.kind === "error" ? { code: outcome.code, message: outcome.message } : null,
      crash: outcome?.kind === "crash" ? outcome.message : ending.kind === "failed" ? line : null,
      timeout: ending.kind === "timeout" ? options.timeoutMs / 1e3 : null,
      log,
      timings: { ...ending.kind === "outcome" ? ending.timings : {}, total: performance.now() - started },
      // Only a run given an SE2 context reports these, so the plain run's object stays as it was.
      ...job.context !== void 0 && {
        response: { headers: ending.kind === "outcome" && ending.response?.headers || {} },
        state: ending.kind === "outcome" && ending.response?.state || job.context.request?.state || {}
      },
      // Only with --trace, so the object without it stays byte for byte what it was.
      ...options.trace && {
        trace: ending.kind === "outcome" ? (ending.trace ?? []).map(traceJson) : [],
        ...ending.kind === "outcome" && ending.traceDropped !== void 0 && { traceDropped: ending.traceDropped }
      }
    };
    process.stdout.write(`${JSON.stringify(report)}
`);
  } else {
    process.stdout.write(`
${line}
`);
    if (job.context !== void 0 && ending.kind === "outcome") {
      process.stdout.write(
        `response headers: ${JSON.stringify(ending.response?.headers ?? {})}
state: ${JSON.stringify(ending.response?.state ?? {})}
`
      );
    }
    if (options.trace) {
      const events = ending.kind === "outcome" ? ending.trace ?? [] : [];
      const dropped = ending.kind === "outcome" ? ending.traceDropped ?? 0 : 0;
      const lines = ending.kind === "outcome" ? formatTrace(events, dropped) : [`(no trace: ${line})`];
      process.stdout.write(`
trace (${events.length} crossings):
${lines.join("\n")}
`);
    }
  }
  if (status !== 0) process.stderr.write(`se2: ${line}
`);
  return status;
}
process.exitCode = await main();
