package org.fenghuo.collectors.syslog.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.fenghuo.testdata.SharedData;
import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.collectors.syslog.SyslogFileReader;
import org.fenghuo.collectors.syslog.SyslogInputConfig;
import org.fenghuo.collectors.syslog.access.AccessLogParser;
import org.fenghuo.collectors.syslog.access.ApacheErrorParser;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/**
 * The Linux and web-server parsers on real logs from {@code ../shared/data/logs}: each syslog file
 * goes through {@link SyslogFileReader} (RFC 3164), then {@link LinuxParsers}; the Apache error
 * log, which is not syslog, line by line into {@link ApacheErrorParser}. Prints the share parsed
 * per file and the commonest unparsed shapes; asserts counts that grep confirms and a floor on
 * the share.
 */
class RealLinuxLogsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void elasticAuthLogParsesAndCountsEveryFailedPassword() throws IOException {
        Path file = SharedData.require("logs/elastic-examples").resolve("suspicious_login_activity_auth.log");
        ParseTally tally = syslogFile(file);
        System.out.print(tally.report());

        assertThat(tally.lines).isEqualTo(7121);
        // grep -c 'Failed password': 628 lines of their own and 85 "message repeated N times: [ Failed password ...]"
        assertThat(tally.count(f -> is(f, "event.action", "ssh_login") && is(f, "event.outcome", "failure")
                && is(f, "fenghuo.ssh.method", "password"))).isEqualTo(713);
        // the 85 repeat lines stand for 410 more attempts: 628 + 410 single failures in all
        long attempts = tally.fields.stream()
                .filter(f -> is(f, "event.action", "ssh_login") && is(f, "event.outcome", "failure")
                        && is(f, "fenghuo.ssh.method", "password"))
                .mapToLong(f -> f.get("fenghuo.syslog.repeated") instanceof Long n ? n : 1).sum();
        assertThat(attempts).isEqualTo(628 + 410);
        assertThat(tally.count(f -> is(f, "event.action", "ssh_login") && is(f, "event.outcome", "success")))
                .isEqualTo(190 + 36); // Accepted password + Accepted publickey
        // the other figures, each a grep -c of the file
        assertThat(tally.count(f -> is(f, "event.action", "sudo_command"))).isEqualTo(186); // COMMAND=
        assertThat(tally.count(f -> is(f, "event.action", "ssh_invalid_user") && f.get("source.ip") != null))
                .isEqualTo(178); // " Invalid user "
        assertThat(tally.count(f -> is(f, "event.action", "ssh_invalid_user"))).isEqualTo(178 + 178); // + input_userauth_request
        assertThat(tally.count(f -> is(f, "event.action", "ssh_too_many_failures"))).isEqualTo(189);
        assertThat(tally.count(f -> is(f, "event.action", "ssh_max_auth_attempts"))).isEqualTo(189);
        assertThat(tally.count(f -> is(f, "event.action", "pam_session_opened"))).isEqualTo(1268);
        assertThat(tally.count(f -> is(f, "event.action", "pam_session_closed"))).isEqualTo(1074);
        assertThat(tally.count(f -> is(f, "event.action", "logind_session_new"))).isEqualTo(226);
        assertThat(tally.count(f -> is(f, "event.action", "logind_session_removed"))).isEqualTo(223);
        assertThat(tally.count(f -> is(f, "event.action", "user_created") && is(f, "event.outcome", "success")))
                .isEqualTo(10); // new user: name=
        assertThat(tally.count(f -> is(f, "event.action", "user_created") && is(f, "event.outcome", "failure")))
                .isEqualTo(30); // failed adding user
        assertThat(tally.count(f -> is(f, "event.action", "su") && is(f, "event.outcome", "success")))
                .isEqualTo(9 + 9); // "Successful su for" and "+ /dev/pts/0"
        assertThat(tally.malformed).isZero();
        assertThat(tally.share()).isGreaterThanOrEqualTo(99.0);
    }

    @Test
    void loghubLinuxMessagesParseTheAuthenticationLines() throws IOException {
        Path file = SharedData.require("logs/loghub/Linux").resolve("Linux_2k.log");
        ParseTally tally = syslogFile(file);
        System.out.print(tally.report());

        assertThat(tally.lines).isEqualTo(2000);
        // loghub's structured CSV: 372 + 117 + 1 "authentication failure;" lines (sshd and gdm)
        assertThat(tally.count(f -> is(f, "event.action", "pam_authentication_failure"))).isEqualTo(490);
        assertThat(tally.count(f -> is(f, "event.action", "ftp_connection"))).isEqualTo(909);
        assertThat(tally.malformed).isZero();
        assertThat(tally.claimedShare()).isEqualTo(100.0);
        assertThat(tally.share()).isGreaterThanOrEqualTo(90.0);
    }

    @Test
    void loghubApacheErrorLogParsesEveryLine() throws IOException {
        Path file = SharedData.require("logs/loghub/Apache").resolve("Apache_2k.log");
        ParseTally tally = new ParseTally(file.getFileName().toString(), false);
        ApacheErrorParser errors = new ApacheErrorParser();
        AccessLogParser access = new AccessLogParser();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                PayloadInput input = new PayloadInput(null, null, line);
                PayloadResult result = access.parse(input);
                tally.add(null, line, result instanceof PayloadResult.NotMine ? errors.parse(input) : result);
            }
        }
        System.out.print(tally.report());

        assertThat(tally.lines).isEqualTo(2000);
        assertThat(tally.count(f -> is(f, "log.level", "error"))).isEqualTo(595);
        // "Directory index forbidden by rule" from 32 clients
        assertThat(tally.count(f -> f.get("source.ip") != null)).isEqualTo(32);
        assertThat(tally.share()).isEqualTo(100.0);
    }

    private static ParseTally syslogFile(Path file) throws IOException {
        CollectingEventSink sink = new CollectingEventSink();
        new SyslogFileReader(SyslogInputConfig.file(), sink, new SimpleMeterRegistry(), CLOCK).read(file);
        assertThat(sink.deadLetters()).as("RFC 3164 layer dead letters").isEmpty();
        ParseTally tally = new ParseTally(file.getFileName().toString(), true);
        for (SecurityEvent e : sink.events()) {
            String app = e.log().syslog().appname();
            String message = Objects.requireNonNullElse(e.message(), "");
            tally.add(app, message, LinuxParsers.parse(new PayloadInput(e.log().syslog().hostname(), app, message)));
        }
        return tally;
    }

    private static boolean is(EcsFields f, String name, Object value) {
        return value.equals(f.get(name));
    }

}
