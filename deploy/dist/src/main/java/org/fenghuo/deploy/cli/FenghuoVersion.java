package org.fenghuo.deploy.cli;

import picocli.CommandLine.IVersionProvider;

/** The version recorded in the jar manifest at build time (falls back to "development"). */
public final class FenghuoVersion implements IVersionProvider {

    public static String version() {
        String v = FenghuoVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"fenghuo " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
