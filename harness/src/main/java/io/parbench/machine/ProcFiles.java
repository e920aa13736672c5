package io.parbench.machine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the sampler reads from Linux's /proc: a process's threads, their names, birth and scheduler times. */
final class ProcFiles {

    private static final Path PROC = Path.of("/proc");
    /** The start time's field in /proc/<pid>/task/<tid>/stat, counted after the ")" that ends the name. */
    private static final int START_TIME_AFTER_NAME = 20;
    /** A process's utime in /proc/<pid>/stat, counted the same way; stime follows it. */
    private static final int UTIME_AFTER_NAME = 12;

    private ProcFiles() {}

    /** The current instant in epoch ns. */
    static long nowEpochNs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** The thread ids of a process; empty once it is gone. */
    static List<Long> threads(long pid) {
        List<Long> tids = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(Long.toString(pid)).resolve("task"))) {
            for (Path task : tasks) {
                tids.add(Long.parseLong(task.getFileName().toString()));
            }
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
        return tids;
    }

    /** A thread's name as Linux keeps it (15 characters at most), or null once it is gone. */
    static String name(long pid, long tid) {
        try {
            return Files.readString(task(pid, tid).resolve("comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** When a thread started, in epoch ns (to 10 ms), or -1 once it is gone. */
    static long startEpochNs(long pid, long tid, long bootEpochNs) {
        try {
            String[] fields = fieldsAfterName(task(pid, tid).resolve("stat"));
            return bootEpochNs + Long.parseLong(fields[START_TIME_AFTER_NAME - 1]) * ProcStat.NS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A process's state in /proc/<pid>/stat (R running, S sleeping, Z a zombie…), or empty once it is gone. */
    static Optional<Character> state(long pid) {
        try {
            return Optional.of(fieldsAfterName(PROC.resolve(Long.toString(pid)).resolve("stat"))[0].charAt(0));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A /proc/<pid>[/task/<tid>]/stat's fields after the name, the state first. */
    private static String[] fieldsAfterName(Path stat) throws IOException {
        return fieldsAfterName(Files.readString(stat, StandardCharsets.UTF_8));
    }

    private static String[] fieldsAfterName(String stat) {
        // The name may hold spaces and parentheses: the fields are counted from its last ")".
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** When this machine booted, in epoch ns (to 10 ms: /proc/uptime's resolution). */
    static long bootEpochNs() throws IOException {
        String uptime = Files.readString(PROC.resolve("uptime"), StandardCharsets.US_ASCII);
        double seconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
        return nowEpochNs() - Math.round(seconds * 1e9);
    }

    static Path ownSchedStat() {
        return PROC.resolve("thread-self").resolve("schedstat");
    }

    static Path schedStat(long pid, long tid) {
        return task(pid, tid).resolve("schedstat");
    }

    private static Path task(long pid, long tid) {
        return PROC.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(tid));
    }

    /**
     * A /proc file kept open and re-read from its start for each sample: one system call (pread),
     * not the three of opening, reading and closing it, and no reader to allocate (a process's stat
     * read whole each time cost 17-170 us here, re-read 3-15 us; /proc/stat's first line 70-290 us
     * through a reader, 4-9 us re-read).
     */
    static final class OpenFile implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buffer;

        /** Opens {@code path}, to read at most its first {@code bytes}. */
        OpenFile(Path path, int bytes) throws IOException {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            buffer = ByteBuffer.allocate(bytes);
        }

        /** The file's first bytes now, ready to be read; null once it is gone (ESRCH: its thread or process ended). */
        ByteBuffer read() {
            buffer.clear();
            try {
                if (channel.read(buffer, 0) <= 0) {
                    return null;
                }
            } catch (IOException e) {
                return null;
            }
            return buffer.flip();
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // a /proc file: nothing was written, nothing to lose
            }
        }
    }

    /**
     * A thread's /proc/<pid>/task/<tid>/schedstat, kept open. Its first two numbers are the ns the
     * thread ran on a CPU and the ns it waited runnable in a run queue
     * (Documentation/scheduler/sched-stats.rst).
     */
    static final class SchedStatFile implements AutoCloseable {
        private final OpenFile file;

        SchedStatFile(Path path) throws IOException {
            file = new OpenFile(path, 96);
        }

        /** The thread's cpu and run-queue ns now, in {@code into}; false once the thread is gone. */
        boolean read(long[] into) {
            ByteBuffer text = file.read();
            if (text == null) {
                return false;
            }
            parse(text, into);
            return true;
        }

        /** Reads one sample of a schedstat file, or null when there is none (no such file or thread). */
        static long[] readOnce(Path path) {
            try (SchedStatFile file = new SchedStatFile(path)) {
                long[] times = new long[2];
                return file.read(times) ? times : null;
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public void close() {
            file.close();
        }

        private static void parse(ByteBuffer text, long[] into) {
            int field = 0;
            long value = 0;
            while (text.hasRemaining() && field < into.length) {
                byte b = text.get();
                if (b >= '0' && b <= '9') {
                    value = value * 10 + (b - '0');
                } else {
                    into[field++] = value;
                    value = 0;
                }
            }
        }
    }

    /** A process's /proc/<pid>/stat, kept open: its CPU time, all its threads. */
    static final class ProcessStatFile implements AutoCloseable {
        private final OpenFile file;

        ProcessStatFile(long pid) throws IOException {
            // The whole file: a pid, a name of 15 bytes at most and about 50 numbers.
            file = new OpenFile(PROC.resolve(Long.toString(pid)).resolve("stat"), 2048);
        }

        /** Its utime and stime in ns (to 10 ms), or -1 once it is gone. */
        long cpuNs() {
            ByteBuffer text = file.read();
            if (text == null) {
                return -1;
            }
            try {
                String[] fields = fieldsAfterName(StandardCharsets.UTF_8.decode(text).toString());
                return (Long.parseLong(fields[UTIME_AFTER_NAME - 1]) + Long.parseLong(fields[UTIME_AFTER_NAME])) * ProcStat.NS_PER_TICK;
            } catch (RuntimeException e) {
                return -1;
            }
        }

        @Override
        public void close() {
            file.close();
        }
    }
}
