package org.fenghuo.crypto.pii;

import java.util.Locale;

/**
 * What a piece of personal data is. The first five have a detector; {@link #TEXT} is for policy
 * fields that hold other personal text (names, addresses) and only decides how a value is
 * normalised for the blind index and masked for display.
 */
public enum PiiKind {
    /** 18-character resident identity number (GB 11643-1999). */
    ID_NUMBER,
    /** Mainland mobile number, 11 digits. */
    PHONE,
    /** Payment card number, 13-19 digits, Luhn valid. */
    BANK_CARD,
    /** E-mail address. */
    EMAIL,
    /** Motor-vehicle licence plate. */
    PLATE,
    /** Any other personal text. */
    TEXT;

    /** The name used in policies, metrics tags and sealed text tokens, e.g. {@code id_number}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a label that is not one of {@link #values()} */
    public static PiiKind fromLabel(String label) {
        for (PiiKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException(label);
    }
}
