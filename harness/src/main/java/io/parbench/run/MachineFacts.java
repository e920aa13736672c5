package io.parbench.run;

import io.parbench.results.EngineFacts;
import io.parbench.results.Environment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Facts about this machine, recorded with every run so absolute numbers keep their context. */
public final class MachineFacts {

    private MachineFacts() {}

    public static Environment probe(Map<String, EngineFacts> engines) {
        return new Environment(hostname(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), cpuModel(), Runtime.getRuntime().availableProcessors(), memoryBytes(),
                System.getProperty("java.vm.name") + " " + Runtime.version(), engines);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch"); // not Linux: the architecture is the best we know
        }
    }

    private static long memoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }
}
