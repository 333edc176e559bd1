package org.fenghuo.detection.sigma.eval;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping;
import org.fenghuo.detection.sigma.rule.DetectionItem;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.fenghuo.detection.sigma.rule.RuleRejection;
import org.fenghuo.events.EcsFieldPath;

/**
 * Compiles one detection item (field, modifiers, values) into an {@link EventPredicate}. Value
 * modifiers apply in the order written, as the specification says; type modifiers ({@code re},
 * {@code cidr}, {@code lt} ...) decide the predicate. Anything it cannot honour exactly is a
 * rejection, never a silently different match.
 */
public final class ItemCompiler {
    /** Keyword (field-less) searches look in these ECS fields. */
    public static final List<String> KEYWORD_FIELDS = List.of("message", "event.original");
    private static final int MAX_WINDASH_VARIANTS = 4096;
    private static final Set<String> KNOWN = Set.of("contains", "startswith", "endswith", "all", "re", "i", "m", "s",
            "ignorecase", "multiline", "dotall", "cidr", "base64", "base64offset", "utf16le", "utf16be", "utf16", "wide",
            "windash", "exists", "expand", "fieldref", "lt", "lte", "gt", "gte", "cased", "neq", "minute", "hour", "day",
            "week", "month", "year");
    private static final Set<String> NOT_EVALUATED = Set.of("minute", "hour", "day", "week", "month", "year");

    private final Map<String, List<String>> placeholders;
    private final Map<String, EcsFieldPath> paths = new ConcurrentHashMap<>();

    /** @param placeholders {@code |expand} values by placeholder name (without the percent signs) */
    public ItemCompiler(Map<String, List<String>> placeholders) {
        this.placeholders = Map.copyOf(placeholders);
    }

    public EventPredicate compile(DetectionItem item, LogSourceMapping mapping) throws RuleRejection {
        int line = item.line();
        Mods mods = new Mods(item.modifiers(), line);
        List<EcsFieldPath> fieldPaths = item.field() == null ? paths(KEYWORD_FIELDS) : paths(mapping.ecsNames(item.field()));
        List<Object> values = item.values();
        if (mods.exists) {
            if (values.size() != 1 || !(values.get(0) instanceof Boolean b)) {
                throw reject(RejectReason.BAD_VALUE, line, "|exists takes true or false");
            }
            return new PresenceTest(fieldPaths.toArray(EcsFieldPath[]::new), b);
        }
        if (values.contains(null)) {
            if (values.size() != 1 || !item.modifiers().isEmpty()) {
                throw reject(RejectReason.BAD_VALUE, line, "null must be the only value, without modifiers");
            }
            return new PresenceTest(fieldPaths.toArray(EcsFieldPath[]::new), false);
        }
        if (mods.all && values.size() < 2 && item.field() != null) {
            throw reject(RejectReason.BAD_VALUE, line, "|all needs a list of at least two values");
        }
        if (mods.fieldref) {
            return fieldRef(item, mods, fieldPaths, mapping);
        }
        List<ValuePredicate> predicates = new ArrayList<>();
        for (Object value : values) {
            predicates.addAll(valuePredicates(value, mods, item.field() == null, line));
        }
        if (predicates.isEmpty()) {
            throw reject(RejectReason.BAD_VALUE, line, "no value left after the modifiers");
        }
        if (mods.all && predicates.size() != values.size()) {
            // a value that expanded into variants must match one of them: group per value
            return allOfGroups(values, mods, fieldPaths, item.field() == null, line);
        }
        return new FieldTest(fieldPaths, predicates, mods.all, mods.neq);
    }

    private EventPredicate allOfGroups(List<Object> values, Mods mods, List<EcsFieldPath> fieldPaths, boolean keyword,
            int line) throws RuleRejection {
        List<EventPredicate> groups = new ArrayList<>();
        for (Object value : values) {
            groups.add(new FieldTest(fieldPaths, valuePredicates(value, mods, keyword, line), false, mods.neq));
        }
        return EventPredicate.and(groups);
    }

    private EventPredicate fieldRef(DetectionItem item, Mods mods, List<EcsFieldPath> fieldPaths, LogSourceMapping mapping)
            throws RuleRejection {
        if (mods.wildcardStart || mods.wildcardEnd || mods.re || mods.cidr || mods.compare != null || !mods.encodings.isEmpty()) {
            throw reject(RejectReason.UNSUPPORTED_MODIFIER, item.line(), "|fieldref only combines with cased and neq here");
        }
        List<EventPredicate> refs = new ArrayList<>();
        for (Object v : item.values()) {
            refs.add(new FieldRefTest(fieldPaths.toArray(EcsFieldPath[]::new),
                    paths(mapping.ecsNames(String.valueOf(v))).toArray(EcsFieldPath[]::new), mods.cased, mods.neq));
        }
        return mods.all ? EventPredicate.and(refs) : EventPredicate.or(refs);
    }

    private List<ValuePredicate> valuePredicates(Object value, Mods mods, boolean keyword, int line)
            throws RuleRejection {
        String text = String.valueOf(value);
        if (mods.compare != null) {
            return List.of(new NumberPredicate(mods.compare, number(value, line), text));
        }
        if (mods.re) {
            return List.of(regex(text, mods, line));
        }
        if (mods.cidr) {
            CidrPredicate c = CidrPredicate.parse(text);
            if (c == null) {
                throw reject(RejectReason.BAD_VALUE, line, "not a CIDR network: " + text);
            }
            return List.of(c);
        }
        if (value instanceof Number && !mods.transforms() && !keyword) {
            return List.of(new NumberPredicate(NumberPredicate.Op.EQ, ((Number) value).doubleValue(), text));
        }
        List<SigmaString> strings = mods.expand ? Placeholders.expand(text, placeholders, line) : List.of(SigmaString.parse(text));
        for (String m : mods.order) {
            strings = transform(strings, m, line);
        }
        boolean start = mods.wildcardStart || keyword;
        boolean end = mods.wildcardEnd || keyword;
        List<ValuePredicate> out = new ArrayList<>(strings.size());
        for (SigmaString s : strings) {
            out.add(new StringPredicate(s.withStar(start, end), mods.cased));
        }
        return out;
    }

    private static List<SigmaString> transform(List<SigmaString> in, String modifier, int line) throws RuleRejection {
        List<SigmaString> out = new ArrayList<>();
        for (SigmaString s : in) {
            if (!modifier.equals("windash") && s.hasWildcards()) {
                throw reject(RejectReason.UNSUPPORTED_MODIFIER, line,
                        "|" + modifier + " on a value with wildcards cannot be evaluated: " + s.text());
            }
            switch (modifier) {
                case "base64" -> out.add(SigmaString.base64(s.bytes()));
                case "base64offset" -> out.addAll(SigmaString.base64Offsets(s.bytes()));
                case "utf16le", "wide" -> out.add(SigmaString.ofBytes(s.text().getBytes(StandardCharsets.UTF_16LE)));
                case "utf16be" -> out.add(SigmaString.ofBytes(s.text().getBytes(StandardCharsets.UTF_16BE)));
                case "utf16" -> {
                    byte[] le = s.text().getBytes(StandardCharsets.UTF_16LE);
                    byte[] bom = new byte[le.length + 2];
                    bom[0] = (byte) 0xFF;
                    bom[1] = (byte) 0xFE;
                    System.arraycopy(le, 0, bom, 2, le.length);
                    out.add(SigmaString.ofBytes(bom));
                }
                case "windash" -> {
                    List<SigmaString> v = SigmaString.windash(s, MAX_WINDASH_VARIANTS);
                    if (v == null) {
                        throw reject(RejectReason.BAD_VALUE, line, "|windash: too many dashes in " + s.text());
                    }
                    out.addAll(v);
                }
                default -> throw new IllegalStateException("not a transformation: " + modifier);
            }
        }
        return out;
    }

    private static RegexPredicate regex(String text, Mods mods, int line) throws RuleRejection {
        int flags = (mods.reI ? Pattern.CASE_INSENSITIVE : 0) | (mods.reM ? Pattern.MULTILINE : 0)
                | (mods.reS ? Pattern.DOTALL : 0);
        try {
            return new RegexPredicate(Pattern.compile(text, flags));
        } catch (PatternSyntaxException | IllegalArgumentException e) {
            throw reject(RejectReason.UNSUPPORTED_REGEX, line,
                    "regex not supported by the linear-time engine: " + e.getMessage());
        }
    }

    private static double number(Object value, int line) throws RuleRejection {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw reject(RejectReason.BAD_VALUE, line, "a comparison needs a number, got " + value);
        }
    }

    List<EcsFieldPath> paths(List<String> names) throws RuleRejection {
        List<EcsFieldPath> out = new ArrayList<>(names.size());
        for (String n : names) {
            try {
                out.add(paths.computeIfAbsent(n, EcsFieldPath::of));
            } catch (IllegalArgumentException e) {
                throw reject(RejectReason.INVALID_STRUCTURE, 0, "bad field name \"" + n + "\": " + e.getMessage());
            }
        }
        return out;
    }

    static RuleRejection reject(RejectReason reason, int line, String detail) {
        return new RuleRejection(reason, line, detail);
    }

    /** The modifiers of one item, checked and sorted into what they do. */
    private static final class Mods {
        final List<String> order = new ArrayList<>();
        boolean all, cased, neq, re, reI, reM, reS, cidr, exists, expand, fieldref, wildcardStart, wildcardEnd;
        NumberPredicate.Op compare;
        final List<String> encodings = new ArrayList<>();

        Mods(List<String> modifiers, int line) throws RuleRejection {
            for (String m : modifiers) {
                if (!KNOWN.contains(m)) {
                    throw reject(RejectReason.UNKNOWN_MODIFIER, line, "unknown modifier \"" + m + "\"");
                }
                if (NOT_EVALUATED.contains(m)) {
                    throw reject(RejectReason.UNSUPPORTED_MODIFIER, line, "time modifier |" + m + " is not evaluated");
                }
                switch (m) {
                    case "all" -> all = true;
                    case "cased" -> cased = true;
                    case "neq" -> neq = true;
                    case "re" -> re = true;
                    case "i", "ignorecase" -> reI = true;
                    case "m", "multiline" -> reM = true;
                    case "s", "dotall" -> reS = true;
                    case "cidr" -> cidr = true;
                    case "exists" -> exists = true;
                    case "expand" -> expand = true;
                    case "fieldref" -> fieldref = true;
                    case "contains" -> wildcardStart = wildcardEnd = true;
                    case "startswith" -> wildcardEnd = true;
                    case "endswith" -> wildcardStart = true;
                    case "lt" -> compare = NumberPredicate.Op.LT;
                    case "lte" -> compare = NumberPredicate.Op.LTE;
                    case "gt" -> compare = NumberPredicate.Op.GT;
                    case "gte" -> compare = NumberPredicate.Op.GTE;
                    default -> {
                        order.add(m);
                        if (!m.equals("windash")) {
                            encodings.add(m);
                        }
                    }
                }
            }
            if ((reI || reM || reS) && !re) {
                throw reject(RejectReason.BAD_VALUE, line, "regex flags i/m/s without |re");
            }
            int types = (re ? 1 : 0) + (cidr ? 1 : 0) + (compare != null ? 1 : 0) + (exists ? 1 : 0) + (fieldref ? 1 : 0);
            if (types > 1 || (types == 1 && !fieldref && (transforms() || wildcardStart || wildcardEnd))) {
                throw reject(RejectReason.UNSUPPORTED_MODIFIER, line, "modifiers cannot be combined: " + modifiers);
            }
        }

        boolean transforms() {
            return !order.isEmpty() || wildcardStart || wildcardEnd || expand;
        }
    }
}
