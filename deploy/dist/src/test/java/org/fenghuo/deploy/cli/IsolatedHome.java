package org.fenghuo.deploy.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Points {@code fenghuo.home} (state file, logs) at a fresh directory per test, never ~/.fenghuo. */
final class IsolatedHome implements BeforeEachCallback, AfterEachCallback {
    private Path home;

    Path path() {
        return home;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        home = Files.createTempDirectory("fenghuo-home");
        System.setProperty("fenghuo.home", home.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.clearProperty("fenghuo.home");
    }
}
