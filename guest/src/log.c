#include "log.h"

#include <stdarg.h>
#include <stdio.h>

static void log_prefix(const char *file)
{
    fprintf(stdout, "\t\x1b[32m[%s]\x1b[0m | ", file);
}

static void log_finish(const char *fmt, va_list args)
{
    vfprintf(stdout, fmt, args);
    fputc('\n', stdout);
    fflush(stdout);
}

void log_line(const char *file, const char *fmt, ...)
{
    va_list args;
    log_prefix(file);
    va_start(args, fmt);
    log_finish(fmt, args);
    va_end(args);
}

void log_run(const char *file, int32_t ident, const char *fmt, ...)
{
    va_list args;
    log_prefix(file);
    fprintf(stdout, "id=%d | ", (int)ident);
    va_start(args, fmt);
    log_finish(fmt, args);
    va_end(args);
}
