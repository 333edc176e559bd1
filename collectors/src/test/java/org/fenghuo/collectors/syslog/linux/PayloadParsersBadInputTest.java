package org.fenghuo.collectors.syslog.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.fenghuo.collectors.syslog.access.AccessLogParser;
import org.fenghuo.collectors.syslog.access.ApacheErrorParser;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.junit.jupiter.api.Test;

/** Parsers answer, never throw: truncated lines, random bytes, and very long fields. */
class PayloadParsersBadInputTest {

    private static final List<PayloadParser> PARSERS = Stream.concat(LinuxParsers.ALL.stream(),
            Stream.of(new AccessLogParser(), new ApacheErrorParser())).toList();
    private static final String[] APPS = {null, "sshd", "sudo", "su", "kernel", "systemd-logind", "useradd", "ftpd",
        "klogind", "CRON", "sshd(pam_unix)", "nginx"};

    @Test
    void everyPrefixOfEveryGoldenLineGetsAnAnswerFromEveryParser() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(PayloadGoldenTest.DIR)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        int answers = 0;
        for (String line : lines) {
            String message = line.length() > 16 && line.charAt(3) == ' ' ? line.substring(line.indexOf(": ") + 2) : line;
            for (int end = 0; end <= message.length(); end++) {
                for (PayloadParser parser : PARSERS) {
                    for (String app : APPS) {
                        assertThat(parser.parse(new PayloadInput("h", app, message.substring(0, end)))).isNotNull();
                        answers++;
                    }
                }
            }
        }
        assertThat(answers).isGreaterThan(100_000);
    }

    @Test
    void randomTextGetsAnAnswer() {
        Random random = new Random(42);
        String alphabet = "aZ09 :;=[]()\"\\/.-_,%pam_unix(sshd:auth)IN=OUT=SRC=DST=port from for user";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                b.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (PayloadParser parser : PARSERS) {
                assertThat(parser.parse(new PayloadInput(null, APPS[n % APPS.length], b.toString()))).isNotNull();
            }
        }
    }

    @Test
    void aUserAgentOfSixtyThousandEscapedQuotesIsReadWithoutOverflowingTheStack() {
        String agent = "\\\"".repeat(30_000);
        String line = "203.0.113.9 - - [10/Oct/2023:13:55:36 +0800] \"GET / HTTP/1.1\" 200 1 \"-\" \"" + agent + "\"";

        PayloadResult result = new AccessLogParser().parse(new PayloadInput(null, null, line));

        assertThat(result).isInstanceOf(PayloadResult.Parsed.class);
        assertThat(((PayloadResult.Parsed) result).fields().get("user_agent.original")).isEqualTo("\"".repeat(30_000));
    }

    /** Long messages of each program's shapes, filled with text a backtracking pattern would stumble on. */
    @Test
    void longMessagesOfEachProgramGetAnAnswer() {
        List<String> fillers = List.of("x".repeat(60_000), "a ".repeat(30_000), " from x port 1".repeat(4_000),
                "k=v ".repeat(15_000), "\\\"".repeat(20_000), "[".repeat(60_000), " ; A=".repeat(12_000));
        List<String> heads = List.of("Failed password for ", "Accepted publickey for root from ", "Invalid user ",
                "Connection closed by user ", "Disconnecting invalid user ", "Received disconnect from ",
                "PAM 5 more authentication failures; ", "pam_unix(sshd:auth): authentication failure; ",
                "pam_unix(cron:session): session opened for user ", "alice : TTY=pts/0 ; COMMAND=", "root : ",
                "DROP IN=eth0 OUT= SRC=1.2.3.4 ", "[ 1.0] IN= OUT= ", "new user: name=", "connection from ",
                "[Sun Dec 04 04:47:44 2005] [error] [client ", "1.2.3.4 - - [10/Oct/2023:13:55:36 +0800] \"",
                "1.2.3.4 - - [10/Oct/2023:13:55:36 +0800] \"GET / HTTP/1.1\" 200 1 \"", "message repeated 2 times: [ ");
        int answers = 0;
        for (String head : heads) {
            for (String filler : fillers) {
                for (PayloadParser parser : PARSERS) {
                    assertThat(parser.parse(new PayloadInput(null, null, head + filler))).isNotNull();
                    assertThat(parser.parse(new PayloadInput(null, null, head + filler + " port 22 ssh2"))).isNotNull();
                    answers += 2;
                }
            }
        }
        assertThat(answers).isEqualTo(heads.size() * fillers.size() * PARSERS.size() * 2);
    }
}
