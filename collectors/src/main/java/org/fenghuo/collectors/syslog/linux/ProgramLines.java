package org.fenghuo.collectors.syslog.linux;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/**
 * What every parser of one program's messages does first: refuse another program's app-name
 * (a message without one is judged by its text alone), unwrap {@code message repeated N times},
 * and hand the program's {@code pam_*} lines to {@link PamParser}.
 */
final class ProgramLines {

    private static final PamParser PAM = new PamParser();

    private ProgramLines() {
    }

    /**
     * @param isProgram true for this program's app-names
     * @param body      reads the unwrapped message into the given fields
     */
    static PayloadResult parse(PayloadInput input, Predicate<String> isProgram,
            BiFunction<String, Out, PayloadResult> body) {
        String app = input.appName();
        if (app != null && !isProgram.test(app)) {
            return PayloadResult.NOT_MINE;
        }
        Repeated repeated = Repeated.of(input.message());
        Out out = new Out();
        repeated.record(out);
        String message = repeated.message();
        if (message.startsWith("pam_") || app != null && app.contains("(pam_")) {
            return PAM.read(app, message, out);
        }
        return body.apply(message, out);
    }

    /** The common case: the message is one of {@code shapes}. */
    static PayloadResult parse(PayloadInput input, Predicate<String> isProgram, String parser, List<Shape> shapes) {
        return parse(input, isProgram, (message, out) -> Shape.read(parser, shapes, message, out));
    }
}
