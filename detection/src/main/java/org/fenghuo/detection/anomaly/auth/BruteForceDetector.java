package org.fenghuo.detection.anomaly.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.anomaly.DetectorContext;
import org.fenghuo.detection.anomaly.KeyedDetector;
import org.fenghuo.detection.anomaly.support.DetectorMetrics;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.Entities;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;

/**
 * Authentication brute force from {@code event.category: authentication} events with
 * {@code event.outcome} failure/success. Two rules, one instance each (same counting, so the
 * correlation job may run one or both):
 * <ul>
 * <li>{@link Rule#BRUTE_FORCE}: at least {@code minFailures} failures of one key within the window;
 * one alert per key per window;</li>
 * <li>{@link Rule#SUCCESS_AFTER_BRUTE_FORCE}: a success of the same key within
 * {@code successWithin} of the threshold last being reached; once per brute force.</li>
 * </ul>
 */
public final class BruteForceDetector implements KeyedDetector<AuthState> {
    private static final AttackTechnique T1110 = new AttackTechnique("T1110", "Brute Force");
    private static final AttackTechnique GUESSING = new AttackTechnique("T1110.001", "Password Guessing");
    private static final AttackTechnique SPRAYING = new AttackTechnique("T1110.003", "Password Spraying");
    private static final AttackTechnique VALID_ACCOUNTS = new AttackTechnique("T1078", "Valid Accounts");
    private static final EcsFieldPath REPEATED = EcsFieldPath.of("fenghuo.syslog.repeated");
    private static final int SHOWN_USERS = 5;

    /** The two rules. */
    public enum Rule {
        BRUTE_FORCE("fenghuo.anomaly.brute_force", "Authentication brute force", Severity.MEDIUM,
                List.of(AttackTactic.CREDENTIAL_ACCESS), List.of(T1110)),
        SUCCESS_AFTER_BRUTE_FORCE("fenghuo.anomaly.brute_force.success", "Successful login after brute force",
                Severity.HIGH, List.of(AttackTactic.CREDENTIAL_ACCESS, AttackTactic.INITIAL_ACCESS),
                List.of(T1110, VALID_ACCOUNTS));

        private final RuleInfo rule;

        Rule(String id, String name, Severity severity, List<AttackTactic> tactics, List<AttackTechnique> techniques) {
            this.rule = new RuleInfo(id, name, "1", severity, IncidentCategory.NETWORK_ATTACK, tactics, techniques);
        }

        public RuleInfo info() {
            return rule;
        }

        /** The rule with the sub-technique the failures show: guessing one account, or spraying many. */
        RuleInfo withSubTechnique(boolean spraying) {
            List<AttackTechnique> t = new ArrayList<>(rule.techniques());
            t.add(1, spraying ? SPRAYING : GUESSING);
            return new RuleInfo(rule.id(), rule.name(), rule.version(), rule.severity(), rule.category(),
                    rule.tactics(), t);
        }
    }

    private final Rule rule;
    private final BruteForceConfig config;
    private final long windowMillis;
    private final long successMillis;
    private final Set<String> ignoredActions;
    private final RuleInfo guessing;
    private final RuleInfo spraying;

    private final DetectorMetrics metrics;

    public BruteForceDetector(Rule rule, BruteForceConfig config) {
        this(rule, config, DetectorMetrics.none(rule.rule.id()));
    }

    public BruteForceDetector(Rule rule, BruteForceConfig config, DetectorMetrics metrics) {
        this.rule = rule;
        this.metrics = metrics;
        this.config = config;
        this.windowMillis = config.window().toMillis();
        this.successMillis = config.successWithin().toMillis();
        this.ignoredActions = Set.copyOf(config.ignoredActions());
        this.guessing = rule.withSubTechnique(false);
        this.spraying = rule.withSubTechnique(true);
    }

    public static BruteForceDetector bruteForce(BruteForceConfig config) {
        return new BruteForceDetector(Rule.BRUTE_FORCE, config);
    }

    public static BruteForceDetector successAfterBruteForce(BruteForceConfig config) {
        return new BruteForceDetector(Rule.SUCCESS_AFTER_BRUTE_FORCE, config);
    }

    @Override
    public String id() {
        return rule.rule.id();
    }

    @Override
    public String key(SecurityEvent e) {
        if (outcome(e) == null) {
            return null;
        }
        String ip = e.source() == null ? null : e.source().ip();
        if (ip != null && config.ignoredSources().contains(ip)) {
            return null;
        }
        if (ip == null && e.source() != null) {
            ip = e.source().domain(); // sshd with UseDNS, PAM's rhost=: a name is still one attacker
        }
        String user = e.user() == null ? null : e.user().name();
        return switch (config.keyBy()) {
            case SOURCE -> ip;
            case USER -> user;
            case SOURCE_USER -> ip == null || user == null ? null : ip + " " + user;
        };
    }

    /** "failure", "success", or null for events this detector does not read. */
    private String outcome(SecurityEvent e) {
        SecurityEvent.EventInfo ev = e.event();
        if (ev == null || ev.category() == null || !ev.category().contains("authentication") || ev.outcome() == null
                || ev.action() != null && ignoredActions.contains(ev.action())) {
            return null;
        }
        return "failure".equals(ev.outcome()) || "success".equals(ev.outcome()) ? ev.outcome() : null;
    }

    @Override
    public AuthState newState() {
        return new AuthState();
    }

    @Override
    public void onEvent(SecurityEvent e, AuthState state, DetectorContext context) {
        long t = e.timestamp().toEpochMilli();
        if ("success".equals(outcome(e))) {
            if (rule == Rule.SUCCESS_AFTER_BRUTE_FORCE && t <= state.armedUntil) {
                state.armedUntil = Long.MIN_VALUE; // once per brute force; new failures re-arm
                metrics.alert();
                context.emit(successAlert(e, state, context.key()));
            } else if (state.idle()) {
                context.clearState();
            }
            return;
        }
        String user = e.user() == null ? null : e.user().name();
        state.add(new AuthState.Failure(t, weight(e), e.event().id(), user), t - windowMillis, config.minFailures());
        state.timer.extendTo(t + windowMillis, context);
        if (state.weight < config.minFailures()) {
            return;
        }
        if (rule == Rule.BRUTE_FORCE) {
            if (t >= state.alertSuppressedUntil) {
                state.alertSuppressedUntil = t + windowMillis;
                metrics.alert();
                context.emit(bruteForceAlert(e, state, context.key()));
            } else {
                metrics.suppressed();
            }
        } else {
            state.armedUntil = t + successMillis;
            state.timer.extendTo(state.armedUntil, context);
        }
    }

    @Override
    public void onTimer(long timerMillis, AuthState state, DetectorContext context) {
        if (state.timer.expired(timerMillis, context)) {
            context.clearState();
        }
    }

    /** 1, or 1 + N for "message repeated N times" (the line stands for N + 1 attempts). */
    private static int weight(SecurityEvent e) {
        Object v = REPEATED.get(e);
        if (v instanceof Number n && n.longValue() > 0) {
            return (int) Math.min(1 + n.longValue(), 1_000_000);
        }
        return 1;
    }

    private Alert bruteForceAlert(SecurityEvent e, AuthState state, String key) {
        Set<String> users = users(state);
        return Alerts.of(ruleFor(users), e.timestamp(), ids(state, null), entities(e, users),
                "brute force: at least " + state.weight + " failed logins for " + describeKey(key) + " within "
                        + config.window().toSeconds() + " s (threshold " + config.minFailures() + ", "
                        + state.total + " since the first)" + usersText(users));
    }

    private Alert successAlert(SecurityEvent success, AuthState state, String key) {
        Set<String> users = users(state);
        String user = success.user() == null ? null : success.user().name();
        Entities entities = entities(success, users);
        return Alerts.of(ruleFor(users), success.timestamp(), ids(state, success), entities,
                "successful login" + (user == null ? "" : " as " + user) + " for " + describeKey(key) + " after "
                        + state.total + " failed logins (threshold " + config.minFailures() + " within "
                        + config.window().toSeconds() + " s)" + usersText(users));
    }

    private RuleInfo ruleFor(Set<String> users) {
        return users.size() >= config.sprayUsers() ? spraying : guessing;
    }

    private static Set<String> users(AuthState state) {
        Set<String> users = new LinkedHashSet<>();
        for (AuthState.Failure f : state.failures) {
            if (f.user() != null) {
                users.add(f.user());
            }
        }
        return users;
    }

    private static List<String> ids(AuthState state, SecurityEvent last) {
        List<String> ids = new ArrayList<>(Math.min(state.failures.size() + 1, Alerts.MAX_EVIDENCE));
        for (AuthState.Failure f : state.failures) {
            if (f.eventId() != null && ids.size() < Alerts.MAX_EVIDENCE - 1) {
                ids.add(f.eventId());
            }
        }
        if (last != null && last.event().id() != null) {
            ids.add(last.event().id());
        }
        return ids;
    }

    private static Entities entities(SecurityEvent e, Set<String> users) {
        Entities entities = Entities.of(e);
        for (String u : users) {
            entities = entities.merge(Entities.of(null, null, u, null));
        }
        return entities;
    }

    private String describeKey(String key) {
        return switch (config.keyBy()) {
            case SOURCE -> "source " + key;
            case USER -> "user " + key;
            case SOURCE_USER -> "source and user " + key;
        };
    }

    private static String usersText(Set<String> users) {
        if (users.isEmpty()) {
            return "";
        }
        List<String> shown = users.stream().limit(SHOWN_USERS).toList();
        return "; users: " + String.join(", ", shown) + (users.size() > shown.size() ? ", ..." : "");
    }
}
