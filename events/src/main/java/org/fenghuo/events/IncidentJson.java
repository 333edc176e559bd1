package org.fenghuo.events;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ECS JSON for an {@link Incident}, the document of {@code fenghuo-incidents-*} and the value on
 * Kafka {@code fenghuo.incidents}:
 * <pre>
 * {"@timestamp":"(created)","message":"(title)",
 *  "event":{"kind":"state","id":"...","risk_score":88},
 *  "threat":{"framework":"MITRE ATT&amp;CK","tactic":{"id":[...],"name":[...]},"technique":{"id":[...],"name":[...]}},
 *  "related":{"ip":[...],"user":[...],"hosts":[...]},
 *  "fenghuo":{"severity":"critical",
 *             "entities":{"source_ip":[...],"destination_ip":[...],"user":[...],"host":[...]},
 *             "incident":{"title":"...","status":"open","updated":"...","alert_ids":["a1","a2"],"alert_count":2,
 *                         "category":{"code":"02","name":"网络攻击事件","name_en":"Network attack incident"},
 *                         "warning_level":"orange","warning_name":"橙色预警","warning_name_en":"Orange warning",
 *                         "level":"II","level_number":2,"level_name":"重大事件","level_name_en":"Serious incident"}}}
 * </pre>
 *
 * <p>{@code event.kind} is {@value #EVENT_KIND}. ECS has no "incident" kind. The document is the
 * incident's <em>current state</em>: it is overwritten in place each time an alert joins or the
 * status changes, which is what ECS's {@code state} stands for (a condition of an entity at a
 * point in time). {@code alert} would make every incident count again in the many
 * {@code event.kind:alert} queries over alerts, and {@code signal} is reserved for alerts made
 * by Kibana's own detection engine.
 *
 * <p>The GB/T 20986 level (I-IV) follows from the warning level: the national emergency plan
 * ties each colour to one level, so both are written together, and neither when no warning is due.
 */
public final class IncidentJson {
    public static final String EVENT_KIND = "state";

    private IncidentJson() {
    }

    public static String toJson(Incident i) {
        StringWriter out = new StringWriter(768);
        try (JsonGenerator gen = JsonTreeParser.FACTORY.createGenerator(out)) {
            LazyJsonOut o = new LazyJsonOut(gen);
            o.openRoot();
            o.instant("@timestamp", i.created());
            o.str("message", i.title());
            o.open("event");
            o.str("kind", EVENT_KIND);
            o.str("id", i.id());
            o.num("risk_score", i.riskScore());
            o.close();
            FindingJson.writeThreat(o, i.tactics(), i.techniques());
            FindingJson.writeRelated(o, i.entities());
            o.open("fenghuo");
            o.str("severity", i.severity().value());
            FindingJson.writeEntities(o, i.entities());
            o.open("incident");
            o.str("title", i.title());
            o.str("status", i.status().value());
            o.instant("updated", i.updated());
            o.strList("alert_ids", i.alertIds());
            o.num("alert_count", i.alertIds().size());
            FindingJson.writeCategory(o, i.category());
            writeWarning(o, i.warningLevel());
            o.close();
            o.close();
            o.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static void writeWarning(LazyJsonOut o, WarningLevel w) throws IOException {
        if (w == null) {
            return;
        }
        o.str("warning_level", w.value());
        o.str("warning_name", w.chineseName());
        o.str("warning_name_en", w.englishName());
        o.str("level", w.gbLevel());
        o.num("level_number", w.levelNumber());
        o.str("level_name", w.incidentLevelChinese());
        o.str("level_name_en", w.incidentLevelEnglish());
    }
}
