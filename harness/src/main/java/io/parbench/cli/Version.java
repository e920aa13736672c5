package io.parbench.cli;

import picocli.CommandLine;

/** The version printed by --version and written into results. */
public final class Version implements CommandLine.IVersionProvider {

    /** From the jar manifest when packaged; "dev" when run from classes. */
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"parbench " + current(), "Java " + Runtime.version()};
    }
}
