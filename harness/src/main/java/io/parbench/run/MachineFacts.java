package io.parbench.run;

import io.parbench.results.EngineFacts;
import io.parbench.results.Environment;
import io.parbench.results.FactKeys;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Facts about the machine measured, recorded with every run so absolute numbers keep their
 * context: this machine, or for a browser reached through --webdriver-url the remote machine as
 * its browser describes it (the harness's own machine is then only the JVM that drove it).
 */
public final class MachineFacts {

    private MachineFacts() {}

    public static Environment probe(Map<String, EngineFacts> engines) {
        Optional<Map<String, String>> remote = engines.values().stream().filter(EngineFacts::reachedThroughWebDriver)
                .map(EngineFacts::facts).findFirst();
        return remote.map(facts -> remoteMachine(facts, engines)).orElseGet(() -> new Environment(hostname(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"), cpuModel(),
                Runtime.getRuntime().availableProcessors(), memoryBytes(), jvm(), engines));
    }

    /**
     * The remote machine: its host is the WebDriver endpoint's (the machine itself for a lone
     * WebDriver server, the hub for a Grid), its cores navigator.hardwareConcurrency; a browser
     * tells neither its CPU model nor its memory.
     */
    private static Environment remoteMachine(Map<String, String> facts, Map<String, EngineFacts> engines) {
        String host = URI.create(facts.get(FactKeys.WEBDRIVER_URL)).getHost();
        int cores = Integer.parseInt(facts.getOrDefault(FactKeys.REMOTE_CORES, "0"));
        return new Environment(host, facts.get(FactKeys.REMOTE_PLATFORM_NAME), facts.get(FactKeys.REMOTE_PLATFORM),
                "unknown (remote " + facts.get(FactKeys.REMOTE_BROWSER_NAME) + "; a browser does not tell its CPU)", cores, -1,
                jvm() + " (the harness, on " + hostname() + ")", engines);
    }

    private static String jvm() {
        return System.getProperty("java.vm.name") + " " + Runtime.version();
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
