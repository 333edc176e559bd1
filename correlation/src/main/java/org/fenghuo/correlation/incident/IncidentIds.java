package org.fenghuo.correlation.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Incident ids: {@code inc-} and the first 32 hex digits of SHA-256(group key, NUL, first alert id).
 * Alert ids are deterministic already (rule + triggering events), so a replay of the same alerts
 * after a failure gives the same incident id and its documents overwrite themselves.
 */
public final class IncidentIds {
    private IncidentIds() {
    }

    public static String of(String groupKey, String firstAlertId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(groupKey.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(firstAlertId.getBytes(StandardCharsets.UTF_8));
            return "inc-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
