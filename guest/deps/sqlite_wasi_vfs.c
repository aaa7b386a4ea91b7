/*
 * A minimal SQLite VFS for WASI, compiled into libsqlite3.a with SQLITE_OS_OTHER=1.
 *
 * SQLite 3.40's os_unix.c needs POSIX locks, fchown, mmap and shared memory that wasi-libc
 * does not have. Plugins use sqlite3 in memory (":memory:", temp store in memory), which needs
 * a VFS only for randomness, time and sleeping; opening a database file fails cleanly with
 * SQLITE_CANTOPEN ("unable to open database file").
 */
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sqlite3.h"

static int wasi_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out)
{
    (void)vfs; (void)name; (void)flags; (void)out;
    file->pMethods = NULL; /* tells SQLite there is nothing to close */
    return SQLITE_CANTOPEN;
}

static int wasi_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
    (void)vfs; (void)name; (void)sync_dir;
    return SQLITE_IOERR_DELETE;
}

static int wasi_access(sqlite3_vfs *vfs, const char *name, int flags, int *result)
{
    (void)vfs; (void)name; (void)flags;
    *result = 0;
    return SQLITE_OK;
}

static int wasi_full_pathname(sqlite3_vfs *vfs, const char *name, int size, char *out)
{
    (void)vfs;
    sqlite3_snprintf(size, out, "%s", name);
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
    (void)vfs; (void)size; (void)out;
    return 0;
}

static sqlite3_vfs wasi_vfs = {
    .iVersion = 2,
    .szOsFile = sizeof(sqlite3_file),
    .mxPathname = 512,
    .zName = "wasi-memory",
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
