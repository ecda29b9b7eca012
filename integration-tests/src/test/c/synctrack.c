/*
 * synctrack: an LD_PRELOAD shim that records how much of each file under one directory a process
 * has made durable, so a test can later throw away everything that was never synced.
 *
 * Environment (both required; without them the shim only passes calls through):
 *   SYNCTRACK_DIR  canonical absolute path of the directory whose regular files are tracked
 *   SYNCTRACK_LOG  file the records are appended to; must lie outside SYNCTRACK_DIR
 *
 * Records, one line each, written with a single write(2) to a descriptor opened with O_APPEND, so
 * every line that was written is whole in the page cache even when the process dies by SIGKILL:
 *   F <ino> <size> <path>   fsync succeeded; the file held <size> bytes when fsync was called
 *   D <ino> <size> <path>   fdatasync succeeded; likewise
 *   N <ino> <size> <path>   sync_file_range succeeded. Not a durability barrier (it neither
 *                           flushes metadata nor the disk cache): recorded only to be counted
 *   R <ino> <old> <new>     rename/renameat/renameat2 moved inode <ino> from <old> to <new>
 *   E <ino> <old> <new>     renameat2 with RENAME_EXCHANGE swapped <old> and <new>
 *   A                       sync() or syncfs() succeeded: everything is durable, sizes unknown
 *
 * The size is taken with fstat before the real call: bytes written before the call are durable
 * once it succeeds, while bytes another thread appends during the call may or may not be, and the
 * model must never credit a write that was not synced.
 *
 * Paths are canonical (resolved through /proc/self/fd), the hot path allocates nothing and uses
 * only async-signal-safe calls (readlink, fstat, openat, write, close), and errno as left by the
 * real call is what the caller sees.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static char watched[PATH_MAX];
static size_t watched_len;
static int log_fd = -1;

/* Looks a libc function up once; the cache is racy only in that two threads may both look it up. */
static void *real(void **cache, const char *name) {
    void *f = __atomic_load_n(cache, __ATOMIC_ACQUIRE);
    if (f == NULL) {
        f = dlsym(RTLD_NEXT, name);
        __atomic_store_n(cache, f, __ATOMIC_RELEASE);
    }
    return f;
}

__attribute__((constructor)) static void synctrack_init(void) {
    const char *dir = getenv("SYNCTRACK_DIR");
    const char *log = getenv("SYNCTRACK_LOG");
    if (dir == NULL || log == NULL || dir[0] != '/') {
        return;
    }
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/') {
        len--;
    }
    if (len >= sizeof watched) {
        return;
    }
    memcpy(watched, dir, len);
    watched[len] = '\0';
    watched_len = len;
    log_fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
}

static int under_watched(const char *path) {
    return log_fd >= 0 && strncmp(path, watched, watched_len) == 0 && path[watched_len] == '/';
}

/* A line being built in a fixed buffer; overflow marks it unusable rather than truncating it. */
struct line {
    char buf[2 * PATH_MAX + 96];
    size_t len;
    int overflow;
};

static void put(struct line *l, const char *s) {
    size_t n = strlen(s);
    if (l->len + n >= sizeof l->buf) {
        l->overflow = 1;
        return;
    }
    memcpy(l->buf + l->len, s, n);
    l->len += n;
}

static void put_u64(struct line *l, uint64_t v) {
    char digits[24];
    int i = (int) sizeof digits - 1;
    digits[i] = '\0';
    do {
        digits[--i] = (char) ('0' + v % 10);
        v /= 10;
    } while (v != 0);
    put(l, digits + i);
}

static void emit(struct line *l) {
    if (l->overflow) {
        return;
    }
    put(l, "\n");
    if (!l->overflow) {
        // One write per record: O_APPEND makes it land whole, after every earlier record.
        ssize_t ignored = write(log_fd, l->buf, l->len);
        (void) ignored;
    }
}

/* The canonical path /proc/self/fd/<fd> names; 0 when unknown, unlinked or too long. */
static int fd_path(int fd, char *out, size_t cap) {
    struct line proc = {.len = 0, .overflow = 0};
    put(&proc, "/proc/self/fd/");
    put_u64(&proc, (uint64_t) fd);
    proc.buf[proc.len] = '\0';
    ssize_t n = readlink(proc.buf, out, cap - 1);
    if (n <= 0 || (size_t) n >= cap - 1) {
        return 0;
    }
    out[n] = '\0';
    static const char deleted[] = " (deleted)";
    size_t dl = sizeof deleted - 1;
    return !((size_t) n > dl && strcmp(out + n - dl, deleted) == 0);
}

/* Records a successful sync of a regular file under the watched directory. */
static void record_sync(char kind, int fd, const struct stat *before) {
    char path[PATH_MAX];
    if (log_fd < 0 || !S_ISREG(before->st_mode) || !fd_path(fd, path, sizeof path) || !under_watched(path)) {
        return;
    }
    struct line l = {.len = 0, .overflow = 0};
    char k[3] = {kind, ' ', '\0'};
    put(&l, k);
    put_u64(&l, (uint64_t) before->st_ino);
    put(&l, " ");
    put_u64(&l, (uint64_t) before->st_size);
    put(&l, " ");
    put(&l, path);
    emit(&l);
}

static int tracked_sync(char kind, int fd, int (*call)(int)) {
    struct stat st;
    int have = log_fd >= 0 && fstat(fd, &st) == 0;
    int rc = call(fd);
    int saved = errno;
    if (rc == 0 && have) {
        record_sync(kind, fd, &st);
    }
    errno = saved;
    return rc;
}

int fsync(int fd) {
    static void *cache;
    return tracked_sync('F', fd, (int (*)(int)) real(&cache, "fsync"));
}

int fdatasync(int fd) {
    static void *cache;
    return tracked_sync('D', fd, (int (*)(int)) real(&cache, "fdatasync"));
}

int sync_file_range(int fd, off64_t offset, off64_t nbytes, unsigned int flags) {
    static void *cache;
    int (*call)(int, off64_t, off64_t, unsigned int) =
            (int (*)(int, off64_t, off64_t, unsigned int)) real(&cache, "sync_file_range");
    struct stat st;
    int have = log_fd >= 0 && fstat(fd, &st) == 0;
    int rc = call(fd, offset, nbytes, flags);
    int saved = errno;
    if (rc == 0 && have) {
        record_sync('N', fd, &st);
    }
    errno = saved;
    return rc;
}

static void record_all(void) {
    if (log_fd >= 0) {
        struct line l = {.len = 0, .overflow = 0};
        put(&l, "A");
        emit(&l);
    }
}

void sync(void) {
    static void *cache;
    ((void (*)(void)) real(&cache, "sync"))();
    int saved = errno;
    record_all();
    errno = saved;
}

int syncfs(int fd) {
    static void *cache;
    int rc = ((int (*)(int)) real(&cache, "syncfs"))(fd);
    int saved = errno;
    if (rc == 0) {
        record_all();
    }
    errno = saved;
    return rc;
}

/* The canonical path and inode of {dirfd, path} itself (a symlink is not followed); 0 if absent. */
static int entry(int dirfd, const char *path, char *out, size_t cap, ino_t *ino) {
    int fd = openat(dirfd, path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return 0;
    }
    struct stat st;
    int ok = fstat(fd, &st) == 0 && fd_path(fd, out, cap);
    close(fd);
    if (ok) {
        *ino = st.st_ino;
    }
    return ok;
}

static int tracked_rename(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags,
        int (*call)(int, const char *, int, const char *, unsigned int)) {
    char from[PATH_MAX];
    char to[PATH_MAX];
    ino_t ino = 0;
    ino_t ignored_ino;
    // The source must be resolved before the call: afterwards its name is gone.
    int have_from = log_fd >= 0 && entry(olddirfd, oldpath, from, sizeof from, &ino);
    int rc = call(olddirfd, oldpath, newdirfd, newpath, flags);
    int saved = errno;
    if (rc == 0 && have_from && entry(newdirfd, newpath, to, sizeof to, &ignored_ino)
            && (under_watched(from) || under_watched(to))) {
        struct line l = {.len = 0, .overflow = 0};
        put(&l, (flags & RENAME_EXCHANGE) ? "E " : "R ");
        put_u64(&l, (uint64_t) ino);
        put(&l, " ");
        put(&l, from);
        put(&l, " ");
        put(&l, to);
        emit(&l);
    }
    errno = saved;
    return rc;
}

static void *renameat2_cache;

static int call_renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags) {
    int (*f)(int, const char *, int, const char *, unsigned int) =
            (int (*)(int, const char *, int, const char *, unsigned int)) real(&renameat2_cache, "renameat2");
    if (f == NULL) {
        errno = ENOSYS;
        return -1;
    }
    return f(olddirfd, oldpath, newdirfd, newpath, flags);
}

static void *renameat_cache;

static int call_renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags) {
    (void) flags;
    return ((int (*)(int, const char *, int, const char *)) real(&renameat_cache, "renameat"))(
            olddirfd, oldpath, newdirfd, newpath);
}

static void *rename_cache;

static int call_rename(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags) {
    (void) olddirfd;
    (void) newdirfd;
    (void) flags;
    return ((int (*)(const char *, const char *)) real(&rename_cache, "rename"))(oldpath, newpath);
}

int rename(const char *oldpath, const char *newpath) {
    return tracked_rename(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0, call_rename);
}

int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath) {
    return tracked_rename(olddirfd, oldpath, newdirfd, newpath, 0, call_renameat);
}

int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags) {
    return tracked_rename(olddirfd, oldpath, newdirfd, newpath, flags, call_renameat2);
}
