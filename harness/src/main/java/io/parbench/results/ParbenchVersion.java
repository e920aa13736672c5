package io.parbench.results;

/** The version of parbench that is running: written into results, shown by --version and in reports. */
public final class ParbenchVersion {

    private ParbenchVersion() {}

    /** From the jar manifest when packaged; "dev" when run from classes. */
    public static String current() {
        String v = ParbenchVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
