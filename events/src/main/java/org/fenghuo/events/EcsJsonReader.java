package org.fenghuo.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed tree (see {@link JsonTreeParser}) into a {@link SecurityEvent}. Known fields are
 * consumed from the tree as they are read; what remains is the event's {@code extra}, at the same
 * place it was found. A component whose fields are all absent is null, as the writer never
 * writes an empty object.
 */
final class EcsJsonReader {
    private EcsJsonReader() {
    }

    static SecurityEvent read(Map<String, Object> tree) throws EcsJsonException {
        JsonObj r = new JsonObj(tree, "");
        Instant timestamp = r.instant("@timestamp");
        String message = r.str("message");
        List<String> tags = r.strList("tags");
        Map<String, String> labels = labels(r);
        SecurityEvent.EventInfo event = eventInfo(r);
        SecurityEvent.Endpoint source = endpoint(r, "source");
        SecurityEvent.Endpoint destination = endpoint(r, "destination");
        SecurityEvent.Network network = network(r);
        SecurityEvent.Observer observer = observer(r);
        SecurityEvent.Host host = host(r);
        SecurityEvent.User user = user(r);
        SecurityEvent.Process process = process(r);
        SecurityEvent.Log log = log(r);
        SecurityEvent.Dns dns = EcsJsonDnsReader.dns(r);
        SecurityEvent.Http http = http(r);
        SecurityEvent.Url url = url(r);
        String userAgent = userAgent(r);
        SecurityEvent.Tls tls = tls(r);
        SecurityEvent.FenghuoFields fenghuo = fenghuo(r);
        // Everything read has been removed from the tree: the rest is extra, already in place.
        Map<String, Object> extra = tree.isEmpty() ? null : JsonTrees.immutableCopy(tree);
        return new SecurityEvent(timestamp, message, tags, labels, event, source, destination, network, observer,
                host, user, process, log, dns, http, url, userAgent, tls, fenghuo,
                extra == null || extra.isEmpty() ? null : extra);
    }

    static boolean allNull(Object... values) {
        for (Object v : values) {
            if (v != null) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> labels(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("labels");
        if (o == null) {
            return null;
        }
        Map<String, String> labels = o.scalarMap();
        JsonObj.dropIfEmpty(r, "labels");
        return labels;
    }

    private static SecurityEvent.EventInfo eventInfo(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("event");
        if (o == null) {
            return null;
        }
        var v = new SecurityEvent.EventInfo(o.str("id"), o.str("kind"), o.strList("category"), o.strList("type"),
                o.str("action"), o.str("outcome"), o.str("module"), o.str("dataset"), o.str("provider"),
                o.int32("severity"), o.str("original"), o.instant("created"), o.instant("ingested"),
                o.instant("start"), o.instant("end"), o.int64("duration"));
        JsonObj.dropIfEmpty(r, "event");
        return allNull(v.id(), v.kind(), v.category(), v.type(), v.action(), v.outcome(), v.module(), v.dataset(),
                v.provider(), v.severity(), v.original(), v.created(), v.ingested(), v.start(), v.end(),
                v.duration()) ? null : v;
    }

    private static SecurityEvent.Endpoint endpoint(JsonObj r, String key) throws EcsJsonException {
        JsonObj o = r.obj(key);
        if (o == null) {
            return null;
        }
        var v = new SecurityEvent.Endpoint(o.str("ip"), o.int32("port"), o.str("address"), o.str("domain"),
                o.str("mac"), o.int64("bytes"), o.int64("packets"));
        JsonObj.dropIfEmpty(r, key);
        return allNull(v.ip(), v.port(), v.address(), v.domain(), v.mac(), v.bytes(), v.packets()) ? null : v;
    }

    private static SecurityEvent.Network network(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("network");
        if (o == null) {
            return null;
        }
        String vlanId = null;
        JsonObj vlan = o.obj("vlan");
        if (vlan != null) {
            vlanId = vlan.str("id");
            JsonObj.dropIfEmpty(o, "vlan");
        }
        var v = new SecurityEvent.Network(o.str("transport"), o.str("type"), o.str("protocol"),
                o.str("application"), o.str("direction"), o.str("community_id"), o.str("iana_number"),
                o.int64("bytes"), o.int64("packets"), vlanId);
        JsonObj.dropIfEmpty(r, "network");
        return allNull(v.transport(), v.type(), v.protocol(), v.application(), v.direction(), v.communityId(),
                v.ianaNumber(), v.bytes(), v.packets(), v.vlanId()) ? null : v;
    }

    private static SecurityEvent.Observer observer(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("observer");
        if (o == null) {
            return null;
        }
        var v = new SecurityEvent.Observer(o.str("hostname"), o.strList("ip"), o.str("name"), o.str("type"),
                o.str("vendor"), o.str("product"));
        JsonObj.dropIfEmpty(r, "observer");
        return allNull(v.hostname(), v.ip(), v.name(), v.type(), v.vendor(), v.product()) ? null : v;
    }

    private static SecurityEvent.Host host(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("host");
        if (o == null) {
            return null;
        }
        var v = new SecurityEvent.Host(o.str("hostname"), o.str("name"), o.strList("ip"));
        JsonObj.dropIfEmpty(r, "host");
        return allNull(v.hostname(), v.name(), v.ip()) ? null : v;
    }

    private static SecurityEvent.User user(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("user");
        if (o == null) {
            return null;
        }
        var v = new SecurityEvent.User(o.str("name"), o.str("id"), o.str("domain"));
        JsonObj.dropIfEmpty(r, "user");
        return allNull(v.name(), v.id(), v.domain()) ? null : v;
    }

    private static SecurityEvent.Process process(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("process");
        if (o == null) {
            return null;
        }
        var v = new SecurityEvent.Process(o.str("name"), o.int64("pid"));
        JsonObj.dropIfEmpty(r, "process");
        return allNull(v.name(), v.pid()) ? null : v;
    }

    private static SecurityEvent.Log log(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("log");
        if (o == null) {
            return null;
        }
        String filePath = null;
        JsonObj file = o.obj("file");
        if (file != null) {
            filePath = file.str("path");
            JsonObj.dropIfEmpty(o, "file");
        }
        SecurityEvent.Syslog syslog = syslog(o);
        var v = new SecurityEvent.Log(o.str("level"), o.str("logger"), filePath, o.int64("offset"), syslog);
        JsonObj.dropIfEmpty(r, "log");
        return allNull(v.level(), v.logger(), v.filePath(), v.offset(), v.syslog()) ? null : v;
    }

    private static SecurityEvent.Syslog syslog(JsonObj log) throws EcsJsonException {
        JsonObj o = log.obj("syslog");
        if (o == null) {
            return null;
        }
        Integer facilityCode = null;
        String facilityName = null;
        JsonObj facility = o.obj("facility");
        if (facility != null) {
            facilityCode = facility.int32("code");
            facilityName = facility.str("name");
            JsonObj.dropIfEmpty(o, "facility");
        }
        Integer severityCode = null;
        String severityName = null;
        JsonObj severity = o.obj("severity");
        if (severity != null) {
            severityCode = severity.int32("code");
            severityName = severity.str("name");
            JsonObj.dropIfEmpty(o, "severity");
        }
        Map<String, Map<String, String>> sd = structuredData(o);
        var v = new SecurityEvent.Syslog(facilityCode, facilityName, severityCode, severityName,
                o.int32("priority"), o.str("hostname"), o.str("appname"), o.str("procid"), o.str("msgid"),
                o.str("version"), sd);
        JsonObj.dropIfEmpty(log, "syslog");
        return allNull(v.facilityCode(), v.facilityName(), v.severityCode(), v.severityName(), v.priority(),
                v.hostname(), v.appname(), v.procid(), v.msgid(), v.version(), v.structuredData()) ? null : v;
    }

    /**
     * SD-ID to parameters. An element with no parameters is kept (RFC 5424 allows {@code [id]});
     * a nested parameter value (a dotted SD-ID or name expands into one) stays in extra.
     */
    private static Map<String, Map<String, String>> structuredData(JsonObj syslog) throws EcsJsonException {
        JsonObj o = syslog.obj("structured_data");
        if (o == null) {
            return null;
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(o.map().keySet());
        for (String id : ids) {
            JsonObj element = o.obj(id);
            Map<String, String> params = element.scalarMap();
            out.put(id, params == null ? Map.of() : params);
            JsonObj.dropIfEmpty(o, id);
        }
        JsonObj.dropIfEmpty(syslog, "structured_data");
        return out.isEmpty() ? null : out;
    }

    private static SecurityEvent.Http http(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("http");
        if (o == null) {
            return null;
        }
        String method = null;
        String referrer = null;
        Long requestBytes = null;
        JsonObj req = o.obj("request");
        if (req != null) {
            method = req.str("method");
            referrer = req.str("referrer");
            requestBytes = req.int64("bytes");
            JsonObj.dropIfEmpty(o, "request");
        }
        Integer status = null;
        Long responseBytes = null;
        String mime = null;
        JsonObj resp = o.obj("response");
        if (resp != null) {
            status = resp.int32("status_code");
            responseBytes = resp.int64("bytes");
            mime = resp.str("mime_type");
            JsonObj.dropIfEmpty(o, "response");
        }
        var v = new SecurityEvent.Http(o.str("version"), method, referrer, requestBytes, status, responseBytes, mime);
        JsonObj.dropIfEmpty(r, "http");
        return allNull(v.version(), method, referrer, requestBytes, status, responseBytes, mime) ? null : v;
    }

    private static SecurityEvent.Url url(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("url");
        if (o == null) {
            return null;
        }
        var v = new SecurityEvent.Url(o.str("original"), o.str("full"), o.str("scheme"), o.str("domain"),
                o.int32("port"), o.str("path"), o.str("query"));
        JsonObj.dropIfEmpty(r, "url");
        return allNull(v.original(), v.full(), v.scheme(), v.domain(), v.port(), v.path(), v.query()) ? null : v;
    }

    private static String userAgent(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("user_agent");
        if (o == null) {
            return null;
        }
        String original = o.str("original");
        JsonObj.dropIfEmpty(r, "user_agent");
        return original;
    }

    private static SecurityEvent.Tls tls(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("tls");
        if (o == null) {
            return null;
        }
        String sni = null;
        String ja3 = null;
        String ja4 = null;
        JsonObj client = o.obj("client");
        if (client != null) {
            sni = client.str("server_name");
            ja3 = client.str("ja3");
            ja4 = client.str("ja4");
            JsonObj.dropIfEmpty(o, "client");
        }
        String ja3s = null;
        JsonObj server = o.obj("server");
        if (server != null) {
            ja3s = server.str("ja3s");
            JsonObj.dropIfEmpty(o, "server");
        }
        var v = new SecurityEvent.Tls(o.str("version"), o.str("version_protocol"), o.str("cipher"),
                o.bool("established"), sni, ja3, ja4, ja3s);
        JsonObj.dropIfEmpty(r, "tls");
        return allNull(v.version(), v.versionProtocol(), v.cipher(), v.established(), sni, ja3, ja4, ja3s) ? null : v;
    }

    private static SecurityEvent.FenghuoFields fenghuo(JsonObj r) throws EcsJsonException {
        JsonObj o = r.obj("fenghuo");
        if (o == null) {
            return null;
        }
        SecurityEvent.Ics ics = null;
        JsonObj i = o.obj("ics");
        if (i != null) {
            ics = new SecurityEvent.Ics(i.str("protocol"), i.str("unit_id"), i.int32("function_code"),
                    i.str("function"), i.bool("write"), i.str("exception"), i.int64("address"), i.int64("quantity"));
            JsonObj.dropIfEmpty(o, "ics");
            if (allNull(ics.protocol(), ics.unitId(), ics.functionCode(), ics.function(), ics.write(),
                    ics.exception(), ics.address(), ics.quantity())) {
                ics = null;
            }
        }
        var v = new SecurityEvent.FenghuoFields(o.str("input"), o.str("flow_id"), ics);
        JsonObj.dropIfEmpty(r, "fenghuo");
        return allNull(v.input(), v.flowId(), ics) ? null : v;
    }
}
