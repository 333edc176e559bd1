package org.fenghuo.collectors.syslog.linux;

import java.util.List;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/**
 * A stand-in for the configurable parser rules: which of this package's parsers a message is
 * offered to, by app-name. The rules registry replaces it; it is kept small on purpose. (Web
 * server lines are for {@code syslog.access}'s parsers.)
 */
public final class LinuxParsers {

    private static final PayloadParser SSHD = new SshdParser();
    private static final PayloadParser SUDO = new SudoParser();
    private static final PayloadParser SU = new SuParser();
    private static final PayloadParser PAM = new PamParser();
    private static final PayloadParser LOGIND = new LogindParser();
    private static final PayloadParser SHADOW = new ShadowParser();
    private static final PayloadParser NETFILTER = new NetfilterParser();
    private static final PayloadParser FTPD = new FtpdParser();
    private static final PayloadParser KLOGIND = new KlogindParser();
    private static final PayloadParser LOGIN = new LoginParser();

    /** Every parser of this package, for a registry to pick from. */
    public static final List<PayloadParser> ALL = List.of(SSHD, SUDO, SU, PAM, LOGIND, SHADOW, NETFILTER, FTPD,
            KLOGIND, LOGIN);

    private LinuxParsers() {
    }

    /** The parsers to try, in order, for a message from {@code appName} (null: a bare file line). */
    public static List<PayloadParser> forAppName(String appName) {
        if (appName == null) {
            return List.of(NETFILTER, PAM, LOGIN);
        }
        String program = appName.indexOf('(') > 0 ? appName.substring(0, appName.indexOf('(')) : appName;
        return switch (program) {
            case "sshd", "sshd-session" -> List.of(SSHD);
            case "sudo" -> List.of(SUDO);
            case "su" -> List.of(SU);
            case "systemd-logind" -> List.of(LOGIND);
            case "kernel" -> List.of(NETFILTER);
            case "ftpd", "in.ftpd" -> List.of(FTPD);
            case "klogind", "eklogin" -> List.of(KLOGIND);
            case "login" -> List.of(LOGIN);
            default -> ShadowParser.PROGRAMS.contains(program) ? List.of(SHADOW) : List.of(PAM);
        };
    }

    /** The first parser's answer that is not NotMine, or NotMine. */
    public static PayloadResult parse(PayloadInput input) {
        for (PayloadParser parser : forAppName(input.appName())) {
            PayloadResult result = parser.parse(input);
            if (!(result instanceof PayloadResult.NotMine)) {
                return result;
            }
        }
        return PayloadResult.NOT_MINE;
    }
}
