package org.fenghuo.deploy.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates a Fenghuo checkout (for its {@code ./mvnw}) from the working directory upwards. */
final class ProjectHome {

    private ProjectHome() {
    }

    /** The nearest ancestor of the working directory holding the Fenghuo parent pom and mvnw, or null. */
    static Path discover() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (; dir != null; dir = dir.getParent()) {
            if (isCheckout(dir)) {
                return dir;
            }
        }
        return null;
    }

    static boolean isCheckout(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(dir.resolve("mvnw")) || !Files.isRegularFile(pom)) {
            return false;
        }
        try {
            return Files.readString(pom).contains("<artifactId>fenghuo-parent</artifactId>");
        } catch (IOException e) {
            return false;
        }
    }
}
