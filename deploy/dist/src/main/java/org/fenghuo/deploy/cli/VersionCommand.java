package org.fenghuo.deploy.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "version", mixinStandardHelpOptions = true, description = "Print Fenghuo's version and the Java it runs on.")
final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : new FenghuoVersion().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        return FenghuoCli.EXIT_OK;
    }
}
