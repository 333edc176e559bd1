package org.fenghuo.correlation.engine.esper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.sigma.correlation.CorrelationCondition;
import org.fenghuo.detection.sigma.correlation.CorrelationType;
import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;

/**
 * Compiles one Sigma correlation (parsed and validated by detection's loader) to an EPL module
 * with the semantics of detection's {@code CorrelationEngine}:
 *
 * <ul>
 *   <li>one {@code insert into <P>_In} per referenced rule turns its hits into (rule index, group
 *       key, value) with that rule's aliases, skipping hits without a group-by or value field;</li>
 *   <li>a condition with only a lower bound is tested on every hit over the sliding window
 *       {@code [t - timespan, t]} of its key ({@code #time(timespan + 1 msec)} keeps both ends);</li>
 *   <li>a condition with an upper bound, {@code eq} or {@code neq} is decided once per window opened
 *       by the key's first hit (a context {@code initiated by distinct(k)}, terminated one timespan
 *       plus 1 ms later, output when terminated), since later hits could still cross the bound;</li>
 *   <li>{@code temporal_ordered} keeps per key, for each rule i, the latest start of a chain of
 *       rules 0..i seen in arrival order (a table); a hit of the last rule fires when the chain
 *       ending before it started at most one timespan ago.</li>
 * </ul>
 * The output statement is named {@code <P>_out}; its rows carry {@code k} (group key), {@code t}
 * (alert time), {@code n} (hits), {@code m} (measure), {@code w} (the window) and {@code fire}.
 * Muting a key for one timespan after an alert is the caller's job (state the snapshot must carry).
 */
public final class SigmaToEpl {
    /** Statements, contexts and tables of the module all start with this; then {@code C<n>}. */
    private final String prefix;
    private final SigmaCorrelation rule;
    private final long spanMillis;

    private SigmaToEpl(SigmaCorrelation rule, String prefix) {
        this.rule = rule;
        this.prefix = prefix;
        this.spanMillis = rule.timespan().toMillis();
    }

    /**
     * The module of {@code rule}, its objects named after {@code prefix} (an EPL identifier unique
     * per runtime).
     */
    public static SigmaEpl translate(SigmaCorrelation rule, String prefix) {
        SigmaToEpl t = new SigmaToEpl(rule, prefix);
        boolean atClose = decidedAtClose(rule);
        StringBuilder epl = new StringBuilder();
        epl.append("create schema ").append(prefix)
                .append("_In (hit ").append(HitEvent.class.getName())
                .append(", time long, idx int, k string, v string, num Double);\n");
        for (int r = 0; r < rule.rules().size(); r++) {
            epl.append(t.input(r));
        }
        if (rule.type() == CorrelationType.TEMPORAL_ORDERED) {
            epl.append(t.ordered());
        } else if (atClose) {
            epl.append(t.atClose());
        } else {
            epl.append(t.sliding());
        }
        return new SigmaEpl(rule, prefix, atClose, epl.toString());
    }

    /**
     * Why {@code rule} cannot be compiled faithfully, or null. Field names travel as keys of mapped
     * properties ({@code h.tuple('a|b')}), where Esper does not unescape a quote or backslash, and
     * {@code |} separates them.
     */
    public static String unsupported(SigmaCorrelation rule) {
        List<String> names = new ArrayList<>(rule.groupBy());
        names.addAll(rule.condition().fields());
        rule.aliases().values().forEach(perRule -> names.addAll(perRule.values()));
        for (String name : names) {
            if (name.indexOf('\'') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('|') >= 0) {
                return "field name with a quote, backslash or '|' cannot be passed to EPL: " + name;
            }
        }
        return null;
    }

    /** Whether the condition can only be decided when the window closes (any upper bound, eq, neq). */
    static boolean decidedAtClose(SigmaCorrelation rule) {
        CorrelationCondition c = rule.condition();
        return rule.type() != CorrelationType.TEMPORAL_ORDERED
                && (c.upper() != null || c.eq() != null || c.neq() != null);
    }

    private String input(int r) {
        String ref = rule.rules().get(r);
        String groups = fields(rule.groupBy(), ref);
        StringBuilder s = new StringBuilder("@name('").append(prefix).append("_in").append(r).append("') insert into ")
                .append(prefix).append("_In select h as hit, h.time as time, ").append(r).append(" as idx, h.tuple(")
                .append(literal(groups)).append(") as k, ");
        String where = "h.tuple(" + literal(groups) + ") is not null";
        List<String> valueFields = rule.condition().fields();
        if (rule.type() == CorrelationType.VALUE_COUNT) {
            String v = "h.tuple(" + literal(fields(valueFields, ref)) + ")";
            s.append(v).append(" as v, cast(null, Double) as num");
            where += " and " + v + " is not null";
        } else if (rule.type().isNumeric()) {
            String num = "h.number(" + literal(fields(valueFields.subList(0, 1), ref)) + ")";
            s.append("cast(null, string) as v, ").append(num).append(" as num");
            where += " and " + num + " is not null";
        } else {
            s.append("cast(null, string) as v, cast(null, Double) as num");
        }
        // a hit goes to the rule its id names, else to the one its name names (detection's dispatch)
        s.append(" from SigmaHit((ruleId = ").append(literal(ref)).append(" or (ruleName = ").append(literal(ref))
                .append(" and (ruleId is null or ruleId not in (").append(references()).append("))))")
                .append(" and (target is null or target = ").append(literal(rule.ruleId())).append(")) as h where ")
                .append(where).append(";\n");
        return s.toString();
    }

    private String sliding() {
        return "@name('" + prefix + "_out') select k, time as t, count(*) as n, " + measure() + " as m, window(*) as w, "
                + "true as fire from " + prefix + "_In#time(" + (spanMillis + 1) + " msec) group by k having "
                + condition(measure()) + ";\n";
    }

    private String atClose() {
        return "create context " + prefix + "_Ctx initiated by distinct(k) " + prefix + "_In as o terminated after "
                + (spanMillis + 1) + " msec;\n"
                + "@name('" + prefix + "_out') context " + prefix + "_Ctx select context.o.k as k, max(time) as t, "
                + "count(*) as n, " + measure() + " as m, window(*) as w, (" + condition(measure()) + ") as fire from "
                + prefix + "_In(k = context.o.k)#keepall output snapshot when terminated;\n";
    }

    private String ordered() {
        int last = rule.rules().size() - 1;
        String table = prefix + "_Ord";
        StringBuilder s = new StringBuilder("create table ").append(table).append(" (k string primary key");
        for (int i = 0; i < last; i++) {
            s.append(", s").append(i).append(" long");
        }
        s.append(");\n@name('").append(prefix).append("_chain') on ").append(prefix).append("_In(idx < ").append(last)
                .append(") as e merge ").append(table).append(" as o where o.k = e.k\n")
                .append("  when not matched and e.idx = 0 then insert select e.k as k, e.time as s0");
        for (int i = 1; i < last; i++) {
            s.append(", ").append(Long.MIN_VALUE + 1).append("L as s").append(i);
        }
        s.append("\n  when matched and e.idx = 0 then update set s0 = e.time\n");
        for (int i = 1; i < last; i++) {
            s.append("  when matched and e.idx = ").append(i).append(" then update set s").append(i).append(" = max(s")
                    .append(i).append(", s").append(i - 1).append(")\n");
        }
        // fire is a column, not a having: it reads the arriving hit itself, which a grouped having may not
        s.append(";\n@name('").append(prefix).append("_out') select k, time as t, count(*) as n, 0 as m, window(*) as w, (e.idx = ")
                .append(last).append(" and ").append(table).append("[e.k].s").append(last - 1).append(" >= e.time - ")
                .append(spanMillis).append(") as fire from ").append(prefix).append("_In#time(").append(spanMillis + 1)
                .append(" msec) as e group by k;\n")
                // s0 is the latest start of any chain: once a timespan old, the key can only fire after a new first hit
                .append("@name('").append(prefix).append("_gc') on Tick as tk delete from ").append(table)
                .append(" as o where o.s0 < tk.time - ").append(spanMillis).append(";\n");
        return s.toString();
    }

    private String measure() {
        return switch (rule.type()) {
            case EVENT_COUNT -> "count(*)";
            case VALUE_COUNT -> "count(distinct v)";
            case TEMPORAL, TEMPORAL_ORDERED -> "count(distinct idx)";
            case VALUE_SUM -> "sum(num)";
            case VALUE_AVG -> "avg(num)";
            case VALUE_PERCENTILE -> NearestRank.NAME + "(num, "
                    + (rule.condition().percentile() == null ? 50 : rule.condition().percentile()) + ")";
        };
    }

    /** The condition's bounds on {@code m}, as detection's {@code CorrelationCondition.test}. */
    private String condition(String m) {
        CorrelationCondition c = rule.condition();
        List<String> parts = new ArrayList<>(2);
        if (c.lower() != null) {
            parts.add(m + (c.lowerInclusive() ? " >= " : " > ") + number(c.lower()));
        }
        if (c.upper() != null) {
            parts.add(m + (c.upperInclusive() ? " <= " : " < ") + number(c.upper()));
        }
        if (c.eq() != null) {
            parts.add(m + " = " + number(c.eq()));
        }
        if (c.neq() != null) {
            parts.add(m + " != " + number(c.neq()));
        }
        return parts.isEmpty() ? "true" : String.join(" and ", parts);
    }

    private static String number(double d) {
        return "cast(" + literal(Double.toString(d)) + ", double)";
    }

    /** The fields (group-by or condition names) as this rule's events spell them, {@code |}-joined. */
    private String fields(List<String> names, String ruleRef) {
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            Map<String, String> alias = rule.aliases().get(name);
            out.add(alias != null && alias.containsKey(ruleRef) ? alias.get(ruleRef) : name);
        }
        return String.join("|", out);
    }

    private String references() {
        List<String> refs = new ArrayList<>();
        for (String r : rule.rules()) {
            refs.add(literal(r));
        }
        return String.join(", ", refs);
    }

    /** An EPL string literal. */
    static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
