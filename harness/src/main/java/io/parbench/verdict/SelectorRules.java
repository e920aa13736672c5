package io.parbench.verdict;

import io.parbench.results.Configuration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A setting given per configuration: a value for everything (the fallback, may be null) and
 * values for selected configurations ({@code SELECTOR=VALUE}); the narrowest matching selector wins.
 */
public record SelectorRules<T>(T fallback, List<Rule<T>> rules) {

    public record Rule<T>(Selector selector, T value) {}

    public SelectorRules {
        rules = List.copyOf(rules);
    }

    /**
     * Reads {@code VALUE} and {@code SELECTOR=VALUE} specifications, as given to a repeatable
     * option. A plain VALUE replaces the default.
     *
     * @param values reads one value, throwing {@link GateInputException} for a bad one
     */
    public static <T> SelectorRules<T> parse(String option, List<String> specs, T defaultValue, Function<String, T> values) {
        T fallback = defaultValue;
        boolean fallbackGiven = false;
        List<Rule<T>> rules = new ArrayList<>();
        Set<Selector> seen = new HashSet<>();
        for (String spec : specs) {
            int eq = spec.lastIndexOf('=');
            if (eq < 0) {
                if (fallbackGiven) {
                    throw new GateInputException(option + " is given more than one value for everything; give one, and SELECTOR=VALUE for the rest.");
                }
                fallback = values.apply(spec.strip());
                fallbackGiven = true;
                continue;
            }
            Selector selector = Selector.parse(spec.substring(0, eq).strip(), option);
            if (!seen.add(selector)) {
                throw new GateInputException(option + " is given twice for " + selector + "; give each selector once.");
            }
            rules.add(new Rule<>(selector, values.apply(spec.substring(eq + 1).strip())));
        }
        return new SelectorRules<>(fallback, rules);
    }

    /** The value for a configuration: the narrowest matching rule's, else the fallback (may be null). */
    public T lookup(Configuration configuration) {
        return rules.stream()
                .filter(r -> r.selector().matches(configuration))
                .max(Comparator.comparingInt(r -> r.selector().specificity()))
                .map(Rule::value)
                .orElse(fallback);
    }
}
