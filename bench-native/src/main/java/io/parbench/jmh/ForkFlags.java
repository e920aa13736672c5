package io.parbench.jmh;

import io.parbench.kernels.JavaKernels;

/** JVM flags every benchmark fork needs; constants so that annotations can name them too. */
final class ForkFlags {
    /** FFM downcalls without the restricted-method warning (and the error in future JDKs). */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** Silences JMH's sun.misc.Unsafe warnings (JDK 24+). */
    static final String UNSAFE_ALLOW = "--sun-misc-unsafe-memory-access=allow";
    /** Fixes the task tree of the jdk sort variant (see JavaKernels). */
    static final String JDK_SORT_SPLIT = JavaKernels.JDK_SORT_SPLIT_FLAG;
    /** The jvm engine's forks run JMH's benchmark thread in the kernel's pool ({@link SteppingPool}). */
    static final String STEPPING_EXECUTOR = "-Djmh.executor=CUSTOM";
    static final String STEPPING_EXECUTOR_CLASS = "-Djmh.executor.class=io.parbench.jmh.SteppingPool";
    /** The system property naming the file the fork appends its checksum to. */
    static final String CHECKSUM_FILE_PROPERTY = "parbench.checksumFile";

    private ForkFlags() {}
}
