/*
 * A small SQLite VFS for WASI, compiled into libsqlite3.a with SQLITE_OS_OTHER=1.
 *
 * SQLite 3.40's os_unix.c needs POSIX advisory locks, fchown, mmap and shared memory, which
 * wasi-libc does not have. A WASI instance is a single process with a single thread, so this
 * VFS does plain file I/O (open/pread/pwrite/ftruncate/fsync) and keeps SQLite's file locks
 * (SHARED, RESERVED, PENDING, EXCLUSIVE) in a table of its own, one entry per open database
 * file, shared by every connection to it: what os_unix.c's in-process inode table does, without
 * the fcntl() locks that would keep other processes out. Locks therefore hold between the
 * connections of one instance; two instances never share a writable file (each has its own
 * in-memory tree). ":memory:" databases need no files at all.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sqlite3.h"

/*
 * The lock state of one file, shared by every connection that has it open (os_unix.c's
 * unixInodeInfo). A file is known by its device and inode number from fstat(); a host whose
 * file status carries no inode number (0) falls back to the path (already absolute: SQLite
 * opens what xFullPathname returned).
 */
struct lock_entry {
    struct lock_entry *next;
    sqlite3_uint64 dev, ino;
    char *path;      /* when ino is 0; sqlite3_malloc'd */
    int refs;        /* open files using this entry */
    int shared;      /* connections holding SHARED or more */
    int level;       /* the strongest lock any connection holds (only one can be above SHARED) */
};

static struct lock_entry *lock_table;

struct wasi_file {
    sqlite3_file base; /* must come first */
    int fd;
    int delete_on_close;
    char *path;        /* for delete_on_close; sqlite3_malloc'd */
    int level;         /* the lock this connection holds */
    struct lock_entry *lock;
};

static struct lock_entry *lock_entry_acquire(int fd, const char *path)
{
    struct stat st;
    sqlite3_uint64 dev = 0, ino = 0;
    if (fstat(fd, &st) == 0) {
        dev = (sqlite3_uint64)st.st_dev;
        ino = (sqlite3_uint64)st.st_ino;
    }
    for (struct lock_entry *e = lock_table; e != NULL; e = e->next) {
        if (ino != 0 ? (e->ino == ino && e->dev == dev)
                     : (e->ino == 0 && e->path != NULL && strcmp(e->path, path) == 0)) {
            e->refs++;
            return e;
        }
    }
    struct lock_entry *e = sqlite3_malloc(sizeof *e);
    if (e == NULL) {
        return NULL;
    }
    memset(e, 0, sizeof *e);
    e->dev = dev;
    e->ino = ino;
    if (ino == 0) {
        e->path = sqlite3_mprintf("%s", path);
        if (e->path == NULL) {
            sqlite3_free(e);
            return NULL;
        }
    }
    e->refs = 1;
    e->next = lock_table;
    lock_table = e;
    return e;
}

static void lock_entry_release(struct lock_entry *entry)
{
    if (entry == NULL || --entry->refs > 0) {
        return;
    }
    for (struct lock_entry **p = &lock_table; *p != NULL; p = &(*p)->next) {
        if (*p == entry) {
            *p = entry->next;
            break;
        }
    }
    sqlite3_free(entry->path);
    sqlite3_free(entry);
}

static int wasi_unlock(sqlite3_file *file, int level);

static int wasi_close(sqlite3_file *file)
{
    struct wasi_file *f = (struct wasi_file *)file;
    wasi_unlock(file, SQLITE_LOCK_NONE);
    lock_entry_release(f->lock);
    f->lock = NULL;
    int rc = close(f->fd) == 0 ? SQLITE_OK : SQLITE_IOERR_CLOSE;
    if (f->delete_on_close && f->path != NULL) {
        unlink(f->path);
    }
    sqlite3_free(f->path);
    f->path = NULL;
    return rc;
}

static int wasi_read(sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
    struct wasi_file *f = (struct wasi_file *)file;
    int done = 0;
    while (done < amount) {
        ssize_t n = pread(f->fd, (char *)buf + done, (size_t)(amount - done), offset + done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return SQLITE_IOERR_READ;
        }
        if (n == 0) {
            /* SQLite requires the unread tail to be zeroed on a short read. */
            memset((char *)buf + done, 0, (size_t)(amount - done));
            return SQLITE_IOERR_SHORT_READ;
        }
        done += (int)n;
    }
    return SQLITE_OK;
}

static int wasi_write(sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
    struct wasi_file *f = (struct wasi_file *)file;
    int done = 0;
    while (done < amount) {
        ssize_t n = pwrite(f->fd, (const char *)buf + done, (size_t)(amount - done), offset + done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return errno == ENOSPC ? SQLITE_FULL : SQLITE_IOERR_WRITE;
        }
        done += (int)n;
    }
    return SQLITE_OK;
}

static int wasi_truncate(sqlite3_file *file, sqlite3_int64 size)
{
    struct wasi_file *f = (struct wasi_file *)file;
    return ftruncate(f->fd, size) == 0 ? SQLITE_OK : SQLITE_IOERR_TRUNCATE;
}

static int wasi_sync(sqlite3_file *file, int flags)
{
    (void)flags;
    struct wasi_file *f = (struct wasi_file *)file;
    /* Some hosts' in-memory file systems do not implement fd_sync: nothing to flush there. */
    return fsync(f->fd) == 0 || errno == ENOTSUP || errno == ENOSYS || errno == EINVAL
               ? SQLITE_OK : SQLITE_IOERR_FSYNC;
}

static int wasi_file_size(sqlite3_file *file, sqlite3_int64 *size)
{
    struct wasi_file *f = (struct wasi_file *)file;
    struct stat st;
    if (fstat(f->fd, &st) != 0) {
        return SQLITE_IOERR_FSTAT;
    }
    *size = st.st_size;
    return SQLITE_OK;
}

/*
 * SQLite's lock levels, as os_unix.c's unixLock() grants them within one process: any number of
 * SHARED; one RESERVED beside them; PENDING (asked for on the way to EXCLUSIVE) lets no new
 * SHARED in; EXCLUSIVE only when no other connection holds SHARED. A lock that cannot be had now
 * is SQLITE_BUSY: SQLite's busy handler (the connection's timeout) sleeps and asks again.
 */
static int wasi_lock(sqlite3_file *file, int level)
{
    struct wasi_file *f = (struct wasi_file *)file;
    struct lock_entry *e = f->lock;
    if (f->level >= level) {
        return SQLITE_OK;
    }
    /* Someone else holds more than SHARED, or is on the way to EXCLUSIVE. */
    if (f->level != e->level && (e->level >= SQLITE_LOCK_PENDING || level > SQLITE_LOCK_SHARED)) {
        return SQLITE_BUSY;
    }
    if (level == SQLITE_LOCK_SHARED) {
        if (e->level < SQLITE_LOCK_SHARED) {
            e->level = SQLITE_LOCK_SHARED;
        }
        e->shared++;
        f->level = SQLITE_LOCK_SHARED;
        return SQLITE_OK;
    }
    /* RESERVED, PENDING or EXCLUSIVE, asked for by a connection that holds SHARED or more and is
     * the strongest holder. */
    if (level == SQLITE_LOCK_EXCLUSIVE && e->shared > 1) {
        /* Readers are still in: hold PENDING so that no new one comes, and let SQLite retry. */
        f->level = e->level = SQLITE_LOCK_PENDING;
        return SQLITE_BUSY;
    }
    f->level = e->level = level;
    return SQLITE_OK;
}

static int wasi_unlock(sqlite3_file *file, int level)
{
    struct wasi_file *f = (struct wasi_file *)file;
    struct lock_entry *e = f->lock;
    if (e == NULL || f->level <= level) {
        return SQLITE_OK;
    }
    if (f->level > SQLITE_LOCK_SHARED) {
        /* This connection was the one above SHARED. */
        e->level = SQLITE_LOCK_SHARED;
    }
    if (level == SQLITE_LOCK_NONE) {
        if (--e->shared == 0) {
            e->level = SQLITE_LOCK_NONE;
        }
    }
    f->level = level;
    return SQLITE_OK;
}

static int wasi_check_reserved_lock(sqlite3_file *file, int *reserved)
{
    struct wasi_file *f = (struct wasi_file *)file;
    *reserved = f->lock != NULL && f->lock->level > SQLITE_LOCK_SHARED;
    return SQLITE_OK;
}

static int wasi_file_control(sqlite3_file *file, int op, void *arg)
{
    (void)file; (void)op; (void)arg;
    return SQLITE_NOTFOUND;
}

static int wasi_sector_size(sqlite3_file *file)
{
    (void)file;
    return 4096;
}

static int wasi_device_characteristics(sqlite3_file *file)
{
    (void)file;
    return 0;
}

static const sqlite3_io_methods wasi_io = {
    .iVersion = 1,
    .xClose = wasi_close,
    .xRead = wasi_read,
    .xWrite = wasi_write,
    .xTruncate = wasi_truncate,
    .xSync = wasi_sync,
    .xFileSize = wasi_file_size,
    .xLock = wasi_lock,
    .xUnlock = wasi_unlock,
    .xCheckReservedLock = wasi_check_reserved_lock,
    .xFileControl = wasi_file_control,
    .xSectorSize = wasi_sector_size,
    .xDeviceCharacteristics = wasi_device_characteristics,
};

static int wasi_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out)
{
    (void)vfs;
    struct wasi_file *f = (struct wasi_file *)file;
    f->base.pMethods = NULL; /* nothing to close if opening fails */
    f->fd = -1;
    f->path = NULL;
    f->level = SQLITE_LOCK_NONE;
    f->lock = NULL;
    f->delete_on_close = (flags & SQLITE_OPEN_DELETEONCLOSE) != 0;
    if (name == NULL) {
        /* Nameless temporary files stay in memory (SQLITE_TEMP_STORE=3); none is expected. */
        return SQLITE_CANTOPEN;
    }
    int oflags = (flags & SQLITE_OPEN_READWRITE) ? O_RDWR : O_RDONLY;
    if (flags & SQLITE_OPEN_CREATE) {
        oflags |= O_CREAT;
    }
    if (flags & SQLITE_OPEN_EXCLUSIVE) {
        oflags |= O_EXCL;
    }
    int fd = open(name, oflags, 0644);
    if (fd < 0 && (flags & SQLITE_OPEN_READWRITE) && errno != ENOENT && errno != EISDIR) {
        /* A read-only file: open it read-only, as os_unix.c does (never a folder: EISDIR). */
        fd = open(name, O_RDONLY);
        flags = (flags & ~SQLITE_OPEN_READWRITE) | SQLITE_OPEN_READONLY;
    }
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        /* A folder is no database: "unable to open database file" (SQLITE_CANTOPEN), as on Linux,
         * where open(2) of a folder for writing fails with EISDIR. Some WASI hosts open it. */
        close(fd);
        fd = -1;
        errno = EISDIR;
    }
    if (fd < 0) {
        return SQLITE_CANTOPEN;
    }
    /* Only main databases take locks, but every file gets an entry: cheap, and uniform. */
    f->lock = lock_entry_acquire(fd, name);
    if (f->lock == NULL) {
        close(fd);
        return SQLITE_NOMEM;
    }
    if (f->delete_on_close) {
        f->path = sqlite3_mprintf("%s", name);
    }
    f->fd = fd;
    f->base.pMethods = &wasi_io;
    if (out != NULL) {
        *out = flags;
    }
    return SQLITE_OK;
}

static int wasi_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
    (void)vfs; (void)sync_dir;
    if (unlink(name) != 0 && errno != ENOENT) {
        return SQLITE_IOERR_DELETE;
    }
    return SQLITE_OK;
}

static int wasi_access(sqlite3_vfs *vfs, const char *name, int flags, int *result)
{
    (void)vfs;
    struct stat st;
    if (stat(name, &st) != 0) {
        *result = 0;
    } else if (flags == SQLITE_ACCESS_EXISTS) {
        /* An empty journal is as good as none (os_unix.c does the same). */
        *result = !S_ISREG(st.st_mode) || st.st_size > 0;
    } else {
        *result = access(name, flags == SQLITE_ACCESS_READWRITE ? (R_OK | W_OK) : R_OK) == 0;
    }
    return SQLITE_OK;
}

static int wasi_full_pathname(sqlite3_vfs *vfs, const char *name, int size, char *out)
{
    (void)vfs;
    if (name[0] == '/') {
        sqlite3_snprintf(size, out, "%s", name);
        return SQLITE_OK;
    }
    char cwd[512];
    if (getcwd(cwd, sizeof cwd) == NULL) {
        sqlite3_snprintf(size, out, "%s", name);
    } else {
        sqlite3_snprintf(size, out, "%s/%s", strcmp(cwd, "/") == 0 ? "" : cwd, name);
    }
    return SQLITE_OK;
}

static int wasi_randomness(sqlite3_vfs *vfs, int size, char *out)
{
    (void)vfs;
    int done = 0;
    while (done < size) {
        int chunk = size - done > 256 ? 256 : size - done; /* getentropy's limit */
        if (getentropy(out + done, (size_t)chunk) != 0) {
            break;
        }
        done += chunk;
    }
    return done;
}

static int wasi_sleep(sqlite3_vfs *vfs, int microseconds)
{
    (void)vfs;
    struct timespec ts = {microseconds / 1000000, (microseconds % 1000000) * 1000L};
    nanosleep(&ts, NULL);
    return microseconds;
}

static int wasi_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
    (void)vfs;
    /* Julian day number in milliseconds; 24405875 * 8640000 is the Unix epoch. */
    static const sqlite3_int64 unix_epoch = (sqlite3_int64)24405875 * 8640000;
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0) {
        return SQLITE_ERROR;
    }
    *out = unix_epoch + (sqlite3_int64)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
    return SQLITE_OK;
}

static int wasi_current_time(sqlite3_vfs *vfs, double *out)
{
    sqlite3_int64 ms = 0;
    int rc = wasi_current_time_int64(vfs, &ms);
    *out = (double)ms / 86400000.0;
    return rc;
}

static int wasi_get_last_error(sqlite3_vfs *vfs, int size, char *out)
{
    (void)vfs;
    if (size > 0) {
        sqlite3_snprintf(size, out, "%s", strerror(errno));
    }
    return errno;
}

static sqlite3_vfs wasi_vfs = {
    .iVersion = 2,
    .szOsFile = sizeof(struct wasi_file),
    .mxPathname = 512,
    .zName = "wasi",
    .xOpen = wasi_open,
    .xDelete = wasi_delete,
    .xAccess = wasi_access,
    .xFullPathname = wasi_full_pathname,
    .xRandomness = wasi_randomness,
    .xSleep = wasi_sleep,
    .xCurrentTime = wasi_current_time,
    .xGetLastError = wasi_get_last_error,
    .xCurrentTimeInt64 = wasi_current_time_int64,
};

int sqlite3_os_init(void)
{
    return sqlite3_vfs_register(&wasi_vfs, 1);
}

int sqlite3_os_end(void)
{
    return SQLITE_OK;
}
