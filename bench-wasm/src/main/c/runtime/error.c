#include "error.h"

#include <stdarg.h>

#define PB_ERROR_CAPACITY 512

static int32_t last_status = PB_OK;
static char last_error[PB_ERROR_CAPACITY] = "";

typedef struct text_builder {
    char *out;
    int length;
} text_builder;

static void put_char(text_builder *b, char c) {
    if (b->length < PB_ERROR_CAPACITY - 1) b->out[b->length++] = c;
}

static void put_text(text_builder *b, const char *s) {
    if (s == 0) s = "(null)";
    while (*s) put_char(b, *s++);
}

static void put_unsigned(text_builder *b, unsigned long long v) {
    char digits[24];
    int n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0) put_char(b, digits[--n]);
}

static void put_signed(text_builder *b, long long v) {
    if (v < 0) {
        put_char(b, '-');
        put_unsigned(b, 0ULL - (unsigned long long)v);
    } else {
        put_unsigned(b, (unsigned long long)v);
    }
}

int32_t pb_fail(int32_t status, const char *format, ...) {
    text_builder b = {last_error, 0};
    va_list args;
    va_start(args, format);
    for (const char *p = format; *p; p++) {
        if (*p != '%') {
            put_char(&b, *p);
        } else if (p[1] == 's') {
            put_text(&b, va_arg(args, const char *));
            p += 1;
        } else if (p[1] == 'd') {
            put_signed(&b, va_arg(args, int));
            p += 1;
        } else if (p[1] == 'l' && p[2] == 'l' && p[3] == 'd') {
            put_signed(&b, va_arg(args, long long));
            p += 3;
        } else if (p[1] == 'l' && p[2] == 'l' && p[3] == 'u') {
            put_unsigned(&b, va_arg(args, unsigned long long));
            p += 3;
        } else {
            put_char(&b, '%');
            if (p[1] == '%') p += 1;
        }
    }
    va_end(args);
    last_error[b.length] = '\0';
    last_status = status;
    return status;
}

void pb_succeed(void) { last_status = PB_OK; }

int32_t pb_last_status(void) { return last_status; }

const char *pb_last_error(void) { return last_error; }

int32_t pb_abi_version(void) { return PB_ABI_VERSION; }
