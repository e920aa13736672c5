/*
 * alloc.c: the wasm heap. Blocks tile [heap start, end of memory); each starts with a
 * cache-line header, so payloads are PB_CACHE_LINE-aligned. First fit, split on
 * allocation, coalesce on free, memory.grow when nothing fits. Only a few dozen blocks
 * ever exist (pools and kernel buffers), so linear scans are cheap and freed space is
 * reused by the next pool or bench. Controller only: not thread-safe.
 */
#include <stdint.h>

#include "../runtime/platform.h"

#define WASM_PAGE 65536u
#define MAX_MEMORY_BYTES 1073741824u /* must match --max-memory in build.sh */
#define HEADER PB_CACHE_LINE

typedef struct block {
    uint32_t size; /* bytes including this header; multiple of HEADER */
    uint32_t used;
} block;

extern unsigned char __heap_base;

static uintptr_t heap_start, heap_end;

static block *at(uintptr_t address) { return (block *)address; }

static uintptr_t align_up(uintptr_t v, uintptr_t a) { return (v + a - 1) & ~(a - 1); }

static void ensure_heap(void) {
    if (heap_start) return;
    heap_start = align_up((uintptr_t)&__heap_base, HEADER);
    heap_end = (uintptr_t)__builtin_wasm_memory_size(0) * WASM_PAGE;
    if (heap_end - heap_start >= 2 * HEADER) {
        at(heap_start)->size = (uint32_t)(heap_end - heap_start);
        at(heap_start)->used = 0;
    } else {
        heap_end = heap_start; /* a sliver too small to use: the first grow starts here */
    }
}

/* The last block, or 0 when the heap is empty. */
static block *last_block(void) {
    block *last = 0;
    for (uintptr_t a = heap_start; a < heap_end; a += at(a)->size) last = at(a);
    return last;
}

/* Grows memory so that a free block of at least need bytes ends the heap. */
static int grow_for(uint32_t need) {
    block *last = last_block();
    uint32_t have = last && !last->used ? last->size : 0;
    uintptr_t extra = align_up(need - have, WASM_PAGE);
    if ((uint64_t)heap_end + extra > MAX_MEMORY_BYTES) return 0;
    /* memory.grow can run past heap_end if the memory was already bigger (a JS-side
     * memory with a larger initial size): take what is there first. */
    uintptr_t memory_end = (uintptr_t)__builtin_wasm_memory_size(0) * WASM_PAGE;
    if (memory_end < heap_end + extra &&
        __builtin_wasm_memory_grow(0, (heap_end + extra - memory_end) / WASM_PAGE) == (size_t)-1)
        return 0;
    if (have) {
        last->size += (uint32_t)extra;
    } else {
        at(heap_end)->size = (uint32_t)extra;
        at(heap_end)->used = 0;
    }
    heap_end += extra;
    return 1;
}

static void *take_first_fit(uint32_t need) {
    for (uintptr_t a = heap_start; a < heap_end; a += at(a)->size) {
        block *b = at(a);
        if (b->used || b->size < need) continue;
        if (b->size - need >= 2 * HEADER) {
            at(a + need)->size = b->size - need;
            at(a + need)->used = 0;
            b->size = need;
        }
        b->used = 1;
        return (void *)(a + HEADER);
    }
    return 0;
}

void *pb_alloc(size_t bytes) {
    ensure_heap();
    if (bytes > MAX_MEMORY_BYTES) return 0;
    uint32_t need = (uint32_t)align_up(bytes, HEADER) + HEADER;
    void *payload = take_first_fit(need);
    if (!payload && grow_for(need)) payload = take_first_fit(need);
    return payload;
}

void pb_free(void *payload) {
    if (!payload) return;
    at((uintptr_t)payload - HEADER)->used = 0;
    for (uintptr_t a = heap_start; a < heap_end; a += at(a)->size) {
        block *b = at(a);
        while (!b->used && a + b->size < heap_end && !at(a + b->size)->used) b->size += at(a + b->size)->size;
    }
}

const char *pb_alloc_limit_text(void) {
    return " but the wasm memory maximum is 1 GiB (1073741824 bytes, the module's --max-memory)";
}
