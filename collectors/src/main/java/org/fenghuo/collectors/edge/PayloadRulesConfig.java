package org.fenghuo.collectors.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.fenghuo.collectors.syslog.payload.PayloadParserRegistry;
import org.fenghuo.collectors.syslog.payload.PayloadRule;
import org.fenghuo.collectors.syslog.payload.PayloadRules;

/**
 * {@code payload_rules} of a syslog input: absent means the default rules (every standard parser
 * by its signature, key=value last); an empty list means no payload parsing; otherwise the rules
 * in order, each {@code {parser, host, app_name, pattern}}.
 */
final class PayloadRulesConfig {

    private PayloadRulesConfig() {
    }

    /** @return the rules, or null after reporting a problem on {@code settings} */
    static PayloadRules read(ConfigNode settings) {
        PayloadParserRegistry registry = PayloadParserRegistry.standard();
        List<ConfigNode> entries = settings.sections("payload_rules");
        if (entries == null) {
            return PayloadRules.defaults(registry);
        }
        List<PayloadRule> rules = new ArrayList<>();
        boolean ok = true;
        for (ConfigNode entry : entries) {
            String parser = entry.string("parser", null);
            String host = entry.string("host", null);
            String appName = entry.string("app_name", null);
            String regex = entry.string("pattern", null);
            entry.rejectUnknownKeys();
            if (parser == null) {
                entry.problem("parser", "is required: one of " + String.join(", ", registry.names()));
                ok = false;
                continue;
            }
            if (!registry.names().contains(parser)) {
                entry.problem("parser", "is not a payload parser; known: " + String.join(", ", registry.names()));
                ok = false;
                continue;
            }
            Pattern pattern = null;
            if (regex != null) {
                try {
                    pattern = Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    entry.problem("pattern", "is not a Java regular expression: " + e.getDescription());
                    ok = false;
                    continue;
                }
            }
            rules.add(new PayloadRule(parser, host, appName, pattern));
        }
        return ok ? PayloadRules.of(rules, registry) : null;
    }
}
