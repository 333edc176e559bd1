package org.fenghuo.events;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

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
            FindingJson.writeThreat(o, a.tactics(), a.techniques());
            FindingJson.writeRelated(o, a.entities());
            o.open("fenghuo");
            o.str("severity", a.severity().value());
            FindingJson.writeCategory(o, a.category());
            o.strList("event_ids", a.eventIds());
            FindingJson.writeEntities(o, a.entities());
            o.close();
            o.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }
}
