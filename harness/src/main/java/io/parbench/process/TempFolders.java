package io.parbench.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every temporary folder this parbench process makes (browser profiles and homes, JMH's checksum
 * folder, a TLS key store) is made inside one folder of its own under java.io.tmpdir, named after
 * the process: {@code parbench-PID}. When the process exits, however it ends (Ctrl-C and SIGTERM
 * included), every process started with its marker is killed and the folder deleted. A process
 * killed with SIGKILL cannot do that, so the next parbench that makes a temporary folder does it
 * for the folders of processes that are gone. Names are short on purpose: Chromium's socket in its
 * temporary folder must have a path of at most 107 bytes.
 */
public final class TempFolders {

    /** Set in every browser process parbench starts, to its folder: tells this process's browsers from any other's. */
    public static final String MARKER_VARIABLE = "PARBENCH_BROWSER_FOLDER";

    private static final String ROOT_PREFIX = "parbench-";
    private static final Pattern ROOT_NAME = Pattern.compile(Pattern.quote(ROOT_PREFIX) + "(\\d+)");
    /** /proc/stat's boot time moves by up to a second, and with it a process's start as the JDK computes it. */
    private static final long START_TOLERANCE_MILLIS = 2_000;

    private static Path root;
    private static int made;

    private TempFolders() {}

    /** A new empty folder named {@code prefix} and a number, e.g. firefox-3, inside this process's own folder. */
    public static synchronized Path create(String prefix) throws IOException {
        if (Shutdown.started()) {
            throw new IOException("parbench is exiting: no new temporary folder is made");
        }
        if (root == null || !Files.isDirectory(root)) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            removeLeftovers(tmp);
            root = Files.createDirectories(tmp.resolve(ROOT_PREFIX + ProcessHandle.current().pid()));
            Path own = root;
            // Processes not started as ChildProcess (Playwright's browser, the helpers a browser starts itself) carry the marker too.
            Shutdown.at(Shutdown.Step.KILL_PROCESSES, () -> killProcessesOf(List.of(own)));
            Shutdown.at(Shutdown.Step.DELETE_FOLDERS, () -> delete(own));
        }
        while (true) {
            Path folder = root.resolve(prefix + ++made);
            if (Files.notExists(folder)) {
                return Files.createDirectory(folder);
            }
        }
    }

    /** The environment entry that marks a process started for {@code folder}. */
    public static Map<String, String> marker(Path folder) {
        return Map.of(MARKER_VARIABLE, folder.toString());
    }

    /** Deletes a folder and everything in it (best effort: what cannot be deleted stays). */
    public static void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover is removed by the next parbench, or by the system's tmp cleaning
        }
    }

    /** Kills what the folders of parbench processes that are gone left running, then deletes the folders. */
    static void removeLeftovers(Path tmp) {
        List<Path> orphaned = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, ROOT_PREFIX + "*")) {
            for (Path entry : entries) {
                Matcher name = ROOT_NAME.matcher(entry.getFileName().toString());
                if (name.matches() && Files.isDirectory(entry) && !owned(entry, Long.parseLong(name.group(1)))) {
                    orphaned.add(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            return; // no tmp folder to look into, or not ours to read: nothing to remove
        }
        if (orphaned.isEmpty()) {
            return;
        }
        killProcessesOf(orphaned);
        orphaned.forEach(TempFolders::delete);
    }

    /**
     * Kills every process still running with {@code folder}'s marker and waits briefly for each to be
     * gone: helpers that outlived the browser that started them (a crashed MiniBrowser's web process) too.
     */
    public static void killProcessesMarked(Path folder) {
        killProcesses(marked -> marked.equals(folder.toString()));
    }

    private static void killProcessesOf(List<Path> roots) {
        killProcesses(marked -> roots.stream().anyMatch(root -> marked.startsWith(root + "/")));
    }

    private static void killProcesses(Predicate<String> markedFolder) {
        String variable = MARKER_VARIABLE + "=";
        List<ProcessHandle> killed = ProcessHandle.allProcesses()
                .filter(process -> ProcessEnvironment.of(process).stream()
                        .anyMatch(entry -> entry.startsWith(variable) && markedFolder.test(entry.substring(variable.length()))))
                .filter(ProcessHandle::destroyForcibly)
                .toList();
        for (ProcessHandle process : killed) {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // sent SIGKILL: it goes; its folder is deleted as far as it can be
            }
        }
    }

    /**
     * Whether the process that made a folder still runs: one with its pid runs, and started before
     * the folder was last written (pids are reused: a process started later is another one).
     */
    private static boolean owned(Path folder, long pid) {
        Instant written;
        try {
            written = Files.getLastModifiedTime(folder).toInstant();
        } catch (IOException e) {
            return true; // gone meanwhile, or not ours to look at: not ours to delete either
        }
        return ProcessHandle.of(pid)
                .map(process -> process.info().startInstant().map(start -> !start.isAfter(written.plusMillis(START_TOLERANCE_MILLIS))).orElse(true))
                .orElse(false);
    }
}
