package org.fenghuo.collectors.syslog.linux;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/**
 * One message shape a program writes: which messages it claims (a cheap prefix test), the whole
 * pattern, and how the groups map to ECS. A message a shape claims but whose pattern does not
 * match is that program's message gone wrong (Malformed), not someone else's (NotMine).
 *
 * @param name    what the shape is, for the Malformed reason
 * @param claims  true when the message is this shape's, e.g. it starts with {@code Accepted }
 * @param pattern the whole message
 * @param mapping groups to fields
 */
public record Shape(String name, Predicate<String> claims, Pattern pattern, Mapping mapping) {

    /** Writes one matched message's fields. */
    @FunctionalInterface
    public interface Mapping {
        void map(Matcher m, Out out);
    }

    /** A shape claiming messages that start with {@code prefix}. */
    public static Shape startingWith(String prefix, String regex, Mapping mapping) {
        return new Shape(prefix.strip(), m -> m.startsWith(prefix), Pattern.compile(regex), mapping);
    }

    /**
     * The first shape claiming {@code message} decides: Parsed, or Malformed when its pattern does
     * not match or its mapping found a problem; NotMine when no shape claims it.
     *
     * @param out receives the fields; the caller may have put some already (e.g. a repeat count)
     */
    public static PayloadResult read(String parser, List<Shape> shapes, String message, Out out) {
        for (Shape shape : shapes) {
            if (!shape.claims().test(message)) {
                continue;
            }
            Matcher m = shape.pattern().matcher(message);
            if (!m.matches()) {
                return new PayloadResult.Malformed(parser + ": a '" + shape.name()
                        + "' message that does not read as " + shape.pattern().pattern());
            }
            shape.mapping().map(m, out);
            if (out.problem() != null) {
                return new PayloadResult.Malformed(parser + ": '" + shape.name() + "' message: " + out.problem());
            }
            return new PayloadResult.Parsed(out.fields());
        }
        return PayloadResult.NOT_MINE;
    }
}
