package io.parbench.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parbench.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code parbench inspect} as a user runs it: exit codes, text with the verdict last, JSON. */
class InspectCommandTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run parbench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ExitCodes.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void threadedModuleTextEndsWithTheVerdict() {
        Run r = parbench("inspect", WasmFixtures.threadedC().toString());

        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals("Verdict: threads-ready", lines(r.out()).getLast());
        assertTrue(r.out().contains("memory 0: imported from env.memory, shared, initial 2 pages (128 KiB), maximum 16 pages (1 MiB)"), r.out());
        assertTrue(r.out().contains("memory.atomic.wait32"), r.out());
        assertTrue(r.out().contains("plain C (clang --target=wasm32, no JS glue)"), r.out());
    }

    @Test
    void nonThreadedModuleExitsZeroAndSaysWhyNot() {
        Run r = parbench("inspect", WasmFixtures.plainC().toString());

        assertEquals(ExitCodes.OK, r.exitCode(), "a report, not a failure: " + r.err());
        List<String> lines = lines(r.out());
        int verdict = lines.indexOf("Verdict: not threads-ready");
        assertTrue(verdict > 0, r.out());
        assertTrue(lines.get(verdict + 1).startsWith("  ✗ memory is not shared: build with atomics and shared memory"), r.out());
        assertTrue(lines.subList(verdict, lines.size()).stream().allMatch(l -> l.startsWith("Verdict") || l.startsWith("  ✗ ") || l.startsWith("  note: ")),
                "the verdict is last: " + r.out());
    }

    @Test
    void jsonHasTheWholeReport() throws Exception {
        Run r = parbench("inspect", "--json", WasmFixtures.threadedC().toString());

        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.at("/verdict/threadsReady").asBoolean());
        assertEquals(0, json.at("/verdict/reasons").size());
        JsonNode memory = json.at("/module/memories/0");
        assertTrue(memory.get("shared").asBoolean());
        assertEquals("env.memory", memory.get("importedFrom").asText());
        assertEquals(131072, memory.get("initialBytes").asLong());
        assertEquals(1048576, memory.get("maximumBytes").asLong());
        assertTrue(json.at("/module/instructions/atomic").asLong() > 0);
        assertTrue(json.at("/module/instructions/atomicByKind/memory.atomic.wait32").asLong() > 0, r.out());
        assertEquals("memory", json.at("/module/imports/0/kind").asText());
        assertEquals("pb_arrive", json.at("/module/exports/0/name").asText());
        assertEquals("plain-c", json.at("/toolchains/0/id").asText());
        assertEquals(Files.size(WasmFixtures.threadedC()), json.get("sizeBytes").asLong());
    }

    @Test
    void jsonForANonThreadedModuleListsTheReasons() throws Exception {
        JsonNode json = new ObjectMapper().readTree(parbench("inspect", "--json", WasmFixtures.plainC().toString()).out());

        assertFalse(json.at("/verdict/threadsReady").asBoolean());
        assertTrue(json.at("/verdict/reasons/0").asText().startsWith("memory is not shared"));
        assertTrue(json.at("/module/memories/0/maximumBytes").isMissingNode(), "no maximum: left out, not null");
    }

    @Test
    void brokenFilesExitTwoWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path empty = Files.write(dir.resolve("empty.wasm"), new byte[0]);
        byte[] module = WasmFixtures.bytes(WasmFixtures.threadedC());
        Path truncated = Files.write(dir.resolve("truncated.wasm"), java.util.Arrays.copyOf(module, module.length / 2));
        Path text = Files.writeString(dir.resolve("module.wat"), "(module)");

        for (var c : List.of(
                List.of(empty.toString(), empty + ": the file is empty (0 bytes): it is not a WebAssembly module."),
                List.of(truncated.toString(), "the file is truncated or corrupt"),
                List.of(text.toString(), "compile it with wat2wasm first"),
                List.of(dir.resolve("missing.wasm").toString(), "missing.wasm does not exist: check the path."),
                List.of(dir.toString(), "is a directory: give the path of a .wasm file."))) {
            Run r = parbench("inspect", c.get(0));
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), c.get(0));
            assertTrue(r.err().startsWith("error: ") && r.err().contains(c.get(1)), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void missingArgumentIsBadUsage() {
        Run r = parbench("inspect");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("Missing required parameter: 'MODULE.wasm'"), r.err());
    }
}
