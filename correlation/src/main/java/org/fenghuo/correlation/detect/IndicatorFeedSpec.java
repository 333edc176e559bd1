package org.fenghuo.correlation.detect;

import org.fenghuo.detection.ioc.IndicatorSource;

/**
 * {@code FORMAT:FILE} as {@code fenghuo detect --indicators} takes it; the feed is named after its
 * file without the extension.
 */
record IndicatorFeedSpec(String format, String file, String name) {

    /** The spec, or null when it is not {@code stix|misp|list:FILE}. */
    static IndicatorFeedSpec parse(String spec) {
        if (spec == null) {
            return null;
        }
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            return null;
        }
        String format = spec.substring(0, colon);
        if (!format.equals("stix") && !format.equals("misp") && !format.equals("list")) {
            return null;
        }
        String file = spec.substring(colon + 1);
        String name = java.nio.file.Path.of(file).getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return new IndicatorFeedSpec(format, file, name);
    }

    IndicatorSource source() {
        java.nio.file.Path path = java.nio.file.Path.of(file);
        return switch (format) {
            case "stix" -> IndicatorSource.stix(name, path);
            case "misp" -> IndicatorSource.misp(name, path);
            default -> IndicatorSource.list(name, path);
        };
    }
}
