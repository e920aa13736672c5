/*
 * check.h: the few lines of test bookkeeping the C tests share. CHECK records one passed
 * or failed check (printing the failures); check_summary prints "N passed, M failed" and
 * gives the exit status.
 */
#ifndef PB_CHECK_H
#define PB_CHECK_H

#include <stdio.h>

static int checks_passed, checks_failed;

#define CHECK(condition, ...)                                      \
    do {                                                           \
        if (condition) {                                           \
            checks_passed++;                                       \
        } else {                                                   \
            checks_failed++;                                       \
            fprintf(stderr, "FAILED %s:%d: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                          \
            fputc('\n', stderr);                                   \
        }                                                          \
    } while (0)

static int check_summary(const char *suite) {
    printf("%s: %d passed, %d failed\n", suite, checks_passed, checks_failed);
    return checks_failed == 0 ? 0 : 1;
}

#endif /* PB_CHECK_H */
