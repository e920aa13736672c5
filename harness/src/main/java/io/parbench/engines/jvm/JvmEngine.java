package io.parbench.engines.jvm;

import io.parbench.kernels.JavaKernels;
import io.parbench.kernels.KernelSpec;
import io.parbench.results.EngineFacts;
import io.parbench.results.FactKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.util.Version;

/** The jvm engine: the Java kernels on a ForkJoinPool of exactly W workers, measured by JMH. */
public final class JvmEngine extends JmhEngine {

    private final List<String> jvmArgs;

    public JvmEngine(long seed, Duration forkTimeout) {
        this(seed, forkTimeout, List.of());
    }

    /** @param jvmArgs extra options for the forked JVMs (e.g. a GC or JIT setting under comparison) */
    public JvmEngine(long seed, Duration forkTimeout, List<String> jvmArgs) {
        super(seed, forkTimeout, jvmArgs);
        this.jvmArgs = List.copyOf(jvmArgs);
    }

    @Override
    public String name() {
        return "jvm";
    }

    /** The JVM that runs the harness also runs the forks, so it is always available. */
    @Override
    public EngineFacts probe() {
        Map<String, String> facts = new LinkedHashMap<>(Map.of(
                FactKeys.JAVA, Runtime.version().toString(),
                FactKeys.VM, System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")",
                FactKeys.JAVA_HOME, System.getProperty("java.home"),
                FactKeys.JMH, Version.getPlainVersion(),
                FactKeys.JDK_SORT_SPLIT, JavaKernels.JDK_SORT_SPLIT_FLAG));
        if (!jvmArgs.isEmpty()) {
            facts.put(FactKeys.JVM_ARGS, String.join(" ", jvmArgs));
        }
        return EngineFacts.available(name(), facts);
    }

    /** null (the project's fork-join code) first, then the JDK's parallel library where it is exact (sort). */
    @Override
    public List<String> variants(String kernel) {
        return KernelSpec.byId(kernel).map(spec -> {
            List<String> variants = new ArrayList<>();
            for (String variant : JavaKernels.variants(spec)) {
                variants.add(variant.equals(JavaKernels.DEFAULT_VARIANT) ? null : variant);
            }
            return variants;
        }).orElse(Collections.singletonList(null));
    }
}
