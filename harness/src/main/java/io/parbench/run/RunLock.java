package io.parbench.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Semaphore;

/**
 * One measuring parbench run per machine at a time: two runs would disturb each other's
 * numbers. A second run waits (and says so) instead of failing. It stands in for JMH's own
 * lock, which fails a second run at once.
 */
public final class RunLock implements AutoCloseable {

    /**
     * A file lock belongs to the whole JVM (a second one in it throws), so runs in one JVM queue
     * here first, quietly: only a test suite runs two at once in one JVM.
     */
    private static final Semaphore IN_THIS_JVM = new Semaphore(1);

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static RunLock acquire(PrintWriter err) throws IOException {
        IN_THIS_JVM.acquireUninterruptibly();
        try {
            return lockTheMachine(err);
        } catch (IOException | RuntimeException e) {
            IN_THIS_JVM.release();
            throw e;
        }
    }

    private static RunLock lockTheMachine(PrintWriter err) throws IOException {
        // A property names another lock (the test suite's own), so tests never wait for a real run.
        Path file = Path.of(System.getProperty("parbench.runLock",
                Path.of(System.getProperty("java.io.tmpdir"), "parbench-run.lock").toString()));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            err.println("Another parbench run is measuring on this machine; waiting for it to finish (" + file + ")…");
            err.flush();
            lock = channel.lock();
        }
        System.setProperty("jmh.ignoreLock", "true");
        return new RunLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            IN_THIS_JVM.release();
        }
    }
}
