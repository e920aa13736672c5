package io.parbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the pipeline (plan → engines → results → analysis → report/gate/export,
 * cli on top) with no cycle: a lower layer never reaches back up, e.g. to the command line. Read
 * from the compiled classes by the JDK's own jdeps.
 */
class PackageCyclesTest {

    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Set<String>> uses = packageDependencies();
        assertTrue(uses.containsKey("io.parbench.cli") && uses.size() > 10, "jdeps saw the harness packages: " + uses.keySet());
        List<List<String>> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCycle(start, start, uses, new ArrayList<>(List.of(start)), cycles);
        }
        assertEquals(List.of(), cycles, "package cycles");
    }

    /** Records the first path from {@code at} back to {@code start}, if any. */
    private static boolean findCycle(String start, String at, Map<String, Set<String>> uses, List<String> path,
            List<List<String>> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                cycles.add(cycle);
                return true;
            }
            // Only through packages ordered after the start: each cycle is reported once, from its smallest package.
            if (next.compareTo(start) > 0 && !path.contains(next)) {
                path.add(next);
                if (findCycle(start, next, uses, path, cycles)) {
                    return true;
                }
                path.removeLast();
            }
        }
        return false;
    }

    private static Map<String, Set<String>> packageDependencies() {
        assertTrue(Files.isDirectory(CLASSES), "compiled classes at " + CLASSES.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none",
                "-e", "io\\.parbench\\..*", CLASSES.toString());
        assertEquals(0, code, out.toString());
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : out.toString().lines().toList()) {
            String[] parts = line.trim().split("\\s+");
            // "   io.parbench.report   -> io.parbench.results   classes"
            if (parts.length >= 3 && parts[1].equals("->") && parts[0].startsWith("io.parbench")
                    && parts[2].startsWith("io.parbench") && !parts[0].equals(parts[2])) {
                uses.computeIfAbsent(parts[0], p -> new TreeSet<>()).add(parts[2]);
            }
        }
        return uses;
    }
}
