package org.fenghuo.correlation.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.correlation.settings.SettingsCheck;

/**
 * What to generate.
 *
 * @param seed             every random choice follows from it: same seed, same events, same ids
 * @param start            event time of the first moment
 * @param duration         event time covered by the background; 26 h by default, so the volume
 *                         baselines (one day of warm-up) are warm when the attack exfiltrates
 * @param backgroundEvents about how many background events (Poisson: the exact count follows from
 *                         the seed); at least the few thousand of the fixed-rate processes (logins,
 *                         the bastion's own traffic) are generated whatever this says
 * @param attack           false: the background alone
 * @param attackOffset     when the attack starts after {@code start}: at least 24 h (its
 *                         exfiltration needs the volume baselines warm), and the attack
 *                         ({@link #ATTACK_LENGTH}) must end inside {@code duration}
 */
public record ScenarioSettings(long seed, Instant start, Duration duration, long backgroundEvents, boolean attack,
        Duration attackOffset) {
    /** The attack's own length: its last event is this long after it starts. */
    public static final Duration ATTACK_LENGTH = Duration.ofMinutes(61);

    public ScenarioSettings {
        List<String> problems = new ArrayList<>();
        if (start == null) {
            problems.add("scenario.start = null: expected an instant");
        }
        SettingsCheck.positive("scenario.duration", duration, problems);
        SettingsCheck.atLeast("scenario.background_events", backgroundEvents, 0, problems);
        if (attackOffset == null || attackOffset.compareTo(Duration.ofHours(24)) < 0 || duration != null
                && attackOffset.plus(ATTACK_LENGTH).compareTo(duration) > 0) {
            problems.add("scenario.attack_offset = " + attackOffset + ": expected at least 24h (the volume baseline's"
                    + " warm-up) and the attack (" + ATTACK_LENGTH + ") inside scenario.duration (" + duration + ")");
        }
        SettingsCheck.throwIfAny("scenario settings", problems);
    }

    /** Seed 7, 2026-11-23T00:00Z, 26 h, about 50,000 background events, the attack 24.5 h in. */
    public static ScenarioSettings defaults() {
        return new ScenarioSettings(7, Instant.parse("2026-11-23T00:00:00Z"), Duration.ofHours(26), 50_000, true,
                Duration.ofMinutes(24 * 60 + 30));
    }

    public ScenarioSettings withSeed(long s) {
        return new ScenarioSettings(s, start, duration, backgroundEvents, attack, attackOffset);
    }

    public ScenarioSettings withBackgroundEvents(long n) {
        return new ScenarioSettings(seed, start, duration, n, attack, attackOffset);
    }

    public ScenarioSettings withoutAttack() {
        return new ScenarioSettings(seed, start, duration, backgroundEvents, false, attackOffset);
    }

    public Instant attackStart() {
        return start.plus(attackOffset);
    }

    public Instant end() {
        return start.plus(duration);
    }
}
