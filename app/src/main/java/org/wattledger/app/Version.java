package org.wattledger.app;

import picocli.CommandLine.IVersionProvider;

/** The engine version named in every report. */
public final class Version implements IVersionProvider {
    /** Kept equal to the Maven project version. */
    public static final String ENGINE = "0.1.0";

    @Override
    public String[] getVersion() {
        return new String[] {"wattledger " + ENGINE};
    }
}
