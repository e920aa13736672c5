package io.parbench.kernels;

/**
 * A benchmark instance that measures a whole worker curve in one process: created for the largest
 * worker count it will use, it runs each step on as many workers as it was last told, exactly as an
 * instance made for that count would (the same checksum), while its other workers sleep.
 */
public interface ResizableKernel extends ParallelKernel {

    /**
     * Runs the following steps on {@code workers} workers; called between steps.
     *
     * @throws IllegalArgumentException for a count the instance was not created for
     */
    void useWorkers(int workers);

    /**
     * Starts a window of the pool's accounting, if its pool keeps one: called between steps, right
     * before a timed block (outside its timed window).
     */
    default void resetAccount() {}

    /**
     * What the pool's workers in use did since {@link #resetAccount()}: called between steps, right
     * after the block. Null when the pool keeps no accounting.
     */
    default PoolAccount readAccount() {
        return null;
    }
}
