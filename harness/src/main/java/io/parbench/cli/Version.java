package io.parbench.cli;

import io.parbench.results.ParbenchVersion;
import picocli.CommandLine;

/** What --version prints. */
public final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"parbench " + ParbenchVersion.current(), "Java " + Runtime.version()};
    }
}
