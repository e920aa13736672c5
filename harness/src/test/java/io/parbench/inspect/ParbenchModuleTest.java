package io.parbench.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
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

    /** The module on the class path: bench-wasm's build output. */
    private static byte[] ownModule() throws Exception {
        try (InputStream in = ParbenchModuleTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is not on the test class path: build bench-wasm first (mvn -pl harness -am test builds it).");
            return in.readAllBytes();
        }
    }
}
