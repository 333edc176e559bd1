package org.fenghuo.collectors.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.input.ParseError;
import org.fenghuo.collectors.input.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyslogParserTest {

    private static SyslogParser parserAt(String now, ZoneId zone) {
        return new SyslogParser(zone, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    private static SyslogMessage ok(SyslogParser parser, String line) {
        ParseResult<SyslogMessage> result = parser.parse(line.getBytes(StandardCharsets.UTF_8));
        assertThat(result).as("parse of %s", line).isInstanceOf(ParseResult.Ok.class);
        return ((ParseResult.Ok<SyslogMessage>) result).value();
    }

    private static ParseError error(byte[] bytes) {
        ParseResult<SyslogMessage> result = SyslogParser.utc().parse(bytes);
        assertThat(result).isInstanceOf(ParseResult.Failed.class);
        return ((ParseResult.Failed<SyslogMessage>) result).error();
    }

    @Test
    void readsEveryRfc5424HeaderField() {
        SyslogMessage m = ok(SyslogParser.utc(),
                "<86>1 2024-03-27T13:06:56.5+08:00 gw01 sshd 2211 AUTH [a@1 k=\"v\"][b x=\"y\"] Failed password");
        assertThat(m.format()).isEqualTo(SyslogFormat.RFC5424);
        assertThat(m.priority()).isEqualTo(86);
        assertThat(m.version()).isEqualTo("1");
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2024-03-27T05:06:56.5Z"));
        assertThat(m.hostname()).isEqualTo("gw01");
        assertThat(m.appName()).isEqualTo("sshd");
        assertThat(m.procId()).isEqualTo("2211");
        assertThat(m.msgId()).isEqualTo("AUTH");
        assertThat(m.structuredData()).containsExactly(Map.entry("a@1", Map.of("k", "v")), Map.entry("b", Map.of("x", "y")));
        assertThat(m.message()).isEqualTo("Failed password");
    }

    @Test
    void priorityNamesFollowTheRfcTable() {
        assertThat(SyslogPriority.facilityName(4 * 8 + 3)).isEqualTo("auth");
        assertThat(SyslogPriority.severityName(4 * 8 + 3)).isEqualTo("Error");
        assertThat(SyslogPriority.facilityName(10 * 8)).isEqualTo("authpriv");
        assertThat(SyslogPriority.facilityName(191)).isEqualTo("local7");
        assertThat(SyslogPriority.severityName(191)).isEqualTo("Debug");
    }

    @ParameterizedTest(name = "{1} read at {0} is {2}")
    @CsvSource({
        // a December line read just after new year belongs to the year before
        "2025-01-01T00:00:10Z, Dec 31 23:59:59, 2024-12-31T23:59:59Z",
        // less than a day ahead (a sender's clock running fast) stays in this year
        "2024-06-01T12:00:00Z, Jun  2 11:59:59, 2024-06-02T11:59:59Z",
        // more than a day ahead is last year
        "2024-06-01T12:00:00Z, Jun  2 12:00:01, 2023-06-02T12:00:01Z",
        // 29 February read in a non-leap year comes from the leap year before
        "2025-03-01T00:00:00Z, Feb 29 10:00:00, 2024-02-29T10:00:00Z",
        "2024-03-27T13:06:56Z, Mar 27 13:06:56, 2024-03-27T13:06:56Z",
    })
    void resolvesTheMissingYearAgainstTheReferenceClock(String now, String stamp, String expected) {
        SyslogMessage m = ok(parserAt(now, ZoneOffset.UTC), stamp + " host app: x");
        assertThat(m.timestamp()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void readsYearLessTimestampsInTheConfiguredZone() {
        SyslogMessage m = ok(parserAt("2024-06-01T00:00:00Z", ZoneId.of("Asia/Shanghai")), "Mar 27 13:06:56 host app: x");
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2024-03-27T05:06:56Z"));
    }

    @Test
    void readsRfc3339WithoutOffsetInTheConfiguredZone() {
        SyslogMessage m = ok(parserAt("2024-06-01T00:00:00Z", ZoneId.of("Asia/Shanghai")),
                "2024-03-27T13:06:56.250 host app: x");
        assertThat(m.timestamp()).isEqualTo(Instant.parse("2024-03-27T05:06:56.250Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Mar 27 13:06:56 host sshd[42]: msg | host | sshd | 42 | msg",
        "Mar 27 13:06:56 sshd[42]: msg | | sshd | 42 | msg",
        "Mar 27 13:06:56 su: msg | | su | | msg",
        "Mar 27 13:06:56 host kernel: [ 1.0] msg | host | kernel | | [ 1.0] msg",
        "Mar 27 13:06:56 host postfix/smtpd[7]: connect | host | postfix/smtpd | 7 | connect",
        "Mar 27 13:06:56 host just words here | host | | | just words here",
        "Mar 27 13:06:56 Hello, world | | | | 'Hello, world'",
        "Mar 27 13:06:56 single | | | | single",
        "Mar 27 13:06:56 host sshd[42] no colon | host | sshd | 42 | no colon",
    })
    void tellsHostnameTagAndPidApart(String line, String host, String tag, String pid, String message) {
        SyslogMessage m = ok(SyslogParser.utc(), line);
        assertThat(m.hostname()).isEqualTo(host);
        assertThat(m.appName()).isEqualTo(tag);
        assertThat(m.procId()).isEqualTo(pid);
        assertThat(m.message()).isEqualTo(message);
        assertThat(m.priority()).isNull();
        assertThat(m.format()).isEqualTo(SyslogFormat.RFC3164);
    }

    @Test
    void reportsTheByteOffsetOfInvalidUtf8() {
        byte[] bytes = "<13>1 - h a - - - ok \u00e9 then ".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xff;
        bad[bytes.length + 1] = 'x';
        ParseError e = error(bad);
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_UTF8);
        assertThat(e.offset()).isEqualTo(bytes.length);
        assertThat(e.reason()).isEqualTo("invalid UTF-8 at byte " + bytes.length);
        assertThat(e.firstBytes()).startsWith("<13>1 - h a").contains("\\xc3\\xa9");
    }

    @Test
    void countsErrorOffsetsInBytesAfterNonAsciiText() {
        // "值" is 3 bytes but 1 char: the offset must be in bytes of the frame
        String line = "<13>1 - h a - - [x k=\"\u503c\"]bad";
        ParseError e = error(line.getBytes(StandardCharsets.UTF_8));
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_STRUCTURED_DATA);
        assertThat(e.offset()).isEqualTo(line.indexOf("bad") + 2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<192>1 - - - - - - | INVALID_PRI",
        "<1x>Mar 27 13:06:56 h a: m | INVALID_PRI",
        "< | INVALID_PRI",
        "<13>1 | TRUNCATED_HEADER",
        "<13>1 - - - - - | TRUNCATED_HEADER",
        "<13>1 2024-13-01T00:00:00Z h a - - - | INVALID_TIMESTAMP",
        "<13>1 - h\ta a - - - | INVALID_HEADER",
        "<13>1 - h a - - x | INVALID_STRUCTURED_DATA",
        "<13>1 - h a - - [ k=\"v\"] | INVALID_STRUCTURED_DATA",
        "<13>1 - h a - - [id k=\"v\" | INVALID_STRUCTURED_DATA",
        "<13>   | TRUNCATED_HEADER",
        "<38>Nov 99 bad timestamp | INVALID_TIMESTAMP",
        "<38>2024-99 x | INVALID_TIMESTAMP",
        "<13>Mar 27 25:06:56 h a: m | INVALID_TIMESTAMP",
        "<13>Mar 27 13:06:56| TRUNCATED_HEADER",
        "<13>2024-03-27T13:06:56+01:00x h a: m | INVALID_TIMESTAMP",
    })
    void rejectsMalformedFramesWithTheirKind(String line, ErrorKind kind) {
        assertThat(error(line.getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(kind);
    }

    @Test
    void aPriWithoutATimestampIsAllContent() {
        // RFC 3164 4.3.2, and FortiGate's default format
        ParseResult<SyslogMessage> result = SyslogParser.utc().parse(
                "<189>date=2026-11-24 time=10:00:01 devname=\"fgt-1\" logid=\"0000000013\"".getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(ParseResult.Ok.class);
        SyslogMessage m = ((ParseResult.Ok<SyslogMessage>) result).value();
        assertThat(m.priority()).isEqualTo(189);
        assertThat(m.timestamp()).isNull();
        assertThat(m.hostname()).isNull();
        assertThat(m.appName()).isNull();
        assertThat(m.message()).isEqualTo("date=2026-11-24 time=10:00:01 devname=\"fgt-1\" logid=\"0000000013\"");
        // content that merely starts with a month name is content
        SyslogMessage may = ((ParseResult.Ok<SyslogMessage>) SyslogParser.utc().parse(
                "<13>May the daemon restart now".getBytes(StandardCharsets.UTF_8))).value();
        assertThat(may.message()).isEqualTo("May the daemon restart now");
        // without a PRI there is nothing to say it is syslog at all: still refused
        assertThat(error("hello".getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(ErrorKind.INVALID_TIMESTAMP);
    }

    @Test
    void neverThrowsOnMutatedOrRandomInput() {
        String[] seeds = {
            "<165>1 2003-10-11T22:14:15.003Z mymachine evntslog - ID47 [ex@32473 iut=\"3\" a=\"\\]\"] \uFEFFmsg",
            "<34>Oct 11 22:14:15 mymachine su[12]: 'su root' failed",
            "2024-03-27T13:06:56.123456+00:00 host CRON[5]: (root) CMD",
        };
        Random random = new Random(7);
        int parsed = 0;
        int failed = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = seeds[i % seeds.length].getBytes(StandardCharsets.UTF_8);
            int mutations = 1 + random.nextInt(4);
            for (int j = 0; j < mutations; j++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            int length = random.nextInt(bytes.length + 1);
            ParseResult<SyslogMessage> result = SyslogParser.utc().parse(bytes, length);
            if (result instanceof ParseResult.Ok) {
                parsed++;
            } else {
                failed++;
                ParseError e = ((ParseResult.Failed<SyslogMessage>) result).error();
                assertThat(e.offset()).isBetween(0, length);
            }
        }
        // both outcomes must occur, or the mutation is not exercising anything
        assertThat(parsed).isPositive();
        assertThat(failed).isPositive();
    }
}
