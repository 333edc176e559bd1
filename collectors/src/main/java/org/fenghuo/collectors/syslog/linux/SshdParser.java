package org.fenghuo.collectors.syslog.linux;

import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/**
 * OpenSSH server messages (app-name {@code sshd}, or {@code sshd-session} since OpenSSH 9.8):
 * logins accepted and failed, invalid users, pre-authentication disconnects, too many
 * authentication failures, reverse-mapping warnings, sessions. Its {@code pam_*} lines go to
 * {@link PamParser}. A trailing {@code [preauth]} becomes {@code fenghuo.ssh.preauth}. Messages of
 * another program (another app-name) are NotMine; sshd messages of a shape not listed here too.
 */
public final class SshdParser implements PayloadParser {

    public static final String NAME = "sshd";

    private static final String PREAUTH = " [preauth]";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PayloadResult parse(PayloadInput input) {
        return ProgramLines.parse(input, SshdParser::isSshd, (message, out) -> {
            String text = message;
            if (text.endsWith(PREAUTH)) {
                out.put("fenghuo.ssh.preauth", true);
                text = text.substring(0, text.length() - PREAUTH.length()).stripTrailing();
            }
            return Shape.read(NAME, SshdShapes.ALL, text, out);
        });
    }

    static boolean isSshd(String app) {
        return app.equals("sshd") || app.startsWith("sshd-") || app.startsWith("sshd(");
    }
}
