package org.fenghuo.events;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * ECS JSON for an {@link Alert}, the document of {@code fenghuo-alerts-*} and the value on Kafka
 * {@code fenghuo.alerts}:
 * <pre>
 * {"@timestamp":"...","message":"12 failed logins from 203.0.113.9",
 *  "event":{"kind":"alert","id":"...","risk_score":73},
 *  "rule":{"id":"...","name":"SSH brute force","version":"3"},
 *  "threat":{"framework":"MITRE ATT&amp;CK","tactic":{"id":["TA0006"],"name":["Credential Access"]},
 *            "technique":{"id":["T1110.001"],"name":["..."]}},
 *  "related":{"ip":["203.0.113.9","10.0.0.1"],"user":["root"],"hosts":[]},
 *  "fenghuo":{"severity":"high","category":{"code":"02","name":"网络攻击事件","name_en":"Network attack incident"},
 *             "event_ids":["e1","e2"],"entities":{"source_ip":[...],"destination_ip":[...],"user":[...],"host":[...]}}}
 * </pre>
 * {@code related.*} is where ECS puts every address, user and host an alert touches, so Kibana's
 * pivots work; {@code fenghuo.entities} keeps their roles.
 */
public final class AlertJson {
    public static final String EVENT_KIND = "alert";

    private AlertJson() {
    }

    public static String toJson(Alert a) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator gen = JsonTreeParser.FACTORY.createGenerator(out)) {
            LazyJsonOut o = new LazyJsonOut(gen);
            o.openRoot();
            o.instant("@timestamp", a.timestamp());
            o.str("message", a.message());
            o.open("event");
            o.str("kind", EVENT_KIND);
            o.str("id", a.id());
            o.num("risk_score", a.riskScore());
            o.close();
            o.open("rule");
            o.str("id", a.ruleId());
            o.str("name", a.ruleName());
            o.str("version", a.ruleVersion());
            o.close();
            if (!a.tactics().isEmpty() || !a.techniques().isEmpty()) {
                o.open("threat");
                o.str("framework", "MITRE ATT&CK");
                o.open("tactic");
                o.strList("id", map(a.tactics(), AttackTactic::id));
                o.strList("name", map(a.tactics(), AttackTactic::displayName));
                o.close();
                o.open("technique");
                o.strList("id", map(a.techniques(), AttackTechnique::id));
                o.strList("name", map(a.techniques(), AttackTechnique::name));
                o.close();
                o.close();
            }
            Entities e = a.entities();
            o.open("related");
            List<String> ips = new ArrayList<>(e.sourceIps());
            e.destinationIps().stream().filter(ip -> !ips.contains(ip)).forEach(ips::add);
            o.strList("ip", ips);
            o.strList("user", e.users());
            o.strList("hosts", e.hosts());
            o.close();
            o.open("fenghuo");
            o.str("severity", a.severity().value());
            o.open("category");
            o.str("code", a.category().code());
            o.str("name", a.category().chineseName());
            o.str("name_en", a.category().englishName());
            o.close();
            o.strList("event_ids", a.eventIds());
            o.open("entities");
            o.strList("source_ip", e.sourceIps());
            o.strList("destination_ip", e.destinationIps());
            o.strList("user", e.users());
            o.strList("host", e.hosts());
            o.close();
            o.close();
            o.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static <T> List<String> map(List<T> values, Function<T, String> f) {
        List<String> out = new ArrayList<>(values.size());
        for (T v : values) {
            String s = f.apply(v);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
