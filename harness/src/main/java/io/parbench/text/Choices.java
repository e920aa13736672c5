package io.parbench.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One of a fixed set of choices (an enum's values) by the name it has on the command line: one rule for every such option. */
public final class Choices {

    private Choices() {}

    /** The choice named {@code given}, case and surrounding spaces ignored, if there is one. */
    public static <E> Optional<E> find(E[] choices, Function<E, String> name, String given) {
        String wanted = given.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(choices).filter(choice -> name.apply(choice).equals(wanted)).findFirst();
    }

    /**
     * The choice named {@code given}.
     *
     * @param what what the choices are, for the message ("export format")
     * @throws IllegalArgumentException for another name, with the names there are
     */
    public static <E> E parse(String what, E[] choices, Function<E, String> name, String given) {
        return find(choices, name, given).orElseThrow(() -> new IllegalArgumentException("Unknown " + what + " '" + given
                + "'; use one of " + Arrays.stream(choices).map(name).collect(Collectors.joining(", ")) + "."));
    }
}
