package org.fenghuo.events;

import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a {@link SecurityEvent} as nested ECS JSON in one streaming pass. Each object is
 * written field by field from the model, then the part of {@code extra} found at the same path
 * is merged in, so unknown fields come back where they were read. A null component is
 * treated as an empty one so that its extra part (e.g. {@code source.geo}) is still written.
 */
final class EcsJsonWriter {
    private static final SecurityEvent.EventInfo NO_EVENT = new SecurityEvent.EventInfo(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    private static final SecurityEvent.Endpoint NO_ENDPOINT =
            new SecurityEvent.Endpoint(null, null, null, null, null, null, null);
    private static final SecurityEvent.Network NO_NETWORK =
            new SecurityEvent.Network(null, null, null, null, null, null, null, null, null, null);
    private static final SecurityEvent.Observer NO_OBSERVER =
            new SecurityEvent.Observer(null, null, null, null, null, null);
    private static final SecurityEvent.Host NO_HOST = new SecurityEvent.Host(null, null, null);
    private static final SecurityEvent.User NO_USER = new SecurityEvent.User(null, null, null);
    private static final SecurityEvent.Process NO_PROCESS = new SecurityEvent.Process(null, null);
    private static final SecurityEvent.Log NO_LOG = new SecurityEvent.Log(null, null, null, null, null);
    private static final SecurityEvent.Syslog NO_SYSLOG =
            new SecurityEvent.Syslog(null, null, null, null, null, null, null, null, null, null, null);
    private static final SecurityEvent.Http NO_HTTP = new SecurityEvent.Http(null, null, null, null, null, null, null);
    private static final SecurityEvent.Url NO_URL = new SecurityEvent.Url(null, null, null, null, null, null, null);
    private static final SecurityEvent.Tls NO_TLS = new SecurityEvent.Tls(null, null, null, null, null, null, null, null);
    private static final SecurityEvent.FenghuoFields NO_FENGHUO = new SecurityEvent.FenghuoFields(null, null, null);
    private static final SecurityEvent.Ics NO_ICS = new SecurityEvent.Ics(null, null, null, null, null, null, null, null);

    /** Modelled children per object path, looked up once (they shadow extra on write). */
    private static final Set<String> KIDS_USER_AGENT = EcsFields.childrenOf("user_agent");
    private static final Set<String> KIDS_ROOT = EcsFields.childrenOf("");
    private static final Set<String> KIDS_EVENT = EcsFields.childrenOf("event");
    private static final Set<String> KIDS_NETWORK_VLAN = EcsFields.childrenOf("network.vlan");
    private static final Set<String> KIDS_NETWORK = EcsFields.childrenOf("network");
    private static final Set<String> KIDS_OBSERVER = EcsFields.childrenOf("observer");
    private static final Set<String> KIDS_HOST = EcsFields.childrenOf("host");
    private static final Set<String> KIDS_USER = EcsFields.childrenOf("user");
    private static final Set<String> KIDS_PROCESS = EcsFields.childrenOf("process");
    private static final Set<String> KIDS_LOG_FILE = EcsFields.childrenOf("log.file");
    private static final Set<String> KIDS_LOG = EcsFields.childrenOf("log");
    private static final Set<String> KIDS_LOG_SYSLOG_FACILITY = EcsFields.childrenOf("log.syslog.facility");
    private static final Set<String> KIDS_LOG_SYSLOG_SEVERITY = EcsFields.childrenOf("log.syslog.severity");
    private static final Set<String> KIDS_LOG_SYSLOG = EcsFields.childrenOf("log.syslog");
    private static final Set<String> KIDS_HTTP_REQUEST = EcsFields.childrenOf("http.request");
    private static final Set<String> KIDS_HTTP_RESPONSE = EcsFields.childrenOf("http.response");
    private static final Set<String> KIDS_HTTP = EcsFields.childrenOf("http");
    private static final Set<String> KIDS_URL = EcsFields.childrenOf("url");
    private static final Set<String> KIDS_TLS_CLIENT = EcsFields.childrenOf("tls.client");
    private static final Set<String> KIDS_TLS_SERVER = EcsFields.childrenOf("tls.server");
    private static final Set<String> KIDS_TLS = EcsFields.childrenOf("tls");
    private static final Set<String> KIDS_FENGHUO_ICS = EcsFields.childrenOf("fenghuo.ics");
    private static final Set<String> KIDS_FENGHUO = EcsFields.childrenOf("fenghuo");
    private static final Set<String> KIDS_SOURCE = EcsFields.childrenOf("source");
    private static final Set<String> KIDS_DESTINATION = EcsFields.childrenOf("destination");

    private EcsJsonWriter() {
    }

    static void write(LazyJsonOut o, SecurityEvent e) throws IOException {
        write(o, e, null);
    }

    /** @param memo the JSON of components written before by the same writer, or null */
    static void write(LazyJsonOut o, SecurityEvent e, ComponentMemo memo) throws IOException {
        Map<String, Object> x = e.extra();
        o.openRoot();
        o.instant(EcsNames.AT_TIMESTAMP, e.timestamp());
        o.str(EcsNames.MESSAGE, e.message());
        o.strList(EcsNames.TAGS, e.tags());
        labels(o, e.labels(), sub(x, "labels"));
        event(o, e.event() == null ? NO_EVENT : e.event(), sub(x, "event"));
        endpoint(o, EcsNames.SOURCE, KIDS_SOURCE, e.source(), sub(x, "source"), memo == null ? null : memo.source, memo);
        endpoint(o, EcsNames.DESTINATION, KIDS_DESTINATION, e.destination(), sub(x, "destination"),
                memo == null ? null : memo.destination, memo);
        network(o, e.network(), sub(x, "network"), memo == null ? null : memo.network, memo);
        observer(o, e.observer() == null ? NO_OBSERVER : e.observer(), sub(x, "observer"));
        host(o, e.host() == null ? NO_HOST : e.host(), sub(x, "host"));
        user(o, e.user() == null ? NO_USER : e.user(), sub(x, "user"));
        process(o, e.process() == null ? NO_PROCESS : e.process(), sub(x, "process"));
        log(o, e.log() == null ? NO_LOG : e.log(), sub(x, "log"));
        EcsJsonDnsWriter.dns(o, e.dns(), sub(x, "dns"));
        http(o, e.http() == null ? NO_HTTP : e.http(), sub(x, "http"));
        url(o, e.url() == null ? NO_URL : e.url(), sub(x, "url"));
        o.open(EcsNames.USER_AGENT);
        o.str(EcsNames.ORIGINAL, e.userAgent());
        o.extra(sub(x, "user_agent"), KIDS_USER_AGENT);
        o.close();
        tls(o, e.tls() == null ? NO_TLS : e.tls(), sub(x, "tls"));
        fenghuo(o, e.fenghuo() == null ? NO_FENGHUO : e.fenghuo(), sub(x, "fenghuo"));
        o.extra(x, KIDS_ROOT);
        o.close();
    }

    /** The object under {@code key} in an extra subtree, or null (a non-object there is shadowed). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> sub(Map<String, Object> extra, String key) {
        return extra != null && extra.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** Labels sorted by key: {@code Map.copyOf} iterates in a per-JVM order, and content hashes must not. */
    private static void labels(LazyJsonOut o, Map<String, String> labels, Map<String, Object> x) throws IOException {
        o.open(EcsNames.LABELS);
        Set<String> written = Set.of();
        if (labels != null && !labels.isEmpty()) {
            for (Map.Entry<String, String> l : new TreeMap<>(labels).entrySet()) {
                o.str(l.getKey(), l.getValue());
            }
            written = labels.keySet();
        }
        o.extra(x, written);
        o.close();
    }

    private static void event(LazyJsonOut o, SecurityEvent.EventInfo v, Map<String, Object> x) throws IOException {
        o.open(EcsNames.EVENT);
        o.str(EcsNames.ID, v.id());
        o.str(EcsNames.KIND, v.kind());
        o.strList(EcsNames.CATEGORY, v.category());
        o.strList(EcsNames.TYPE, v.type());
        o.str(EcsNames.ACTION, v.action());
        o.str(EcsNames.OUTCOME, v.outcome());
        o.str(EcsNames.MODULE, v.module());
        o.str(EcsNames.DATASET, v.dataset());
        o.str(EcsNames.PROVIDER, v.provider());
        o.num(EcsNames.SEVERITY, v.severity());
        o.str(EcsNames.ORIGINAL, v.original());
        o.instant(EcsNames.CREATED, v.created());
        o.instant(EcsNames.INGESTED, v.ingested());
        o.instant(EcsNames.START, v.start());
        o.instant(EcsNames.END, v.end());
        o.num(EcsNames.DURATION, v.duration());
        o.extra(x, KIDS_EVENT);
        o.close();
    }

    /**
     * An endpoint, from the memo's bytes when this writer wrote an equal one at the same place before
     * (only without extra there: the memo keys on the record alone).
     */
    private static void endpoint(LazyJsonOut o, SerializableString name, Set<String> kids, SecurityEvent.Endpoint v,
                                 Map<String, Object> x, ComponentMemo.Slot slot, ComponentMemo memo) throws IOException {
        if (slot == null || v == null || x != null) {
            endpoint(o, name, kids, v == null ? NO_ENDPOINT : v, x);
            return;
        }
        int entry = ComponentMemo.Slot.entry((v.ip() == null ? 0 : v.ip().hashCode()) * 31
                + (v.port() == null ? 0 : v.port()));
        Object held = slot.value(entry);
        if (held != v && !(held instanceof SecurityEvent.Endpoint h && sameEndpoint(h, v))) {
            slot.remember(entry, v);
            endpoint(o, name, kids, v, null);
        } else {
            if (!slot.kept(entry)) {
                endpoint(memo.captureOut(), null, kids, v, null);
                slot.keep(entry, memo.endCapture());
            }
            o.rawObject(name, slot.json(entry));
        }
    }

    /** Field by field, not the record's equals: that one runs through method handles, slow under C1. */
    static boolean sameEndpoint(SecurityEvent.Endpoint a, SecurityEvent.Endpoint b) {
        return Objects.equals(a.ip(), b.ip()) && Objects.equals(a.port(), b.port())
                && Objects.equals(a.address(), b.address()) && Objects.equals(a.domain(), b.domain())
                && Objects.equals(a.mac(), b.mac()) && Objects.equals(a.bytes(), b.bytes())
                && Objects.equals(a.packets(), b.packets());
    }

    static boolean sameNetwork(SecurityEvent.Network a, SecurityEvent.Network b) {
        return Objects.equals(a.transport(), b.transport()) && Objects.equals(a.type(), b.type())
                && Objects.equals(a.protocol(), b.protocol()) && Objects.equals(a.application(), b.application())
                && Objects.equals(a.direction(), b.direction()) && Objects.equals(a.communityId(), b.communityId())
                && Objects.equals(a.ianaNumber(), b.ianaNumber()) && Objects.equals(a.bytes(), b.bytes())
                && Objects.equals(a.packets(), b.packets()) && Objects.equals(a.vlanId(), b.vlanId());
    }

    private static void endpoint(LazyJsonOut o, SerializableString name, Set<String> kids, SecurityEvent.Endpoint v, Map<String, Object> x)
            throws IOException {
        o.open(name);
        o.str(EcsNames.IP, v.ip());
        o.num(EcsNames.PORT, v.port());
        o.str(EcsNames.ADDRESS, v.address());
        o.str(EcsNames.DOMAIN, v.domain());
        o.str(EcsNames.MAC, v.mac());
        o.num(EcsNames.BYTES, v.bytes());
        o.num(EcsNames.PACKETS, v.packets());
        o.extra(x, kids);
        o.close();
    }

    /** {@code network}, from the memo as {@link #endpoint(LazyJsonOut, SerializableString, Set, SecurityEvent.Endpoint, Map, ComponentMemo.Slot, ComponentMemo)}. */
    private static void network(LazyJsonOut o, SecurityEvent.Network v, Map<String, Object> x, ComponentMemo.Slot slot,
                                ComponentMemo memo) throws IOException {
        if (slot == null || v == null || x != null) {
            network(o, EcsNames.NETWORK, v == null ? NO_NETWORK : v, x);
            return;
        }
        int entry = ComponentMemo.Slot.entry((v.communityId() == null ? 0 : v.communityId().hashCode()) * 31
                + (v.protocol() == null ? 0 : v.protocol().hashCode()));
        Object held = slot.value(entry);
        if (held != v && !(held instanceof SecurityEvent.Network h && sameNetwork(h, v))) {
            slot.remember(entry, v);
            network(o, EcsNames.NETWORK, v, null);
        } else {
            if (!slot.kept(entry)) {
                network(memo.captureOut(), null, v, null);
                slot.keep(entry, memo.endCapture());
            }
            o.rawObject(EcsNames.NETWORK, slot.json(entry));
        }
    }

    private static void network(LazyJsonOut o, SerializableString name, SecurityEvent.Network v, Map<String, Object> x)
            throws IOException {
        o.open(name);
        o.str(EcsNames.TRANSPORT, v.transport());
        o.str(EcsNames.TYPE, v.type());
        o.str(EcsNames.PROTOCOL, v.protocol());
        o.str(EcsNames.APPLICATION, v.application());
        o.str(EcsNames.DIRECTION, v.direction());
        o.str(EcsNames.COMMUNITY_ID, v.communityId());
        o.str(EcsNames.IANA_NUMBER, v.ianaNumber());
        o.num(EcsNames.BYTES, v.bytes());
        o.num(EcsNames.PACKETS, v.packets());
        o.open(EcsNames.VLAN);
        o.str(EcsNames.ID, v.vlanId());
        o.extra(sub(x, "vlan"), KIDS_NETWORK_VLAN);
        o.close();
        o.extra(x, KIDS_NETWORK);
        o.close();
    }

    private static void observer(LazyJsonOut o, SecurityEvent.Observer v, Map<String, Object> x) throws IOException {
        o.open(EcsNames.OBSERVER);
        o.str(EcsNames.HOSTNAME, v.hostname());
        o.strList(EcsNames.IP, v.ip());
        o.str(EcsNames.NAME, v.name());
        o.str(EcsNames.TYPE, v.type());
        o.str(EcsNames.VENDOR, v.vendor());
        o.str(EcsNames.PRODUCT, v.product());
        o.extra(x, KIDS_OBSERVER);
        o.close();
    }

    private static void host(LazyJsonOut o, SecurityEvent.Host v, Map<String, Object> x) throws IOException {
        o.open(EcsNames.HOST);
        o.str(EcsNames.HOSTNAME, v.hostname());
        o.str(EcsNames.NAME, v.name());
        o.strList(EcsNames.IP, v.ip());
        o.extra(x, KIDS_HOST);
        o.close();
    }

    private static void user(LazyJsonOut o, SecurityEvent.User v, Map<String, Object> x) throws IOException {
        o.open(EcsNames.USER);
        o.str(EcsNames.NAME, v.name());
        o.str(EcsNames.ID, v.id());
        o.str(EcsNames.DOMAIN, v.domain());
        o.extra(x, KIDS_USER);
        o.close();
    }

    private static void process(LazyJsonOut o, SecurityEvent.Process v, Map<String, Object> x) throws IOException {
        o.open(EcsNames.PROCESS);
        o.str(EcsNames.NAME, v.name());
        o.num(EcsNames.PID, v.pid());
        o.extra(x, KIDS_PROCESS);
        o.close();
    }

    private static void log(LazyJsonOut o, SecurityEvent.Log v, Map<String, Object> x) throws IOException {
        o.open(EcsNames.LOG);
        o.str(EcsNames.LEVEL, v.level());
        o.str(EcsNames.LOGGER, v.logger());
        o.open(EcsNames.FILE);
        o.str(EcsNames.PATH, v.filePath());
        o.extra(sub(x, "file"), KIDS_LOG_FILE);
        o.close();
        o.num(EcsNames.OFFSET, v.offset());
        syslog(o, v.syslog() == null ? NO_SYSLOG : v.syslog(), sub(x, "syslog"));
        o.extra(x, KIDS_LOG);
        o.close();
    }

    private static void syslog(LazyJsonOut o, SecurityEvent.Syslog v, Map<String, Object> x) throws IOException {
        o.open(EcsNames.SYSLOG);
        o.open(EcsNames.FACILITY);
        o.num(EcsNames.CODE, v.facilityCode());
        o.str(EcsNames.NAME, v.facilityName());
        o.extra(sub(x, "facility"), KIDS_LOG_SYSLOG_FACILITY);
        o.close();
        o.open(EcsNames.SEVERITY);
        o.num(EcsNames.CODE, v.severityCode());
        o.str(EcsNames.NAME, v.severityName());
        o.extra(sub(x, "severity"), KIDS_LOG_SYSLOG_SEVERITY);
        o.close();
        o.num(EcsNames.PRIORITY, v.priority());
        o.str(EcsNames.HOSTNAME, v.hostname());
        o.str(EcsNames.APPNAME, v.appname());
        o.str(EcsNames.PROCID, v.procid());
        o.str(EcsNames.MSGID, v.msgid());
        o.str(EcsNames.VERSION, v.version());
        structuredData(o, v.structuredData(), sub(x, "structured_data"));
        o.extra(x, KIDS_LOG_SYSLOG);
        o.close();
    }

    private static void structuredData(LazyJsonOut o, Map<String, Map<String, String>> sd, Map<String, Object> x)
            throws IOException {
        o.open(EcsNames.STRUCTURED_DATA);
        Set<String> written = Set.of();
        if (sd != null && !sd.isEmpty()) {
            for (Map.Entry<String, Map<String, String>> element : sd.entrySet()) {
                o.openEager(element.getKey());
                for (Map.Entry<String, String> param : element.getValue().entrySet()) {
                    o.str(param.getKey(), param.getValue());
                }
                o.extra(sub(x, element.getKey()), element.getValue().keySet());
                o.close();
            }
            written = sd.keySet();
        }
        o.extra(x, written);
        o.close();
    }

    private static void http(LazyJsonOut o, SecurityEvent.Http v, Map<String, Object> x) throws IOException {
        o.open(EcsNames.HTTP);
        o.str(EcsNames.VERSION, v.version());
        o.open(EcsNames.REQUEST);
        o.str(EcsNames.METHOD, v.requestMethod());
        o.str(EcsNames.REFERRER, v.requestReferrer());
        o.num(EcsNames.BYTES, v.requestBytes());
        o.extra(sub(x, "request"), KIDS_HTTP_REQUEST);
        o.close();
        o.open(EcsNames.RESPONSE);
        o.num(EcsNames.STATUS_CODE, v.responseStatusCode());
        o.num(EcsNames.BYTES, v.responseBytes());
        o.str(EcsNames.MIME_TYPE, v.responseMimeType());
        o.extra(sub(x, "response"), KIDS_HTTP_RESPONSE);
        o.close();
        o.extra(x, KIDS_HTTP);
        o.close();
    }

    private static void url(LazyJsonOut o, SecurityEvent.Url v, Map<String, Object> x) throws IOException {
        o.open(EcsNames.URL);
        o.str(EcsNames.ORIGINAL, v.original());
        o.str(EcsNames.FULL, v.full());
        o.str(EcsNames.SCHEME, v.scheme());
        o.str(EcsNames.DOMAIN, v.domain());
        o.num(EcsNames.PORT, v.port());
        o.str(EcsNames.PATH, v.path());
        o.str(EcsNames.QUERY, v.query());
        o.extra(x, KIDS_URL);
        o.close();
    }

    private static void tls(LazyJsonOut o, SecurityEvent.Tls v, Map<String, Object> x) throws IOException {
        o.open(EcsNames.TLS);
        o.str(EcsNames.VERSION, v.version());
        o.str(EcsNames.VERSION_PROTOCOL, v.versionProtocol());
        o.str(EcsNames.CIPHER, v.cipher());
        o.bool(EcsNames.ESTABLISHED, v.established());
        o.open(EcsNames.CLIENT);
        o.str(EcsNames.SERVER_NAME, v.clientServerName());
        o.str(EcsNames.JA3, v.clientJa3());
        o.str(EcsNames.JA4, v.clientJa4());
        o.extra(sub(x, "client"), KIDS_TLS_CLIENT);
        o.close();
        o.open(EcsNames.SERVER);
        o.str(EcsNames.JA3S, v.serverJa3s());
        o.extra(sub(x, "server"), KIDS_TLS_SERVER);
        o.close();
        o.extra(x, KIDS_TLS);
        o.close();
    }

    private static void fenghuo(LazyJsonOut o, SecurityEvent.FenghuoFields v, Map<String, Object> x)
            throws IOException {
        o.open(EcsNames.FENGHUO);
        o.str(EcsNames.INPUT, v.input());
        o.str(EcsNames.FLOW_ID, v.flowId());
        SecurityEvent.Ics i = v.ics() == null ? NO_ICS : v.ics();
        o.open(EcsNames.ICS);
        o.str(EcsNames.PROTOCOL, i.protocol());
        o.str(EcsNames.UNIT_ID, i.unitId());
        o.num(EcsNames.FUNCTION_CODE, i.functionCode());
        o.str(EcsNames.FUNCTION, i.function());
        o.bool(EcsNames.WRITE, i.write());
        o.str(EcsNames.EXCEPTION, i.exception());
        o.num(EcsNames.ADDRESS, i.address());
        o.num(EcsNames.QUANTITY, i.quantity());
        o.extra(sub(x, "ics"), KIDS_FENGHUO_ICS);
        o.close();
        o.extra(x, KIDS_FENGHUO);
        o.close();
    }
}
