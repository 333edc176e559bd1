package org.fenghuo.crypto.pii;

import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.envelope.FieldEnvelope;

/**
 * How a span of free text sealed in place is written: {@code [pii:<kind>:<sealed value>]}, e.g.
 * {@code [pii:phone:sm4gcm:v1:pii:1:Qm9...]}. The brackets delimit the token from the text around
 * it (base64url and the text could otherwise run together); the kind stays readable so an analyst
 * sees what was there. The sealed value's context is the field's, as for a whole sealed field.
 */
public final class SealedText {

    public static final String OPEN = "[pii:";
    public static final char CLOSE = ']';

    private SealedText() {
    }

    public static String token(PiiKind kind, String sealed) {
        return OPEN + kind.label() + ':' + sealed + CLOSE;
    }

    /** What an incoming {@code [pii:} becomes, so that only the protector's tokens open. */
    public static final String ESCAPED_OPEN = "[pii\\:";

    /** {@code text} with every {@code [pii:} written as {@code [pii\:}: text from a sender is never a token. */
    public static String escapeOpen(String text) {
        return text.replace(OPEN, ESCAPED_OPEN);
    }

    public static boolean containsToken(String text) {
        return text != null && text.contains(OPEN);
    }

    /**
     * The text with the sealed value of every token replaced by what {@code reseal} gives, tokens
     * kept: for a re-encryption job moving text fields to a new key version.
     */
    public static String resealAll(String text, UnaryOperator<String> reseal) {
        return openAll(text, (kind, sealed) -> token(kind, reseal.apply(sealed)));
    }

    /**
     * The text with every token replaced by what {@code opener} gives for its sealed value.
     *
     * @throws CryptoFailure {@code MALFORMED_INPUT} for a token without its end, kind or sealed value
     */
    public static String openAll(String text, BiFunction<PiiKind, String, String> opener) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (true) {
            int open = text.indexOf(OPEN, from);
            if (open < 0) {
                break;
            }
            int close = text.indexOf(CLOSE, open);
            int colon = text.indexOf(':', open + OPEN.length());
            if (close < 0 || colon < 0 || colon > close) {
                throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "sealed text token without kind or end");
            }
            PiiKind kind;
            try {
                kind = PiiKind.fromLabel(text.substring(open + OPEN.length(), colon));
            } catch (IllegalArgumentException e) {
                throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "sealed text token of an unknown kind");
            }
            String sealed = text.substring(colon + 1, close);
            if (!FieldEnvelope.isSealed(sealed)) {
                throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "sealed text token without a sealed value");
            }
            out.append(text, from, open).append(opener.apply(kind, sealed));
            from = close + 1;
        }
        return out.append(text, from, text.length()).toString();
    }
}
