package io.parbench.ffm;

/**
 * A call into the C kernel library failed. The message is the library's own pb_last_error()
 * sentence (what was wrong and what to do); {@link #status()} is its pb_status code.
 */
public final class NativeBenchException extends RuntimeException {
    private static final String[] STATUS_NAMES = {
        "PB_OK", "PB_ERR_KERNEL", "PB_ERR_SIZE", "PB_ERR_NOMEM", "PB_ERR_WORKERS", "PB_ERR_THREAD", "PB_ERR_STATE"
    };

    private final String function;
    private final int status;

    NativeBenchException(String function, int status, String message) {
        super(message.isBlank() ? function + " failed with " + statusName(status) + " and no message." : message);
        this.function = function;
        this.status = status;
    }

    /** The C function that failed, e.g. {@code pb_bench_create}. */
    public String function() {
        return function;
    }

    /** The pb_status code of parbench.h. */
    public int status() {
        return status;
    }

    /** The pb_status constant's name, e.g. {@code PB_ERR_SIZE}. */
    public String statusName() {
        return statusName(status);
    }

    private static String statusName(int status) {
        return status >= 0 && status < STATUS_NAMES.length ? STATUS_NAMES[status] : "status " + status;
    }
}
