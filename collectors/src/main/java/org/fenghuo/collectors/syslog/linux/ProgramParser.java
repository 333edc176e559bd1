package org.fenghuo.collectors.syslog.linux;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/** A program's parser that is only its name, its app-names and its message shapes. */
abstract class ProgramParser implements PayloadParser {

    private final String name;
    private final Predicate<String> isProgram;
    private final List<Shape> shapes;

    ProgramParser(String name, Predicate<String> isProgram, List<Shape> shapes) {
        this.name = Objects.requireNonNull(name, "name");
        this.isProgram = Objects.requireNonNull(isProgram, "isProgram");
        this.shapes = List.copyOf(shapes);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final PayloadResult parse(PayloadInput input) {
        return ProgramLines.parse(input, isProgram, name, shapes);
    }
}
