package org.fenghuo.crypto.pii;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.fenghuo.crypto.keys.KeyRing;
import org.fenghuo.crypto.pii.policy.FieldRule;
import org.fenghuo.crypto.pii.policy.PiiAction;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.crypto.sm.HmacSm3;

/**
 * Search terms for personal data that is stored only sealed or masked: the term of a value is
 * {@code base64url(HMAC-SM3(blind-index key, "<kind>|" + normalised value))} (43 characters), so
 * every spelling of one ID number or phone number gives the same term, in whatever field or text
 * it was found. The protector writes a field's terms to {@code fenghuo.pii.blind.<field>} and every
 * term of an event, including those of spans found in free text, to {@code fenghuo.pii.terms};
 * the console asks {@link #termFor} and searches those fields for an exact match.
 *
 * <p>Not thread-safe (the HMAC state is reused): one per thread, or one per request.
 */
public final class BlindIndex {

    /** The object the protector owns in every event it writes; incoming values there are removed. */
    public static final String OWN_NAMESPACE = "fenghuo.pii";
    /** Prefix of the per-field terms: {@code fenghuo.pii.blind.user.id}. */
    public static final String FIELD_PREFIX = OWN_NAMESPACE + ".blind.";
    /** Every term of the event, one keyword list: search here for "all events of this person". */
    public static final String TERMS_FIELD = OWN_NAMESPACE + ".terms";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final HmacSm3 mac;
    private final PiiPolicy policy;

    public BlindIndex(KeyRing keys, PiiPolicy policy) {
        this.mac = new HmacSm3(keys.blindIndexKey());
        this.policy = policy;
    }

    /** The term of a value of a given kind, e.g. an ID number typed by an analyst. */
    public String termFor(PiiKind kind, String plaintext) {
        return termOfNormalized(kind, PiiNormalizer.normalize(kind, plaintext));
    }

    /** The term of a value already in {@link PiiNormalizer} form. */
    String termOfNormalized(PiiKind kind, String normalized) {
        return termOfInput(input(kind, normalized));
    }

    /** The HMAC input of a normalised value: {@code "<kind>|<normalised>"}. */
    static String input(PiiKind kind, String normalized) {
        return kind.label() + '|' + normalized;
    }

    /** The term of an {@link #input}: the protector keys its per-event cache by the same string. */
    String termOfInput(String input) {
        return ENCODER.encodeToString(mac.mac(input.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The term an analyst's query on {@code field} must match, with the normalisation the policy
     * gives that field.
     *
     * @throws IllegalArgumentException when the policy does not blind-index {@code field}
     */
    public String termFor(String field, String plaintext) {
        FieldRule rule = policy.fieldRuleFor(field)
                .filter(r -> r.has(PiiAction.BLIND_INDEX))
                .orElseThrow(() -> new IllegalArgumentException("the policy does not blind-index " + field));
        return termFor(rule.kind(), plaintext);
    }

    /** Where the protector stores the terms of {@code field}. */
    public static String searchField(String field) {
        return FIELD_PREFIX + field;
    }

    /** True for the protector's own namespace and anything under it. */
    public static boolean isOwn(String path) {
        return PiiPolicy.covers(OWN_NAMESPACE, path);
    }
}
