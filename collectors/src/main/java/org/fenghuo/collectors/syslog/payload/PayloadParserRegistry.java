package org.fenghuo.collectors.syslog.payload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.fenghuo.collectors.syslog.payload.cef.CefParser;
import org.fenghuo.collectors.syslog.payload.cisco.CiscoAsaParser;
import org.fenghuo.collectors.syslog.payload.fortigate.FortiGateParser;
import org.fenghuo.collectors.syslog.payload.h3c.H3cParser;
import org.fenghuo.collectors.syslog.payload.huawei.HuaweiUsgParser;
import org.fenghuo.collectors.syslog.payload.json.JsonPayloadParser;
import org.fenghuo.collectors.syslog.payload.kv.KeyValueParser;
import org.fenghuo.collectors.syslog.payload.leef.LeefParser;
import org.fenghuo.collectors.syslog.payload.paloalto.PanOsParser;

/** Payload parsers by name, in registration order. Immutable; {@link #with} returns a new registry. */
public final class PayloadParserRegistry {

    private final Map<String, PayloadParser> byName;

    private PayloadParserRegistry(Map<String, PayloadParser> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static PayloadParserRegistry empty() {
        return new PayloadParserRegistry(new LinkedHashMap<>());
    }

    /** The vendor and generic formats of this package (CEF, LEEF, JSON, firewalls, key=value). */
    public static PayloadParserRegistry standard() {
        return empty().with(new CefParser()).with(new LeefParser()).with(new JsonPayloadParser())
                .with(new CiscoAsaParser()).with(new FortiGateParser()).with(new PanOsParser())
                .with(new HuaweiUsgParser()).with(new H3cParser()).with(new KeyValueParser());
    }

    /** @throws IllegalArgumentException when a parser of that name is already registered */
    public PayloadParserRegistry with(PayloadParser parser) {
        Objects.requireNonNull(parser, "parser");
        if (byName.containsKey(parser.name())) {
            throw new IllegalArgumentException("payload parser '" + parser.name() + "' registered twice");
        }
        Map<String, PayloadParser> copy = new LinkedHashMap<>(byName);
        copy.put(parser.name(), parser);
        return new PayloadParserRegistry(copy);
    }

    /** @throws IllegalArgumentException naming the unknown parser and the known ones */
    public PayloadParser require(String name, String where) {
        PayloadParser parser = byName.get(name);
        if (parser == null) {
            throw new IllegalArgumentException(where + ": unknown payload parser '" + name + "' (known: "
                    + String.join(", ", byName.keySet()) + ")");
        }
        return parser;
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
