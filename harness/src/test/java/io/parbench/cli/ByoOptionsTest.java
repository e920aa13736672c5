package io.parbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** --engines byo and --adapter misuse: one clear sentence, exit code 2, before any browser starts. */
class ByoOptionsTest {

    @TempDir
    static Path temp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run --engines byo                                  | --engines byo needs --adapter PATH/adapter.js",
        "run --engines byo --adapter TEMP/missing/adapter.js | No adapter at TEMP/missing/adapter.js (--adapter)",
        "run --engines byo --adapter TEMP                    | is a folder; give the adapter module inside it",
        "run --engines byo --adapter TEMP/notes.txt          | is not a JavaScript module file (.js or .mjs)",
        "run --engines native --adapter TEMP/adapter.js      | --adapter and --adapter-param are for the byo engine",
        "run --adapter-param kernel=sort                     | --adapter and --adapter-param are for the byo engine",
    })
    void misuseIsExplainedWithExitCode2(String args, String expected) throws IOException {
        Files.writeString(temp.resolve("notes.txt"), "not a module");
        Files.writeString(temp.resolve("adapter.js"), "export const meta = { name: 'x' };");
        String folder = temp.toAbsolutePath().toString();
        StringWriter err = new StringWriter();
        CommandLine cl = ExitCodes.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        List<String> argv = new ArrayList<>();
        for (String arg : args.split(" +")) {
            argv.add(arg.replace("TEMP", folder));
        }

        int code = cl.execute(argv.toArray(String[]::new));

        assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
        assertTrue(err.toString().contains(expected.replace("TEMP", folder)), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }
}
