package org.fenghuo.deploy.cli;

import java.nio.file.Path;
import org.fenghuo.detection.ioc.IndicatorSource;

/** {@code --indicators FORMAT:FILE}: the feed, named after its file, or null for an unknown format. */
final class IndicatorFeeds {
    private IndicatorFeeds() {
    }

    static IndicatorSource parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            return null;
        }
        Path file = Path.of(spec.substring(colon + 1));
        String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return switch (spec.substring(0, colon)) {
            case "stix" -> IndicatorSource.stix(name, file);
            case "misp" -> IndicatorSource.misp(name, file);
            case "list" -> IndicatorSource.list(name, file);
            default -> null;
        };
    }
}
