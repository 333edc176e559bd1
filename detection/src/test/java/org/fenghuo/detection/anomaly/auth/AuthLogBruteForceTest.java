package org.fenghuo.detection.anomaly.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.collectors.syslog.SyslogFileReader;
import org.fenghuo.collectors.syslog.SyslogInputConfig;
import org.fenghuo.collectors.syslog.payload.PayloadRules;
import org.fenghuo.detection.anomaly.DetectorRunner;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.testdata.SharedData;
import org.junit.jupiter.api.Test;

/**
 * auth.log lines through the collectors' syslog file reader and its default payload parsers
 * (sshd, PAM ...), then the brute-force detectors.
 */
class AuthLogBruteForceTest {
    /** Year-less syslog times are read in this year. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T04:00:00Z"), ZoneOffset.UTC);

    static List<SecurityEvent> read(Path file) throws IOException {
        CollectingEventSink sink = new CollectingEventSink();
        new SyslogFileReader(SyslogInputConfig.file(), sink, new SimpleMeterRegistry(), CLOCK, PayloadRules.defaults())
                .read(file);
        assertThat(sink.deadLetters()).as("dead letters of " + file).isEmpty();
        return sink.events();
    }

    private static List<Alert> both(List<SecurityEvent> events) {
        BruteForceConfig config = BruteForceConfig.defaults();
        List<Alert> alerts = new ArrayList<>(DetectorRunner.run(BruteForceDetector.bruteForce(config), events));
        alerts.addAll(DetectorRunner.run(BruteForceDetector.successAfterBruteForce(config), events));
        return alerts;
    }

    @Test
    void aBurstOfFailedSshLoginsThenASuccessFiresBothRulesAndTheTypoDoesNot() throws Exception {
        List<SecurityEvent> events = read(resource("bruteforce-auth.log"));
        assertThat(events).hasSize(24);
        List<Alert> alerts = both(events);
        assertThat(alerts).extracting(Alert::ruleId)
                .containsExactly("fenghuo.anomaly.brute_force", "fenghuo.anomaly.brute_force.success");
        Alert bruteForce = alerts.get(0);
        // 7 "Failed password" + 1 for the invalid user + a repeat line standing for 3; PAM's and
        // "Invalid user" lines describe the same attempts and are not counted again
        assertThat(bruteForce.message()).contains("at least 10 failed logins for source 203.0.113.7", "11 since the first", "users: root, admin");
        assertThat(bruteForce.timestamp()).isEqualTo(Instant.parse("2026-11-24T03:00:25Z"));
        assertThat(bruteForce.entities().sourceIps()).containsExactly("203.0.113.7");
        Alert success = alerts.get(1);
        assertThat(success.timestamp()).isEqualTo(Instant.parse("2026-11-24T03:01:40Z"));
        assertThat(success.message()).contains("successful login as root for source 203.0.113.7");
        assertThat(success.techniques()).extracting(t -> t.id()).contains("T1078");
        assertThat(success.eventIds()).hasSize(9) // the 8 newest failure lines (weight 10) + the success
                .doesNotHaveDuplicates();
        assertThat(alerts).noneMatch(a -> a.entities().sourceIps().contains("192.0.2.10"));
    }

    @Test
    void realAuthLogEveryAlertedSourceHasTheFailuresInTheRawFile() throws Exception {
        Path dir = SharedData.require("logs/elastic-examples");
        Path file = dir.resolve("suspicious_login_activity_auth.log");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), file + " is absent: skipping");
        List<SecurityEvent> events = read(file);
        List<Alert> alerts = both(events);
        // an independent count over the raw text: failed password attempts per address, repeats included
        Pattern failed = Pattern.compile("(?:message repeated (\\d+) times: \\[ )?Failed password for .* from (\\S+) port");
        Map<String, Integer> rawFailures = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = failed.matcher(line);
            if (m.find()) {
                rawFailures.merge(m.group(2), m.group(1) == null ? 1 : 1 + Integer.parseInt(m.group(1)), Integer::sum);
            }
        }
        Map<String, Integer> perRule = new HashMap<>();
        for (Alert a : alerts) {
            perRule.merge(a.ruleId(), 1, Integer::sum);
            String source = a.message().replaceAll(".*for source (\\S+?)[ ,].*", "$1");
            assertThat(rawFailures.getOrDefault(source, 0)).as(a.message()).isGreaterThanOrEqualTo(10);
        }
        long sourcesOver = rawFailures.values().stream().filter(n -> n >= 10).count();
        System.out.printf("elastic auth.log: %d events, %d sources with >= 10 failed passwords in the file, alerts %s%n",
                events.size(), sourcesOver, perRule);
        assertThat(perRule.get("fenghuo.anomaly.brute_force")).isPositive();
    }

    @Test
    void realLinuxLogEveryAlertedHostHasTheFailuresInTheRawFileAndPamCountsWhenAsked() throws Exception {
        Path file = SharedData.require("logs/loghub/Linux").resolve("Linux_2k.log");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), file + " is absent: skipping");
        List<SecurityEvent> events = read(file);
        // independent count: failure lines naming the address or host (PAM rhost=, klogind, ftpd ...)
        List<String> failureLines = Files.readAllLines(file).stream()
                .filter(l -> l.contains("authentication failure") || l.contains("Authentication failed")
                        || l.contains("FAILED LOGIN")).toList();
        Pattern source = Pattern.compile(".*for source (\\S+?) within.*");
        // by default PAM's lines are left to sshd's own (absent from this 2005 log): klogind's burst remains
        List<Alert> byDefault = DetectorRunner.run(BruteForceDetector.bruteForce(BruteForceConfig.defaults()), events);
        BruteForceConfig pam = BruteForceConfig.fromYaml("ignore_actions: [pam_user_unknown]", "pam.yml").orThrow();
        List<Alert> withPam = DetectorRunner.run(BruteForceDetector.bruteForce(pam), events);
        for (Alert a : concat(byDefault, withPam)) {
            Matcher m = source.matcher(a.message());
            assertThat(m.matches()).as(a.message()).isTrue();
            String host = m.group(1);
            assertThat(failureLines.stream().filter(l -> l.contains(host)).count()).as(a.message())
                    .isGreaterThanOrEqualTo(10);
        }
        long hostsDefault = byDefault.stream().map(a -> source.matcher(a.message()).replaceAll("$1")).distinct().count();
        long hostsPam = withPam.stream().map(a -> source.matcher(a.message()).replaceAll("$1")).distinct().count();
        System.out.printf("loghub Linux_2k.log: %d events; default: %d alerts from %d hosts; PAM counted: %d alerts "
                + "from %d hosts%n", events.size(), byDefault.size(), hostsDefault, withPam.size(), hostsPam);
        assertThat(hostsDefault).isPositive();
        assertThat(hostsPam).isGreaterThan(hostsDefault);
    }

    private static List<Alert> concat(List<Alert> a, List<Alert> b) {
        List<Alert> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(AuthLogBruteForceTest.class.getResource("/anomaly/auth/" + name).toURI());
    }
}
