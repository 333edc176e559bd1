package org.fenghuo.crypto.audit;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The random 128-bit name of one trail, so that a trail (or a checkpoint) from another
 * installation signed with the same key is not taken for this one. It is created when a new trail
 * is started and kept in the trail's first record ({@link #startEvent()}: action
 * {@value #START_ACTION}, detail {@value #DETAIL}), which the chain hashes like any record, and
 * every checkpoint signs it ({@link AuditEncoding#signedMessage}).
 *
 * @param hex 32 lower-case hex digits
 */
public record TrailId(String hex) {

    public static final String START_ACTOR = "fenghuo-audit";
    public static final String START_ACTION = "audit.trail.start";
    public static final String DETAIL = "trail_id";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{32}");

    public TrailId {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("trail id must be 32 lower-case hex digits");
        }
    }

    public static TrailId random(SecureRandom random) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return new TrailId(HexFormat.of().formatHex(id));
    }

    /** The event of the first record of a new trail. */
    public AuditEvent startEvent() {
        return new AuditEvent(START_ACTOR, START_ACTION, "", AuditOutcome.SUCCESS, Map.of(DETAIL, hex));
    }

    /** The id a trail's first entry names, or null when that entry is not a trail start. */
    public static TrailId of(AuditEntry first) {
        if (first instanceof AuditRecord r && r.sequence() == 1 && START_ACTION.equals(r.action())
                && START_ACTOR.equals(r.actor()) && r.details().size() == 1) {
            String hex = r.details().get(DETAIL);
            if (hex != null && HEX.matcher(hex).matches()) {
                return new TrailId(hex);
            }
        }
        return null;
    }

    byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
