package org.fenghuo.detection.anomaly.auth;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.fenghuo.detection.anomaly.support.AddressSet;
import org.fenghuo.detection.anomaly.thresholds.Loaded;
import org.fenghuo.detection.anomaly.thresholds.ThresholdReader;

/**
 * Thresholds of the brute-force detectors (YAML keys in brackets).
 *
 * @param keyBy          [{@code key_by}] what a count is kept for: {@code source} (source.ip, the
 *                       default), {@code user} (user.name: one account attacked from many places)
 *                       or {@code source_user} (both)
 * @param minFailures    [{@code min_failures}] failed attempts within the window; 10 (fail2ban's
 *                       sshd jail bans at 5 in 10 min; twice that keeps users who mistype quiet)
 * @param window         [{@code window}] sliding window of the failures; 5 min
 * @param successWithin  [{@code success_within}] how long after the threshold was last reached a
 *                       success counts as "brute force then success"; 10 min
 * @param sprayUsers     [{@code spray_users}] distinct user names among the counted failures from
 *                       which the alert says password spraying (T1110.003) instead of guessing
 *                       (T1110.001); 5
 * @param ignoredActions [{@code ignore_actions}] {@code event.action}s not counted because another
 *                       line already counts the same attempt (sshd writes "Invalid user" and then
 *                       "Failed password"; PAM writes its own failure for sshd's)
 * @param ignoredSources [{@code ignore_sources}] addresses/CIDRs never judged; none
 */
public record BruteForceConfig(KeyBy keyBy, int minFailures, Duration window, Duration successWithin,
        int sprayUsers, List<String> ignoredActions, AddressSet ignoredSources) {

    /** What failures are counted per. */
    public enum KeyBy { SOURCE, USER, SOURCE_USER }

    static final List<String> DEFAULT_IGNORED_ACTIONS = List.of("ssh_invalid_user", "ssh_user_not_allowed",
            "ssh_too_many_failures", "ssh_max_auth_attempts", "ssh_pam_failures", "pam_authentication_failure",
            "pam_user_unknown");
    private static final List<String> KEY_BY = List.of("source", "user", "source_user");

    public BruteForceConfig {
        if (minFailures < 2 || sprayUsers < 2 || window.isNegative() || window.isZero()
                || successWithin.isNegative() || successWithin.isZero()) {
            throw new IllegalArgumentException("need min_failures >= 2, spray_users >= 2 and positive durations");
        }
        ignoredActions = List.copyOf(ignoredActions);
        ignoredSources = ignoredSources == null ? AddressSet.EMPTY : ignoredSources;
    }

    public static BruteForceConfig defaults() {
        return read(ThresholdReader.defaults()).orThrow();
    }

    /** From a flat YAML mapping of the keys above; unknown keys and bad values are errors naming the key. */
    public static Loaded<BruteForceConfig> fromYaml(String yaml, String source) {
        return read(ThresholdReader.parse(yaml, source));
    }

    static Loaded<BruteForceConfig> read(ThresholdReader r) {
        List<String> keyBy = r.lowerCaseList("key_by", List.of("source"));
        boolean keyOk = keyBy.size() == 1 && KEY_BY.contains(keyBy.get(0));
        r.check(keyOk, "key_by", String.join(",", keyBy), "one of " + KEY_BY);
        int min = r.integer("min_failures", 10, 2, 1_000_000);
        Duration window = r.duration("window", Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofDays(1));
        Duration within = r.duration("success_within", Duration.ofMinutes(10), Duration.ofSeconds(1),
                Duration.ofDays(1));
        int spray = r.integer("spray_users", 5, 2, 10_000);
        List<String> ignored = r.lowerCaseList("ignore_actions", DEFAULT_IGNORED_ACTIONS);
        AddressSet sources = AddressSet.read(r, "ignore_sources");
        KeyBy by = keyOk ? KeyBy.valueOf(keyBy.get(0).toUpperCase(Locale.ROOT)) : KeyBy.SOURCE;
        return r.result(() -> new BruteForceConfig(by, min, window, within, spray, ignored, sources));
    }
}
