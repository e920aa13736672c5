package io.parbench.engines.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A Chromium's processes as /proc has them: ProcessHandle.info() misses the switches of its renderers, which rewrite their argv. */
public final class ChromiumProcesses {

    private static final String DISABLE_FEATURES = "--disable-features=";

    private ChromiumProcesses() {}

    public static List<String> commandLine(ProcessHandle process) {
        try {
            return Arrays.asList(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).split("\u0000"));
        } catch (IOException e) {
            return List.of(); // gone meanwhile
        }
    }

    /** Each --disable-features switch of a process, in order. */
    public static List<String> disableFeaturesSwitches(ProcessHandle process) {
        return commandLine(process).stream().filter(argument -> argument.startsWith(DISABLE_FEATURES)).toList();
    }

    /** The features one --disable-features switch names. */
    public static Set<String> features(String disableFeaturesSwitch) {
        return new HashSet<>(Arrays.asList(disableFeaturesSwitch.substring(DISABLE_FEATURES.length()).split(",")));
    }

    /** The processes under {@code root} that render Chromium's own top-chrome WebUI (the omnibox's popup): "pid command line" each. */
    public static List<String> topChromeRenderers(ProcessHandle root) {
        return root.descendants().filter(p -> commandLine(p).contains("--top-chrome-webui"))
                .map(p -> p.pid() + " " + String.join(" ", commandLine(p))).toList();
    }
}
