package org.fenghuo.collectors.syslog.payload;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Chooses the payload parser of a message: the rules in order, the first matching rule whose
 * parser does not answer {@link PayloadResult.NotMine} decides. Immutable and thread-safe.
 */
public final class PayloadRules {

    /**
     * Signature parsers in the order their signatures are specific: a CEF or LEEF line may carry
     * key=value pairs, so the generic key=value fallback comes last. Parsers registered by other
     * packages (Linux programs, access logs) go between the signature parsers and the fallback.
     */
    static final List<String> SIGNATURE_ORDER = List.of("cef", "leef", "json", "cisco-asa", "fortigate",
            "paloalto", "huawei-usg", "h3c");
    static final String FALLBACK = "kv";

    private static final PayloadRules NONE = new PayloadRules(List.of(), new PayloadParser[0]);

    private final List<PayloadRule> rules;
    private final PayloadParser[] parsers;

    private PayloadRules(List<PayloadRule> rules, PayloadParser[] parsers) {
        this.rules = rules;
        this.parsers = parsers;
    }

    /** No payload parsing: events keep the RFC-level fields only. */
    public static PayloadRules none() {
        return NONE;
    }

    /**
     * @throws IllegalArgumentException when a rule names a parser the registry does not know
     *         (a configuration error: the message names the rule and the parser)
     */
    public static PayloadRules of(List<PayloadRule> rules, PayloadParserRegistry registry) {
        List<PayloadRule> copy = List.copyOf(rules);
        PayloadParser[] parsers = new PayloadParser[copy.size()];
        for (int i = 0; i < copy.size(); i++) {
            parsers[i] = registry.require(copy.get(i).parser(), "payload rule " + (i + 1));
        }
        return new PayloadRules(copy, parsers);
    }

    /** The default rules over the standard parsers: auto-detection by signature, key=value last. */
    public static PayloadRules defaults() {
        return defaults(PayloadParserRegistry.standard());
    }

    /** The default rules over {@code registry}: see {@link #defaultRules}. */
    public static PayloadRules defaults(PayloadParserRegistry registry) {
        return of(defaultRules(registry), registry);
    }

    /**
     * One unconditional rule per registered parser: the signature parsers first (CEF, LEEF, JSON,
     * ASA, FortiGate, PAN-OS, Huawei, H3C), then any other registered parser in registration
     * order, then {@code kv}. Each parser's own signature check makes it decline foreign lines.
     */
    public static List<PayloadRule> defaultRules(PayloadParserRegistry registry) {
        List<PayloadRule> rules = new ArrayList<>();
        for (String name : SIGNATURE_ORDER) {
            if (registry.names().contains(name)) {
                rules.add(PayloadRule.always(name));
            }
        }
        for (String name : registry.names()) {
            if (!SIGNATURE_ORDER.contains(name) && !FALLBACK.equals(name)) {
                rules.add(PayloadRule.always(name));
            }
        }
        if (registry.names().contains(FALLBACK)) {
            rules.add(PayloadRule.always(FALLBACK));
        }
        return rules;
    }

    public List<PayloadRule> rules() {
        return rules;
    }

    /** The parser names these rules can choose, in rule order, without repeats (for metrics up front). */
    public List<String> parserNames() {
        List<String> names = new ArrayList<>();
        for (PayloadParser p : parsers) {
            if (!names.contains(p.name())) {
                names.add(p.name());
            }
        }
        return names;
    }

    public boolean isEmpty() {
        return parsers.length == 0;
    }

    /** Never throws, even if a parser breaks its contract: that is reported as Malformed. */
    public Selection select(PayloadInput input) {
        Objects.requireNonNull(input, "input");
        for (int i = 0; i < parsers.length; i++) {
            if (!rules.get(i).matches(input)) {
                continue;
            }
            PayloadResult result;
            try {
                result = DeviceTimes.inZone(input.zone(), parsers[i], input);
            } catch (RuntimeException | StackOverflowError e) {
                // a parser bug must not lose the event: the message is kept, the failure reported
                result = new PayloadResult.Malformed("parser " + parsers[i].name() + " failed: " + e);
            }
            if (result == null) {
                result = new PayloadResult.Malformed("parser " + parsers[i].name() + " returned nothing");
            }
            if (!(result instanceof PayloadResult.NotMine)) {
                return new Selection(parsers[i].name(), result);
            }
        }
        return Selection.UNPARSED;
    }

    /**
     * @param parser the chosen parser, null when no rule matched or every parser declined
     * @param result Parsed or Malformed; NotMine when {@code parser} is null
     */
    public record Selection(String parser, PayloadResult result) {
        static final Selection UNPARSED = new Selection(null, PayloadResult.NOT_MINE);
    }
}
