package org.fenghuo.detection.ioc;

/**
 * Something a loader could not use, and where: a broken line or object (bad JSON, bad value) or a
 * well-formed indicator this matcher cannot evaluate (a STIX pattern with AND or MATCHES).
 *
 * @param file        the file (or stream name) read
 * @param line        1-based line, 0 when the location is an object rather than a line
 * @param objectId    STIX id, MISP uuid/id; null for lines
 * @param reason      why, for a human
 * @param unsupported true for valid input this matcher cannot evaluate, false for broken input
 */
public record LoadIssue(String file, long line, String objectId, String reason, boolean unsupported) {
    static LoadIssue broken(String file, long line, String reason) {
        return new LoadIssue(file, line, null, reason, false);
    }

    static LoadIssue brokenObject(String file, String objectId, String reason) {
        return new LoadIssue(file, 0, objectId, reason, false);
    }

    static LoadIssue unsupported(String file, String objectId, String reason) {
        return new LoadIssue(file, 0, objectId, reason, true);
    }

    /** {@code file:line: reason} or {@code file (object): reason}. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : objectId != null ? file + " (" + objectId + ")" : file;
        return where + ": " + (unsupported ? "unsupported: " : "") + reason;
    }
}
