package io.parbench.inspect;

import java.util.List;
import java.util.Map;

/**
 * What {@link ModuleReader} found in a module's bytes, before any interpretation.
 *
 * @param memories imported ones first, in index order
 * @param startFunction the start function's index, or null
 * @param customSections names of the custom sections, in file order
 * @param producers the "producers" section (field → "name version" values), empty when absent
 * @param targetFeatures the "target_features" section ("+atomics", …), empty when absent
 */
public record ModuleContents(
        List<MemoryInfo> memories,
        InstructionStats instructions,
        DataSegments dataSegments,
        Integer startFunction,
        List<ImportInfo> imports,
        List<ExportInfo> exports,
        List<String> customSections,
        Map<String, List<String>> producers,
        List<String> targetFeatures) {}
