package org.fenghuo.events;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes {@code dns.*}; unknown fields of the i-th answer sit at index i of {@code extra.dns.answers}. */
final class EcsJsonDnsWriter {
    private static final SecurityEvent.DnsAnswer NO_ANSWER = new SecurityEvent.DnsAnswer(null, null, null, null, null);

    private static final Set<String> KIDS_DNS_QUESTION = EcsFields.childrenOf("dns.question");
    private static final Set<String> KIDS_DNS = EcsFields.childrenOf("dns");
    private static final Set<String> KIDS_DNS_ANSWERS = EcsFields.childrenOf("dns.answers");

    private EcsJsonDnsWriter() {
    }

    static void dns(LazyJsonOut o, SecurityEvent.Dns v, Map<String, Object> x) throws IOException {
        o.open(EcsNames.DNS);
        if (v != null) {
            o.str(EcsNames.ID, v.id());
            o.str(EcsNames.TYPE, v.type());
            o.str(EcsNames.OP_CODE, v.opCode());
        }
        o.open(EcsNames.QUESTION);
        if (v != null) {
            o.str(EcsNames.NAME, v.questionName());
            o.str(EcsNames.TYPE, v.questionType());
            o.str(EcsNames.CLASS, v.questionClass());
        }
        o.extra(EcsJsonWriter.sub(x, "question"), KIDS_DNS_QUESTION);
        o.close();
        if (v != null) {
            o.str(EcsNames.RESPONSE_CODE, v.responseCode());
            o.strList(EcsNames.HEADER_FLAGS, v.headerFlags());
        }
        answers(o, v == null ? null : v.answers(), x == null ? null : x.get("answers"));
        if (v != null) {
            o.strList(EcsNames.RESOLVED_IP, v.resolvedIp());
        }
        o.extra(x, KIDS_DNS);
        o.close();
    }

    /**
     * The model's answers, each merged with the extra element at its index. Extra elements past
     * the model's last answer are written as answers of their own, so nothing is dropped.
     */
    @SuppressWarnings("unchecked")
    private static void answers(LazyJsonOut o, List<SecurityEvent.DnsAnswer> answers, Object extra) throws IOException {
        List<Object> x = extra instanceof List<?> l ? (List<Object>) l : null;
        int modelled = answers == null ? 0 : answers.size();
        int total = Math.max(modelled, x == null ? 0 : x.size());
        if (total == 0) {
            return;
        }
        o.startArray(EcsNames.ANSWERS);
        for (int i = 0; i < total; i++) {
            SecurityEvent.DnsAnswer a = i < modelled ? answers.get(i) : NO_ANSWER;
            Map<String, Object> ax = x != null && i < x.size() && x.get(i) instanceof Map<?, ?> m
                    ? (Map<String, Object>) m : null;
            o.openElement();
            o.str(EcsNames.NAME, a.name());
            o.str(EcsNames.TYPE, a.type());
            o.str(EcsNames.CLASS, a.dnsClass());
            o.str(EcsNames.DATA, a.data());
            o.num(EcsNames.TTL, a.ttl());
            o.extra(ax, KIDS_DNS_ANSWERS);
            o.close();
        }
        o.endArray();
    }
}
