package io.parbench.cli;

import io.parbench.inspect.ModuleInspector;
import io.parbench.inspect.ModuleReport;
import io.parbench.inspect.ReportText;
import io.parbench.inspect.WasmFormatException;
import io.parbench.results.ResultsJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parbench inspect MODULE.wasm}: memory, atomics/bulk-memory/SIMD use, imports, exports,
 * toolchain and a threads-ready verdict. It is a report, so it exits 0 whatever the verdict;
 * 2 when the file cannot be read or is not a valid module.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Reports whether a WebAssembly module is ready for threads (shared, imported memory; atomics; "
                + "no active data segments on shared memory) and exactly why not, with its memory, instruction counts, "
                + "imports, exports and toolchain.",
                "Exit code 0 whether or not it is threads-ready; 2 when the file is unreadable or not a valid module."})
public final class InspectCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "MODULE.wasm", description = "The WebAssembly binary module to inspect.")
    Path module;

    @Option(names = "--json", description = "Print the report as JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        ModuleReport report = inspect();
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ResultsJson.mapper().writeValueAsString(report) + "\n" : ReportText.render(report));
        out.flush();
        return ExitCodes.OK;
    }

    private ModuleReport inspect() {
        if (Files.isDirectory(module)) throw new UserError(module + " is a directory: give the path of a .wasm file.");
        try {
            return ModuleInspector.inspect(module);
        } catch (WasmFormatException e) {
            throw new UserError(e.getMessage() + ".", e);
        } catch (NoSuchFileException e) {
            throw new UserError(module + " does not exist: check the path.", e);
        } catch (AccessDeniedException e) {
            throw new UserError(module + " cannot be read: permission denied.", e);
        } catch (IOException e) {
            throw new UserError(module + " cannot be read: " + e.getMessage() + ".", e);
        }
    }
}
