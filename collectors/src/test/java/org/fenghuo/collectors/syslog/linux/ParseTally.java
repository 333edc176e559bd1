package org.fenghuo.collectors.syslog.linux;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/** Counts of one file's payload results, the fields parsed, and the shapes of what was not parsed. */
final class ParseTally {

    final String file;
    /** Whether every parsed line should carry an {@code event.action} (program logs) or not (error logs). */
    private final boolean actionsExpected;
    int lines;
    int parsed;
    /** Parsed, but with no {@code event.action}: a known envelope around a text we do not read. */
    int parsedWithoutAction;
    int notMine;
    int malformed;
    final List<EcsFields> fields = new ArrayList<>();
    private final Map<String, Integer> unparsedShapes = new TreeMap<>();
    private final Map<String, String> malformedReasons = new LinkedHashMap<>();

    ParseTally(String file, boolean actionsExpected) {
        this.file = file;
        this.actionsExpected = actionsExpected;
    }

    void add(String appName, String message, PayloadResult result) {
        lines++;
        if (result instanceof PayloadResult.Parsed p) {
            parsed++;
            fields.add(p.fields());
            if (actionsExpected && p.fields().get("event.action") == null) {
                parsedWithoutAction++;
                unparsedShapes.merge("(no action) " + shape(appName, message), 1, Integer::sum);
            }
            return;
        }
        if (result instanceof PayloadResult.Malformed m) {
            malformed++;
            malformedReasons.putIfAbsent(shape(appName, message), m.reason());
        } else {
            notMine++;
        }
        unparsedShapes.merge(shape(appName, message), 1, Integer::sum);
    }

    double share() {
        return lines == 0 ? 0 : 100.0 * parsed / lines;
    }

    /** Parsed among the lines some parser recognised as its format (NotMine left out). */
    double claimedShare() {
        return parsed + malformed == 0 ? 0 : 100.0 * parsed / (parsed + malformed);
    }

    long count(Predicate<EcsFields> which) {
        return fields.stream().filter(which).count();
    }

    /** App-name and message with digits folded, cut short: lines that differ only in numbers share a shape. */
    private static String shape(String appName, String message) {
        String folded = (appName + ": " + message).replaceAll("\\d+", "N");
        return folded.length() > 90 ? folded.substring(0, 90) : folded;
    }

    String report() {
        StringBuilder b = new StringBuilder(String.format("%-36s lines %5d  parsed %5d (%.2f%%, %d without action)"
                + "  not-mine %4d  malformed %4d  parsed of claimed %.2f%%%n", file, lines, parsed, share(),
                parsedWithoutAction, notMine, malformed, claimedShare()));
        unparsedShapes.entrySet().stream()
                .sorted((a, c) -> c.getValue() - a.getValue())
                .limit(15)
                .forEach(e -> b.append(String.format("    %5d  %s%n", e.getValue(), e.getKey())));
        malformedReasons.entrySet().stream().limit(5)
                .forEach(e -> b.append(String.format("    malformed: %s -> %s%n", e.getKey(), e.getValue())));
        return b.toString();
    }
}
