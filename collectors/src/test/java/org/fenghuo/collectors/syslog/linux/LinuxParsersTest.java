package org.fenghuo.collectors.syslog.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.junit.jupiter.api.Test;

class LinuxParsersTest {

    @Test
    void namesAreStableAndUnique() {
        assertThat(LinuxParsers.ALL).extracting(PayloadParser::name).containsExactly("sshd", "sudo", "su", "pam",
                "systemd_logind", "shadow", "netfilter", "ftpd", "klogind", "login");
    }

    @Test
    void programsGoToTheirParserAndEveryOtherProgramToPam() {
        assertThat(LinuxParsers.forAppName("sshd")).extracting(PayloadParser::name).containsExactly("sshd");
        assertThat(LinuxParsers.forAppName("sshd(pam_unix)")).extracting(PayloadParser::name).containsExactly("sshd");
        assertThat(LinuxParsers.forAppName("groupadd")).extracting(PayloadParser::name).containsExactly("shadow");
        assertThat(LinuxParsers.forAppName("CRON")).extracting(PayloadParser::name).containsExactly("pam");
        assertThat(LinuxParsers.forAppName(null)).extracting(PayloadParser::name).containsExactly("netfilter", "pam", "login");
    }

    @Test
    void aRepeatLineCarriesItsCount() {
        PayloadResult result = LinuxParsers.parse(new PayloadInput("h", "sshd",
                "message repeated 3 times: [ Failed password for root from 203.0.113.5 port 22 ssh2]"));

        assertThat(result).isInstanceOfSatisfying(PayloadResult.Parsed.class, p -> assertThat(p.fields().asMap())
                .containsEntry("fenghuo.syslog.repeated", 3L).containsEntry("event.outcome", "failure")
                .containsEntry("user.name", "root"));
    }

    @Test
    void anotherProgramsMessageInSshdsWordsIsNotSshds() {
        PayloadInput fromFtpd = new PayloadInput("h", "ftpd", "Accepted password for root from 1.2.3.4 port 22 ssh2");

        assertThat(new SshdParser().parse(fromFtpd)).isInstanceOf(PayloadResult.NotMine.class);
    }
}
