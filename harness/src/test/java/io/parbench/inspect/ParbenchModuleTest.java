package io.parbench.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** parbench's own threaded module (built by bench-wasm) must pass its own inspection. */
class ParbenchModuleTest {

    static final String RESOURCE = "/io/parbench/assets/wasm/parbench.wasm";

    @Test
    void ownModuleIsThreadsReady() throws Exception {
        byte[] module = ownModule();
        ModuleReport r = ModuleInspector.inspect(RESOURCE, module);

        assertTrue(r.verdict().threadsReady(), r.verdict().toString());
        MemoryInfo memory = r.module().memories().getFirst();
        assertTrue(memory.imported() && memory.shared(), memory.toString());
        assertNotNull(memory.maximumPages(), "shared memory needs a maximum");
        InstructionStats s = r.module().instructions();
        assertTrue(s.atomicWaits() > 0 && s.atomicNotifies() > 0, "idle workers sleep on a futex word: " + s);
        assertEquals(0, s.functionsNotScanned(), s.toString());
        assertEquals(0, r.module().dataSegments().active(), r.module().dataSegments().toString());
        List<String> ids = r.toolchains().stream().map(ToolchainMatch::id).toList();
        assertTrue(ids.contains("parbench-abi"), ids.toString());
        assertTrue(r.module().exports().stream().anyMatch(e -> e.name().equals("pb_worker_main")), r.module().exports().toString());
        assertEquals(ChicoryOracle.count(module), ChicoryOracle.of(s));
    }

    /**
     * The module on the class path (bench-wasm's build output). Skipped only while the C runtime
     * does not exist in this tree at all; once bench-wasm has its build script, a missing module fails.
     */
    private static byte[] ownModule() throws Exception {
        try (InputStream in = ParbenchModuleTest.class.getResourceAsStream(RESOURCE)) {
            if (in != null) return in.readAllBytes();
        }
        Path buildScript = Path.of("..", "bench-wasm", "build.sh");
        Assumptions.assumeTrue(Files.exists(buildScript),
                "the C runtime (bench-wasm/build.sh, branch c-runtime) is not in this tree yet, so there is no parbench.wasm to inspect");
        throw new AssertionError(RESOURCE + " is not on the test class path although " + buildScript
                + " exists: build bench-wasm first (mvn -pl harness -am test builds it).");
    }
}
