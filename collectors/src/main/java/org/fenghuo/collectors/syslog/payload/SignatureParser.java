package org.fenghuo.collectors.syslog.payload;

import java.util.Objects;

/**
 * A format that starts with a fixed signature ({@code CEF:}, {@code LEEF:}, {@code %ASA-},
 * {@code %%01}): the signature is looked for where relays and RFC 3164 parsing leave it (see
 * {@link PayloadText#fromSignature}), and the subclass reads the payload from there on.
 */
public abstract class SignatureParser implements PayloadParser {

    private final String name;
    private final String[] signatures;

    protected SignatureParser(String name, String... signatures) {
        this.name = Objects.requireNonNull(name, "name");
        this.signatures = signatures.clone();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final PayloadResult parse(PayloadInput input) {
        for (String signature : signatures) {
            String text = PayloadText.fromSignature(input, signature);
            if (text != null) {
                return parseFrom(text);
            }
        }
        return PayloadResult.NOT_MINE;
    }

    /** @param text the payload, starting with one of the signatures */
    protected abstract PayloadResult parseFrom(String text);
}
