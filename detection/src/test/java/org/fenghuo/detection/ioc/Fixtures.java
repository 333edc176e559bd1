package org.fenghuo.detection.ioc;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The hand-written fixtures under src/test/resources/org/fenghuo/detection/ioc. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
