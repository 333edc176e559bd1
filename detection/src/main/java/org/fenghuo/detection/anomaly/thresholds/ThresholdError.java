package org.fenghuo.detection.anomaly.thresholds;

/**
 * One rejected detector setting.
 *
 * @param source   where the settings came from (a file name, "defaults")
 * @param line     1-based line in the source; 0 when unknown
 * @param key      the setting, e.g. {@code min_connections}
 * @param value    the value as written; null when the problem is the document itself
 * @param expected what would have been accepted
 */
public record ThresholdError(String source, int line, String key, String value, String expected) {

    /** e.g. {@code beacon.yml:3: min_connections = "2": expected an integer from 3 to 1000}. */
    public String message() {
        return source + ":" + line + ": " + key + (value == null ? "" : " = \"" + value + "\"") + ": expected " + expected;
    }
}
