package org.fenghuo.events;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code dns.*}, the one component with an array of objects ({@code dns.answers}). */
final class EcsJsonDnsReader {
    private EcsJsonDnsReader() {
    }

    static SecurityEvent.Dns dns(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("dns");
        if (o == null) {
            return null;
        }
        String qName = null;
        String qType = null;
        String qClass = null;
        JsonObj q = o.obj("question");
        if (q != null) {
            qName = q.str("name");
            qType = q.str("type");
            qClass = q.str("class");
            JsonObj.dropIfEmpty(o, "question");
        }
        List<SecurityEvent.DnsAnswer> answers = answers(o);
        var v = new SecurityEvent.Dns(o.str("id"), o.str("type"), o.str("op_code"), qName, qType, qClass,
                o.str("response_code"), o.strList("header_flags"), answers, o.strList("resolved_ip"));
        JsonObj.dropIfEmpty(r, "dns");
        return EcsJsonReader.allNull(v.id(), v.type(), v.opCode(), qName, qType, qClass, v.responseCode(),
                v.headerFlags(), answers, v.resolvedIp()) ? null : v;
    }

    /**
     * Every element becomes an answer, even an empty one, so that unknown fields left in the
     * tree keep the index of the answer they belong to (the writer merges them back by index).
     */
    private static List<SecurityEvent.DnsAnswer> answers(JsonObj dns) throws EcsJsonException {
        List<JsonObj> elements = dns.objList("answers");
        if (elements == null) {
            return null;
        }
        List<SecurityEvent.DnsAnswer> out = new ArrayList<>(elements.size());
        for (JsonObj a : elements) {
            out.add(new SecurityEvent.DnsAnswer(a.str("name"), a.str("type"), a.str("class"), a.str("data"),
                    a.int64("ttl")));
        }
        dns.dropIfEmpty("answers");
        return out.isEmpty() ? null : out;
    }
}
