package io.parbench.engines.wasm;

import io.parbench.process.ProcessEnvironment;
import io.parbench.process.TempFolders;
import java.util.List;

/** Test helper: the live processes a browser driver started, told by the marker in their environment. */
final class LeftoverProcesses {

    private LeftoverProcesses() {}

    /** The marker entry (NAME=value) of a process parbench started for a browser. */
    static String marker(ProcessHandle process) {
        return ProcessEnvironment.of(process).stream().filter(entry -> entry.startsWith(TempFolders.MARKER_VARIABLE + "="))
                .findFirst().orElseThrow(() -> new IllegalStateException("process " + process.pid() + " has no marker"));
    }

    /** Every live process with this marker, described (zombies have no environment and are not counted). */
    static List<String> of(String marker) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> ProcessEnvironment.of(process).contains(marker))
                .map(process -> process.pid() + " " + process.info().command().orElse("?"))
                .toList();
    }
}
