package org.fenghuo.events;

import java.io.IOException;
import java.util.Map;
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
        Map<String, Object> x = e.extra();
        o.openRoot();
        o.instant("@timestamp", e.timestamp());
        o.str("message", e.message());
        o.strList("tags", e.tags());
        labels(o, e.labels(), sub(x, "labels"));
        event(o, e.event() == null ? NO_EVENT : e.event(), sub(x, "event"));
        endpoint(o, "source", KIDS_SOURCE, e.source() == null ? NO_ENDPOINT : e.source(), sub(x, "source"));
        endpoint(o, "destination", KIDS_DESTINATION, e.destination() == null ? NO_ENDPOINT : e.destination(),
                sub(x, "destination"));
        network(o, e.network() == null ? NO_NETWORK : e.network(), sub(x, "network"));
        observer(o, e.observer() == null ? NO_OBSERVER : e.observer(), sub(x, "observer"));
        host(o, e.host() == null ? NO_HOST : e.host(), sub(x, "host"));
        user(o, e.user() == null ? NO_USER : e.user(), sub(x, "user"));
        process(o, e.process() == null ? NO_PROCESS : e.process(), sub(x, "process"));
        log(o, e.log() == null ? NO_LOG : e.log(), sub(x, "log"));
        EcsJsonDnsWriter.dns(o, e.dns(), sub(x, "dns"));
        http(o, e.http() == null ? NO_HTTP : e.http(), sub(x, "http"));
        url(o, e.url() == null ? NO_URL : e.url(), sub(x, "url"));
        o.open("user_agent");
        o.str("original", e.userAgent());
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
        o.open("labels");
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
        o.open("event");
        o.str("id", v.id());
        o.str("kind", v.kind());
        o.strList("category", v.category());
        o.strList("type", v.type());
        o.str("action", v.action());
        o.str("outcome", v.outcome());
        o.str("module", v.module());
        o.str("dataset", v.dataset());
        o.str("provider", v.provider());
        o.num("severity", v.severity());
        o.str("original", v.original());
        o.instant("created", v.created());
        o.instant("ingested", v.ingested());
        o.instant("start", v.start());
        o.instant("end", v.end());
        o.num("duration", v.duration());
        o.extra(x, KIDS_EVENT);
        o.close();
    }

    private static void endpoint(LazyJsonOut o, String name, Set<String> kids, SecurityEvent.Endpoint v, Map<String, Object> x)
            throws IOException {
        o.open(name);
        o.str("ip", v.ip());
        o.num("port", v.port());
        o.str("address", v.address());
        o.str("domain", v.domain());
        o.str("mac", v.mac());
        o.num("bytes", v.bytes());
        o.num("packets", v.packets());
        o.extra(x, kids);
        o.close();
    }

    private static void network(LazyJsonOut o, SecurityEvent.Network v, Map<String, Object> x) throws IOException {
        o.open("network");
        o.str("transport", v.transport());
        o.str("type", v.type());
        o.str("protocol", v.protocol());
        o.str("application", v.application());
        o.str("direction", v.direction());
        o.str("community_id", v.communityId());
        o.str("iana_number", v.ianaNumber());
        o.num("bytes", v.bytes());
        o.num("packets", v.packets());
        o.open("vlan");
        o.str("id", v.vlanId());
        o.extra(sub(x, "vlan"), KIDS_NETWORK_VLAN);
        o.close();
        o.extra(x, KIDS_NETWORK);
        o.close();
    }

    private static void observer(LazyJsonOut o, SecurityEvent.Observer v, Map<String, Object> x) throws IOException {
        o.open("observer");
        o.str("hostname", v.hostname());
        o.strList("ip", v.ip());
        o.str("name", v.name());
        o.str("type", v.type());
        o.str("vendor", v.vendor());
        o.str("product", v.product());
        o.extra(x, KIDS_OBSERVER);
        o.close();
    }

    private static void host(LazyJsonOut o, SecurityEvent.Host v, Map<String, Object> x) throws IOException {
        o.open("host");
        o.str("hostname", v.hostname());
        o.str("name", v.name());
        o.strList("ip", v.ip());
        o.extra(x, KIDS_HOST);
        o.close();
    }

    private static void user(LazyJsonOut o, SecurityEvent.User v, Map<String, Object> x) throws IOException {
        o.open("user");
        o.str("name", v.name());
        o.str("id", v.id());
        o.str("domain", v.domain());
        o.extra(x, KIDS_USER);
        o.close();
    }

    private static void process(LazyJsonOut o, SecurityEvent.Process v, Map<String, Object> x) throws IOException {
        o.open("process");
        o.str("name", v.name());
        o.num("pid", v.pid());
        o.extra(x, KIDS_PROCESS);
        o.close();
    }

    private static void log(LazyJsonOut o, SecurityEvent.Log v, Map<String, Object> x) throws IOException {
        o.open("log");
        o.str("level", v.level());
        o.str("logger", v.logger());
        o.open("file");
        o.str("path", v.filePath());
        o.extra(sub(x, "file"), KIDS_LOG_FILE);
        o.close();
        o.num("offset", v.offset());
        syslog(o, v.syslog() == null ? NO_SYSLOG : v.syslog(), sub(x, "syslog"));
        o.extra(x, KIDS_LOG);
        o.close();
    }

    private static void syslog(LazyJsonOut o, SecurityEvent.Syslog v, Map<String, Object> x) throws IOException {
        o.open("syslog");
        o.open("facility");
        o.num("code", v.facilityCode());
        o.str("name", v.facilityName());
        o.extra(sub(x, "facility"), KIDS_LOG_SYSLOG_FACILITY);
        o.close();
        o.open("severity");
        o.num("code", v.severityCode());
        o.str("name", v.severityName());
        o.extra(sub(x, "severity"), KIDS_LOG_SYSLOG_SEVERITY);
        o.close();
        o.num("priority", v.priority());
        o.str("hostname", v.hostname());
        o.str("appname", v.appname());
        o.str("procid", v.procid());
        o.str("msgid", v.msgid());
        o.str("version", v.version());
        structuredData(o, v.structuredData(), sub(x, "structured_data"));
        o.extra(x, KIDS_LOG_SYSLOG);
        o.close();
    }

    private static void structuredData(LazyJsonOut o, Map<String, Map<String, String>> sd, Map<String, Object> x)
            throws IOException {
        o.open("structured_data");
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
        o.open("http");
        o.str("version", v.version());
        o.open("request");
        o.str("method", v.requestMethod());
        o.str("referrer", v.requestReferrer());
        o.num("bytes", v.requestBytes());
        o.extra(sub(x, "request"), KIDS_HTTP_REQUEST);
        o.close();
        o.open("response");
        o.num("status_code", v.responseStatusCode());
        o.num("bytes", v.responseBytes());
        o.str("mime_type", v.responseMimeType());
        o.extra(sub(x, "response"), KIDS_HTTP_RESPONSE);
        o.close();
        o.extra(x, KIDS_HTTP);
        o.close();
    }

    private static void url(LazyJsonOut o, SecurityEvent.Url v, Map<String, Object> x) throws IOException {
        o.open("url");
        o.str("original", v.original());
        o.str("full", v.full());
        o.str("scheme", v.scheme());
        o.str("domain", v.domain());
        o.num("port", v.port());
        o.str("path", v.path());
        o.str("query", v.query());
        o.extra(x, KIDS_URL);
        o.close();
    }

    private static void tls(LazyJsonOut o, SecurityEvent.Tls v, Map<String, Object> x) throws IOException {
        o.open("tls");
        o.str("version", v.version());
        o.str("version_protocol", v.versionProtocol());
        o.str("cipher", v.cipher());
        o.bool("established", v.established());
        o.open("client");
        o.str("server_name", v.clientServerName());
        o.str("ja3", v.clientJa3());
        o.str("ja4", v.clientJa4());
        o.extra(sub(x, "client"), KIDS_TLS_CLIENT);
        o.close();
        o.open("server");
        o.str("ja3s", v.serverJa3s());
        o.extra(sub(x, "server"), KIDS_TLS_SERVER);
        o.close();
        o.extra(x, KIDS_TLS);
        o.close();
    }

    private static void fenghuo(LazyJsonOut o, SecurityEvent.FenghuoFields v, Map<String, Object> x)
            throws IOException {
        o.open("fenghuo");
        o.str("input", v.input());
        o.str("flow_id", v.flowId());
        SecurityEvent.Ics i = v.ics() == null ? NO_ICS : v.ics();
        o.open("ics");
        o.str("protocol", i.protocol());
        o.str("unit_id", i.unitId());
        o.num("function_code", i.functionCode());
        o.str("function", i.function());
        o.bool("write", i.write());
        o.str("exception", i.exception());
        o.num("address", i.address());
        o.num("quantity", i.quantity());
        o.extra(sub(x, "ics"), KIDS_FENGHUO_ICS);
        o.close();
        o.extra(x, KIDS_FENGHUO);
        o.close();
    }
}
