package org.fenghuo.events;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * A compact binary form of {@link SecurityEvent} for the hops inside one job (network buffers
 * between operators, operator state), where writing and parsing the ECS JSON form took more than
 * half of a keyed operator's CPU.
 *
 * <p>Exact: reading gives an event equal to the one written, with the same number types in
 * {@code extra}, instants to the nanosecond and every char of every string (lone surrogates too),
 * which JSON does not promise. Each record is a bit mask of its non-null components followed by
 * those components in declaration order; numbers are zig-zag varints, strings Latin-1 bytes or
 * UTF-16 chars. The first byte, {@link #FORMAT}, is at least 0x80, so a reader can tell this form
 * from one that starts with a big-endian length (the JSON form of the job's serializer).
 *
 * <p>Not an exchange or archive format: events leave the job as ECS JSON.
 */
public final class SecurityEventBinary {
    /** First byte of every record: binary form, version 1. */
    public static final int FORMAT = 0x81;
    /**
     * Nesting of {@code extra} written and read; the ECS JSON reader stops at {@link JsonTreeParser#MAX_DEPTH},
     * so only a hand-built tree comes near it, and recursion this deep still fits a thread's stack.
     */
    static final int MAX_DEPTH = 512;
    /** Strings longer than this are read in growing pieces. */
    private static final int CHUNK = 1 << 16;

    private static final int T_NULL = 0;
    private static final int T_STRING = 1;
    private static final int T_TRUE = 2;
    private static final int T_FALSE = 3;
    private static final int T_INT = 4;
    private static final int T_LONG = 5;
    private static final int T_DOUBLE = 6;
    private static final int T_FLOAT = 7;
    private static final int T_SHORT = 8;
    private static final int T_BYTE = 9;
    private static final int T_BIG_INTEGER = 10;
    private static final int T_BIG_DECIMAL = 11;
    private static final int T_MAP = 12;
    private static final int T_LIST = 13;

    private SecurityEventBinary() {
    }

    /** Writes {@link #FORMAT} and the event. */
    public static void write(SecurityEvent e, DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        int m = bit(e.timestamp(), 0) | bit(e.message(), 1) | bit(e.tags(), 2) | bit(e.labels(), 3)
                | bit(e.event(), 4) | bit(e.source(), 5) | bit(e.destination(), 6) | bit(e.network(), 7)
                | bit(e.observer(), 8) | bit(e.host(), 9) | bit(e.user(), 10) | bit(e.process(), 11)
                | bit(e.log(), 12) | bit(e.dns(), 13) | bit(e.http(), 14) | bit(e.url(), 15)
                | bit(e.userAgent(), 16) | bit(e.tls(), 17) | bit(e.fenghuo(), 18) | bit(e.extra(), 19);
        varInt(out, m);
        if (e.timestamp() != null) {
            instant(out, e.timestamp());
        }
        str(out, e.message());
        strList(out, e.tags());
        if (e.labels() != null) {
            varInt(out, e.labels().size());
            for (Map.Entry<String, String> l : e.labels().entrySet()) {
                str(out, l.getKey());
                str(out, l.getValue());
            }
        }
        if (e.event() != null) {
            eventInfo(out, e.event());
        }
        if (e.source() != null) {
            endpoint(out, e.source());
        }
        if (e.destination() != null) {
            endpoint(out, e.destination());
        }
        if (e.network() != null) {
            network(out, e.network());
        }
        if (e.observer() != null) {
            observer(out, e.observer());
        }
        if (e.host() != null) {
            SecurityEvent.Host h = e.host();
            varInt(out, bit(h.hostname(), 0) | bit(h.name(), 1) | bit(h.ip(), 2));
            str(out, h.hostname());
            str(out, h.name());
            strList(out, h.ip());
        }
        if (e.user() != null) {
            SecurityEvent.User u = e.user();
            varInt(out, bit(u.name(), 0) | bit(u.id(), 1) | bit(u.domain(), 2));
            str(out, u.name());
            str(out, u.id());
            str(out, u.domain());
        }
        if (e.process() != null) {
            SecurityEvent.Process p = e.process();
            varInt(out, bit(p.name(), 0) | bit(p.pid(), 1));
            str(out, p.name());
            num(out, p.pid());
        }
        if (e.log() != null) {
            log(out, e.log());
        }
        if (e.dns() != null) {
            dns(out, e.dns());
        }
        if (e.http() != null) {
            http(out, e.http());
        }
        if (e.url() != null) {
            url(out, e.url());
        }
        str(out, e.userAgent());
        if (e.tls() != null) {
            tls(out, e.tls());
        }
        if (e.fenghuo() != null) {
            SecurityEvent.FenghuoFields f = e.fenghuo();
            varInt(out, bit(f.input(), 0) | bit(f.flowId(), 1) | bit(f.ics(), 2));
            str(out, f.input());
            str(out, f.flowId());
            if (f.ics() != null) {
                ics(out, f.ics());
            }
        }
        if (e.extra() != null) {
            tree(out, e.extra(), 1);
        }
    }

    /** Reads an event written by {@link #write}, first byte included. */
    public static SecurityEvent read(DataInput in) throws IOException {
        int format = in.readUnsignedByte();
        if (format != FORMAT) {
            throw new IOException(String.format("not a binary SecurityEvent: first byte 0x%02x, expected 0x%02x",
                    format, FORMAT));
        }
        return readAfterFormat(in);
    }

    /** Reads the rest of an event whose first byte, {@link #FORMAT}, the caller has already read. */
    public static SecurityEvent readAfterFormat(DataInput in) throws IOException {
        int m = mask(in, 20);
        try {
            return new SecurityEvent(
                    has(m, 0) ? instant(in) : null,
                    has(m, 1) ? str(in) : null,
                    has(m, 2) ? strList(in) : null,
                    has(m, 3) ? labels(in) : null,
                    has(m, 4) ? eventInfo(in) : null,
                    has(m, 5) ? endpoint(in) : null,
                    has(m, 6) ? endpoint(in) : null,
                    has(m, 7) ? network(in) : null,
                    has(m, 8) ? observer(in) : null,
                    has(m, 9) ? host(in) : null,
                    has(m, 10) ? user(in) : null,
                    has(m, 11) ? process(in) : null,
                    has(m, 12) ? log(in) : null,
                    has(m, 13) ? dns(in) : null,
                    has(m, 14) ? http(in) : null,
                    has(m, 15) ? url(in) : null,
                    has(m, 16) ? str(in) : null,
                    has(m, 17) ? tls(in) : null,
                    has(m, 18) ? fenghuo(in) : null,
                    has(m, 19) ? tree(in, 1) : null);
        } catch (RuntimeException e) {
            // a record constructor refusing what was read (a null list element, ...): not our bytes
            throw new IOException("corrupt binary SecurityEvent: " + e, e);
        }
    }

    // --- records ---

    private static void eventInfo(DataOutput out, SecurityEvent.EventInfo e) throws IOException {
        varInt(out, bit(e.id(), 0) | bit(e.kind(), 1) | bit(e.category(), 2) | bit(e.type(), 3)
                | bit(e.action(), 4) | bit(e.outcome(), 5) | bit(e.module(), 6) | bit(e.dataset(), 7)
                | bit(e.provider(), 8) | bit(e.severity(), 9) | bit(e.original(), 10) | bit(e.created(), 11)
                | bit(e.ingested(), 12) | bit(e.start(), 13) | bit(e.end(), 14) | bit(e.duration(), 15));
        str(out, e.id());
        str(out, e.kind());
        strList(out, e.category());
        strList(out, e.type());
        str(out, e.action());
        str(out, e.outcome());
        str(out, e.module());
        str(out, e.dataset());
        str(out, e.provider());
        num(out, e.severity());
        str(out, e.original());
        optInstant(out, e.created());
        optInstant(out, e.ingested());
        optInstant(out, e.start());
        optInstant(out, e.end());
        num(out, e.duration());
    }

    private static SecurityEvent.EventInfo eventInfo(DataInput in) throws IOException {
        int m = mask(in, 16);
        return new SecurityEvent.EventInfo(
                has(m, 0) ? str(in) : null, has(m, 1) ? str(in) : null, has(m, 2) ? strList(in) : null,
                has(m, 3) ? strList(in) : null, has(m, 4) ? str(in) : null, has(m, 5) ? str(in) : null,
                has(m, 6) ? str(in) : null, has(m, 7) ? str(in) : null, has(m, 8) ? str(in) : null,
                has(m, 9) ? integer(in) : null, has(m, 10) ? str(in) : null, has(m, 11) ? instant(in) : null,
                has(m, 12) ? instant(in) : null, has(m, 13) ? instant(in) : null, has(m, 14) ? instant(in) : null,
                has(m, 15) ? varLong(in) : null);
    }

    private static void endpoint(DataOutput out, SecurityEvent.Endpoint e) throws IOException {
        varInt(out, bit(e.ip(), 0) | bit(e.port(), 1) | bit(e.address(), 2) | bit(e.domain(), 3) | bit(e.mac(), 4)
                | bit(e.bytes(), 5) | bit(e.packets(), 6));
        str(out, e.ip());
        num(out, e.port());
        str(out, e.address());
        str(out, e.domain());
        str(out, e.mac());
        num(out, e.bytes());
        num(out, e.packets());
    }

    private static SecurityEvent.Endpoint endpoint(DataInput in) throws IOException {
        int m = mask(in, 7);
        return new SecurityEvent.Endpoint(has(m, 0) ? str(in) : null, has(m, 1) ? integer(in) : null,
                has(m, 2) ? str(in) : null, has(m, 3) ? str(in) : null, has(m, 4) ? str(in) : null,
                has(m, 5) ? varLong(in) : null, has(m, 6) ? varLong(in) : null);
    }

    private static void network(DataOutput out, SecurityEvent.Network n) throws IOException {
        varInt(out, bit(n.transport(), 0) | bit(n.type(), 1) | bit(n.protocol(), 2) | bit(n.application(), 3)
                | bit(n.direction(), 4) | bit(n.communityId(), 5) | bit(n.ianaNumber(), 6) | bit(n.bytes(), 7)
                | bit(n.packets(), 8) | bit(n.vlanId(), 9));
        str(out, n.transport());
        str(out, n.type());
        str(out, n.protocol());
        str(out, n.application());
        str(out, n.direction());
        str(out, n.communityId());
        str(out, n.ianaNumber());
        num(out, n.bytes());
        num(out, n.packets());
        str(out, n.vlanId());
    }

    private static SecurityEvent.Network network(DataInput in) throws IOException {
        int m = mask(in, 10);
        return new SecurityEvent.Network(has(m, 0) ? str(in) : null, has(m, 1) ? str(in) : null,
                has(m, 2) ? str(in) : null, has(m, 3) ? str(in) : null, has(m, 4) ? str(in) : null,
                has(m, 5) ? str(in) : null, has(m, 6) ? str(in) : null, has(m, 7) ? varLong(in) : null,
                has(m, 8) ? varLong(in) : null, has(m, 9) ? str(in) : null);
    }

    private static void observer(DataOutput out, SecurityEvent.Observer o) throws IOException {
        varInt(out, bit(o.hostname(), 0) | bit(o.ip(), 1) | bit(o.name(), 2) | bit(o.type(), 3)
                | bit(o.vendor(), 4) | bit(o.product(), 5));
        str(out, o.hostname());
        strList(out, o.ip());
        str(out, o.name());
        str(out, o.type());
        str(out, o.vendor());
        str(out, o.product());
    }

    private static SecurityEvent.Observer observer(DataInput in) throws IOException {
        int m = mask(in, 6);
        return new SecurityEvent.Observer(has(m, 0) ? str(in) : null, has(m, 1) ? strList(in) : null,
                has(m, 2) ? str(in) : null, has(m, 3) ? str(in) : null, has(m, 4) ? str(in) : null,
                has(m, 5) ? str(in) : null);
    }

    private static SecurityEvent.Host host(DataInput in) throws IOException {
        int m = mask(in, 3);
        return new SecurityEvent.Host(has(m, 0) ? str(in) : null, has(m, 1) ? str(in) : null,
                has(m, 2) ? strList(in) : null);
    }

    private static SecurityEvent.User user(DataInput in) throws IOException {
        int m = mask(in, 3);
        return new SecurityEvent.User(has(m, 0) ? str(in) : null, has(m, 1) ? str(in) : null,
                has(m, 2) ? str(in) : null);
    }

    private static SecurityEvent.Process process(DataInput in) throws IOException {
        int m = mask(in, 2);
        return new SecurityEvent.Process(has(m, 0) ? str(in) : null, has(m, 1) ? varLong(in) : null);
    }

    private static void log(DataOutput out, SecurityEvent.Log l) throws IOException {
        varInt(out, bit(l.level(), 0) | bit(l.logger(), 1) | bit(l.filePath(), 2) | bit(l.offset(), 3)
                | bit(l.syslog(), 4));
        str(out, l.level());
        str(out, l.logger());
        str(out, l.filePath());
        num(out, l.offset());
        if (l.syslog() != null) {
            syslog(out, l.syslog());
        }
    }

    private static SecurityEvent.Log log(DataInput in) throws IOException {
        int m = mask(in, 5);
        return new SecurityEvent.Log(has(m, 0) ? str(in) : null, has(m, 1) ? str(in) : null,
                has(m, 2) ? str(in) : null, has(m, 3) ? varLong(in) : null, has(m, 4) ? syslog(in) : null);
    }

    private static void syslog(DataOutput out, SecurityEvent.Syslog s) throws IOException {
        varInt(out, bit(s.facilityCode(), 0) | bit(s.facilityName(), 1) | bit(s.severityCode(), 2)
                | bit(s.severityName(), 3) | bit(s.priority(), 4) | bit(s.hostname(), 5) | bit(s.appname(), 6)
                | bit(s.procid(), 7) | bit(s.msgid(), 8) | bit(s.version(), 9) | bit(s.structuredData(), 10));
        num(out, s.facilityCode());
        str(out, s.facilityName());
        num(out, s.severityCode());
        str(out, s.severityName());
        num(out, s.priority());
        str(out, s.hostname());
        str(out, s.appname());
        str(out, s.procid());
        str(out, s.msgid());
        str(out, s.version());
        if (s.structuredData() != null) {
            varInt(out, s.structuredData().size());
            for (Map.Entry<String, Map<String, String>> element : s.structuredData().entrySet()) {
                str(out, element.getKey());
                varInt(out, element.getValue().size());
                for (Map.Entry<String, String> p : element.getValue().entrySet()) {
                    str(out, p.getKey());
                    str(out, p.getValue());
                }
            }
        }
    }

    private static SecurityEvent.Syslog syslog(DataInput in) throws IOException {
        int m = mask(in, 11);
        return new SecurityEvent.Syslog(has(m, 0) ? integer(in) : null, has(m, 1) ? str(in) : null,
                has(m, 2) ? integer(in) : null, has(m, 3) ? str(in) : null, has(m, 4) ? integer(in) : null,
                has(m, 5) ? str(in) : null, has(m, 6) ? str(in) : null, has(m, 7) ? str(in) : null,
                has(m, 8) ? str(in) : null, has(m, 9) ? str(in) : null, has(m, 10) ? structuredData(in) : null);
    }

    private static Map<String, Map<String, String>> structuredData(DataInput in) throws IOException {
        int elements = count(in);
        Map<String, Map<String, String>> sd = new LinkedHashMap<>();
        for (int i = 0; i < elements; i++) {
            String id = str(in);
            int params = count(in);
            Map<String, String> values = new LinkedHashMap<>();
            for (int j = 0; j < params; j++) {
                values.put(str(in), str(in));
            }
            sd.put(id, values);
        }
        return sd;
    }

    private static void dns(DataOutput out, SecurityEvent.Dns d) throws IOException {
        varInt(out, bit(d.id(), 0) | bit(d.type(), 1) | bit(d.opCode(), 2) | bit(d.questionName(), 3)
                | bit(d.questionType(), 4) | bit(d.questionClass(), 5) | bit(d.responseCode(), 6)
                | bit(d.headerFlags(), 7) | bit(d.answers(), 8) | bit(d.resolvedIp(), 9));
        str(out, d.id());
        str(out, d.type());
        str(out, d.opCode());
        str(out, d.questionName());
        str(out, d.questionType());
        str(out, d.questionClass());
        str(out, d.responseCode());
        strList(out, d.headerFlags());
        if (d.answers() != null) {
            varInt(out, d.answers().size());
            for (SecurityEvent.DnsAnswer a : d.answers()) {
                varInt(out, bit(a.name(), 0) | bit(a.type(), 1) | bit(a.dnsClass(), 2) | bit(a.data(), 3)
                        | bit(a.ttl(), 4));
                str(out, a.name());
                str(out, a.type());
                str(out, a.dnsClass());
                str(out, a.data());
                num(out, a.ttl());
            }
        }
        strList(out, d.resolvedIp());
    }

    private static SecurityEvent.Dns dns(DataInput in) throws IOException {
        int m = mask(in, 10);
        return new SecurityEvent.Dns(has(m, 0) ? str(in) : null, has(m, 1) ? str(in) : null,
                has(m, 2) ? str(in) : null, has(m, 3) ? str(in) : null, has(m, 4) ? str(in) : null,
                has(m, 5) ? str(in) : null, has(m, 6) ? str(in) : null, has(m, 7) ? strList(in) : null,
                has(m, 8) ? answers(in) : null, has(m, 9) ? strList(in) : null);
    }

    private static List<SecurityEvent.DnsAnswer> answers(DataInput in) throws IOException {
        int n = count(in);
        List<SecurityEvent.DnsAnswer> answers = new ArrayList<>(Math.min(n, 64));
        for (int i = 0; i < n; i++) {
            int m = mask(in, 5);
            answers.add(new SecurityEvent.DnsAnswer(has(m, 0) ? str(in) : null, has(m, 1) ? str(in) : null,
                    has(m, 2) ? str(in) : null, has(m, 3) ? str(in) : null, has(m, 4) ? varLong(in) : null));
        }
        return answers;
    }

    private static void http(DataOutput out, SecurityEvent.Http h) throws IOException {
        varInt(out, bit(h.version(), 0) | bit(h.requestMethod(), 1) | bit(h.requestReferrer(), 2)
                | bit(h.requestBytes(), 3) | bit(h.responseStatusCode(), 4) | bit(h.responseBytes(), 5)
                | bit(h.responseMimeType(), 6));
        str(out, h.version());
        str(out, h.requestMethod());
        str(out, h.requestReferrer());
        num(out, h.requestBytes());
        num(out, h.responseStatusCode());
        num(out, h.responseBytes());
        str(out, h.responseMimeType());
    }

    private static SecurityEvent.Http http(DataInput in) throws IOException {
        int m = mask(in, 7);
        return new SecurityEvent.Http(has(m, 0) ? str(in) : null, has(m, 1) ? str(in) : null,
                has(m, 2) ? str(in) : null, has(m, 3) ? varLong(in) : null, has(m, 4) ? integer(in) : null,
                has(m, 5) ? varLong(in) : null, has(m, 6) ? str(in) : null);
    }

    private static void url(DataOutput out, SecurityEvent.Url u) throws IOException {
        varInt(out, bit(u.original(), 0) | bit(u.full(), 1) | bit(u.scheme(), 2) | bit(u.domain(), 3)
                | bit(u.port(), 4) | bit(u.path(), 5) | bit(u.query(), 6));
        str(out, u.original());
        str(out, u.full());
        str(out, u.scheme());
        str(out, u.domain());
        num(out, u.port());
        str(out, u.path());
        str(out, u.query());
    }

    private static SecurityEvent.Url url(DataInput in) throws IOException {
        int m = mask(in, 7);
        return new SecurityEvent.Url(has(m, 0) ? str(in) : null, has(m, 1) ? str(in) : null,
                has(m, 2) ? str(in) : null, has(m, 3) ? str(in) : null, has(m, 4) ? integer(in) : null,
                has(m, 5) ? str(in) : null, has(m, 6) ? str(in) : null);
    }

    private static void tls(DataOutput out, SecurityEvent.Tls t) throws IOException {
        varInt(out, bit(t.version(), 0) | bit(t.versionProtocol(), 1) | bit(t.cipher(), 2) | bit(t.established(), 3)
                | bit(t.clientServerName(), 4) | bit(t.clientJa3(), 5) | bit(t.clientJa4(), 6)
                | bit(t.serverJa3s(), 7));
        str(out, t.version());
        str(out, t.versionProtocol());
        str(out, t.cipher());
        if (t.established() != null) {
            out.writeBoolean(t.established());
        }
        str(out, t.clientServerName());
        str(out, t.clientJa3());
        str(out, t.clientJa4());
        str(out, t.serverJa3s());
    }

    private static SecurityEvent.Tls tls(DataInput in) throws IOException {
        int m = mask(in, 8);
        return new SecurityEvent.Tls(has(m, 0) ? str(in) : null, has(m, 1) ? str(in) : null,
                has(m, 2) ? str(in) : null, has(m, 3) ? in.readBoolean() : null, has(m, 4) ? str(in) : null,
                has(m, 5) ? str(in) : null, has(m, 6) ? str(in) : null, has(m, 7) ? str(in) : null);
    }

    private static SecurityEvent.FenghuoFields fenghuo(DataInput in) throws IOException {
        int m = mask(in, 3);
        return new SecurityEvent.FenghuoFields(has(m, 0) ? str(in) : null, has(m, 1) ? str(in) : null,
                has(m, 2) ? ics(in) : null);
    }

    private static void ics(DataOutput out, SecurityEvent.Ics i) throws IOException {
        varInt(out, bit(i.protocol(), 0) | bit(i.unitId(), 1) | bit(i.functionCode(), 2) | bit(i.function(), 3)
                | bit(i.write(), 4) | bit(i.exception(), 5) | bit(i.address(), 6) | bit(i.quantity(), 7));
        str(out, i.protocol());
        str(out, i.unitId());
        num(out, i.functionCode());
        str(out, i.function());
        if (i.write() != null) {
            out.writeBoolean(i.write());
        }
        str(out, i.exception());
        num(out, i.address());
        num(out, i.quantity());
    }

    private static SecurityEvent.Ics ics(DataInput in) throws IOException {
        int m = mask(in, 8);
        return new SecurityEvent.Ics(has(m, 0) ? str(in) : null, has(m, 1) ? str(in) : null,
                has(m, 2) ? integer(in) : null, has(m, 3) ? str(in) : null, has(m, 4) ? in.readBoolean() : null,
                has(m, 5) ? str(in) : null, has(m, 6) ? varLong(in) : null, has(m, 7) ? varLong(in) : null);
    }

    private static Map<String, String> labels(DataInput in) throws IOException {
        int n = count(in);
        Map<String, String> labels = new HashMap<>(Math.min(n, 64) * 2);
        for (int i = 0; i < n; i++) {
            labels.put(str(in), str(in));
        }
        return labels;
    }

    // --- extra: a canonical JSON tree (see JsonTrees), read back as one without the deep copy ---

    private static void tree(DataOutput out, Map<String, Object> tree, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("extra nests deeper than " + MAX_DEPTH + " levels");
        }
        varInt(out, tree.size());
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            str(out, e.getKey());
            value(out, e.getValue(), depth);
        }
    }

    /**
     * Reads a tree back as the {@link FrozenTree} it was, which {@link SecurityEvent} takes without a
     * copy: so its canonical form is checked here (one-segment names, each once, no null or empty value).
     */
    private static FrozenTree tree(DataInput in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("corrupt binary SecurityEvent: extra nests deeper than " + MAX_DEPTH + " levels");
        }
        int n = count(in);
        if (n == 0) {
            return FrozenTree.EMPTY;
        }
        Object[] slots = new Object[2 * Math.min(n, 1024)];
        Set<String> large = n > 12 ? new HashSet<>() : null;
        for (int i = 0; i < n; i++) {
            if (2 * i + 1 >= slots.length) {
                slots = Arrays.copyOf(slots, Math.min(2 * n, slots.length * 2));
            }
            String name = str(in);
            if (name.isEmpty() || name.indexOf('.') >= 0) {
                throw new IOException("corrupt binary SecurityEvent: extra name \"" + name + "\" is not one segment");
            }
            if (large != null ? !large.add(name) : indexOf(slots, i, name) >= 0) {
                throw new IOException("corrupt binary SecurityEvent: extra name \"" + name + "\" twice in one object");
            }
            Object value = value(in, depth);
            if (JsonTrees.isAbsent(value)) {
                throw new IOException("corrupt binary SecurityEvent: extra name \"" + name + "\" without a value");
            }
            slots[2 * i] = name;
            slots[2 * i + 1] = value;
        }
        return new FrozenTree(slots, n);
    }

    private static int indexOf(Object[] slots, int names, String name) {
        for (int i = 0; i < names; i++) {
            if (slots[2 * i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static void value(DataOutput out, Object v, int depth) throws IOException {
        if (v == null) {
            out.writeByte(T_NULL);
        } else if (v instanceof String s) {
            out.writeByte(T_STRING);
            str(out, s);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? T_TRUE : T_FALSE);
        } else if (v instanceof Integer i) {
            out.writeByte(T_INT);
            varLong(out, i);
        } else if (v instanceof Long l) {
            out.writeByte(T_LONG);
            varLong(out, l);
        } else if (v instanceof Double d) {
            out.writeByte(T_DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Float f) {
            out.writeByte(T_FLOAT);
            out.writeFloat(f);
        } else if (v instanceof Short s) {
            out.writeByte(T_SHORT);
            varLong(out, s);
        } else if (v instanceof Byte b) {
            out.writeByte(T_BYTE);
            varLong(out, b);
        } else if (v instanceof BigInteger b) {
            out.writeByte(T_BIG_INTEGER);
            bytes(out, b.toByteArray());
        } else if (v instanceof BigDecimal b) {
            out.writeByte(T_BIG_DECIMAL);
            bytes(out, b.unscaledValue().toByteArray());
            varLong(out, b.scale());
        } else if (v instanceof AtomicInteger || v instanceof AtomicLong || v instanceof LongAdder
                || v instanceof LongAccumulator) {
            // Number types no reader makes (a hand-built tree): their value, as JSON would keep it
            out.writeByte(T_LONG);
            varLong(out, ((Number) v).longValue());
        } else if (v instanceof Number n) {
            out.writeByte(T_DOUBLE);
            out.writeDouble(n.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            out.writeByte(T_MAP);
            tree(out, (Map<String, Object>) m, depth + 1);
        } else if (v instanceof List<?> list) {
            if (depth >= MAX_DEPTH) {
                throw new IllegalArgumentException("extra nests deeper than " + MAX_DEPTH + " levels");
            }
            out.writeByte(T_LIST);
            varInt(out, list.size());
            for (Object element : list) {
                value(out, element, depth + 1);
            }
        } else {
            throw new IllegalArgumentException("not a JSON value in extra: " + v.getClass().getName());
        }
    }

    private static Object value(DataInput in, int depth) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case T_NULL:
                return null;
            case T_STRING:
                return str(in);
            case T_TRUE:
                return Boolean.TRUE;
            case T_FALSE:
                return Boolean.FALSE;
            case T_INT:
                return integer(in);
            case T_LONG:
                return varLong(in);
            case T_DOUBLE:
                return in.readDouble();
            case T_FLOAT:
                return in.readFloat();
            case T_SHORT:
                return (short) inRange(varLong(in), Short.MIN_VALUE, Short.MAX_VALUE);
            case T_BYTE:
                return (byte) inRange(varLong(in), Byte.MIN_VALUE, Byte.MAX_VALUE);
            case T_BIG_INTEGER:
                return new BigInteger(bigBytes(in));
            case T_BIG_DECIMAL:
                return new BigDecimal(new BigInteger(bigBytes(in)),
                        Math.toIntExact(inRange(varLong(in), Integer.MIN_VALUE, Integer.MAX_VALUE)));
            case T_MAP:
                return tree(in, depth + 1);
            case T_LIST: {
                if (depth >= MAX_DEPTH) {
                    throw new IOException("corrupt binary SecurityEvent: extra nests deeper than " + MAX_DEPTH + " levels");
                }
                int n = count(in);
                List<Object> list = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    list.add(value(in, depth + 1));
                }
                return Collections.unmodifiableList(list);
            }
            default:
                throw new IOException("corrupt binary SecurityEvent: unknown value tag " + tag + " in extra");
        }
    }

    // --- scalars ---

    /** A record's bit mask; a bit beyond its {@code components} means the bytes are not ours. */
    private static int mask(DataInput in, int components) throws IOException {
        int m = varInt(in);
        if (m >>> components != 0) {
            throw new IOException("corrupt binary SecurityEvent: mask 0x" + Integer.toHexString(m) + " of a record with "
                    + components + " components");
        }
        return m;
    }

    private static int bit(Object value, int bit) {
        return value == null ? 0 : 1 << bit;
    }

    private static boolean has(int mask, int bit) {
        return (mask & (1 << bit)) != 0;
    }

    private static void instant(DataOutput out, Instant t) throws IOException {
        varLong(out, t.getEpochSecond());
        varInt(out, t.getNano());
    }

    private static void optInstant(DataOutput out, Instant t) throws IOException {
        if (t != null) {
            instant(out, t);
        }
    }

    private static Instant instant(DataInput in) throws IOException {
        long seconds = varLong(in);
        int nanos = varInt(in);
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException e) {
            throw new IOException("corrupt binary SecurityEvent: instant " + seconds + "s " + nanos + "ns", e);
        }
    }

    private static void num(DataOutput out, Integer v) throws IOException {
        if (v != null) {
            varLong(out, v);
        }
    }

    private static void num(DataOutput out, Long v) throws IOException {
        if (v != null) {
            varLong(out, v);
        }
    }

    private static Integer integer(DataInput in) throws IOException {
        return (int) inRange(varLong(in), Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static long inRange(long v, long min, long max) throws IOException {
        if (v < min || v > max) {
            throw new IOException("corrupt binary SecurityEvent: " + v + " where a number from " + min + " to " + max
                    + " was written");
        }
        return v;
    }

    private static void bytes(DataOutput out, byte[] bytes) throws IOException {
        varInt(out, bytes.length);
        out.write(bytes);
    }

    /** A BigInteger's two's-complement bytes: at least one. */
    private static byte[] bigBytes(DataInput in) throws IOException {
        int n = count(in);
        if (n == 0) {
            throw new IOException("corrupt binary SecurityEvent: a big number of no bytes");
        }
        return readBytes(in, n);
    }

    private static void strList(DataOutput out, List<String> values) throws IOException {
        if (values != null) {
            varInt(out, values.size());
            for (String v : values) {
                str(out, v);
            }
        }
    }

    private static List<String> strList(DataInput in) throws IOException {
        int n = count(in);
        List<String> values = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            values.add(str(in));
        }
        return values;
    }

    /**
     * A string of chars up to U+00FF as Latin-1 bytes (length doubled), any other as UTF-16 chars
     * (length doubled plus one), so every char comes back, lone surrogates included. Null is skipped:
     * the record's bit mask says which strings follow.
     */
    private static void str(DataOutput out, String s) throws IOException {
        if (s == null) {
            return;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) > 0xFF) {
                Varints.writeUnsigned(out, 2L * n + 1);
                out.writeChars(s);
                return;
            }
        }
        Varints.writeUnsigned(out, 2L * n);
        // not out.writeBytes(s): Flink's DataOutputSerializer advances its position twice there
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String str(DataInput in) throws IOException {
        long header = Varints.readUnsigned(in);
        long n = header >>> 1;
        if (n > Integer.MAX_VALUE) {
            throw new IOException("corrupt binary SecurityEvent: a string of " + n + " chars");
        }
        if ((header & 1) == 0) {
            return new String(readBytes(in, (int) n), StandardCharsets.ISO_8859_1);
        }
        byte[] utf16 = readBytes(in, Math.multiplyExact((int) n, 2));
        char[] chars = new char[(int) n];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((utf16[2 * i] & 0xFF) << 8 | utf16[2 * i + 1] & 0xFF);
        }
        return new String(chars);
    }

    /**
     * {@code n} bytes, the buffer grown as they arrive: a corrupt length then costs an EOF, not an
     * allocation of up to 2 GB before the first byte is read. For other length-prefixed reads too.
     */
    public static byte[] readBytes(DataInput in, int n) throws IOException {
        byte[] bytes = new byte[Math.min(n, CHUNK)];
        int read = 0;
        while (true) {
            in.readFully(bytes, read, bytes.length - read);
            read = bytes.length;
            if (read == n) {
                return bytes;
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(n, 2L * read));
        }
    }

    private static int count(DataInput in) throws IOException {
        int n = varInt(in);
        if (n < 0) {
            throw new IOException("corrupt binary SecurityEvent: negative length " + n);
        }
        return n;
    }

    private static void varInt(DataOutput out, int v) throws IOException {
        Varints.writeUnsigned(out, v & 0xFFFFFFFFL);
    }

    private static int varInt(DataInput in) throws IOException {
        long v = Varints.readUnsigned(in);
        if (v >>> 32 != 0) {
            throw new IOException("corrupt binary SecurityEvent: " + v + " where a 32-bit count or mask was written");
        }
        return (int) v;
    }

    private static void varLong(DataOutput out, long v) throws IOException {
        Varints.writeSigned(out, v);
    }

    private static long varLong(DataInput in) throws IOException {
        return Varints.readSigned(in);
    }
}
