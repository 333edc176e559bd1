package org.fenghuo.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One normalised observation (a log line, a flow, a protocol transaction), shaped after the
 * Elastic Common Schema. Every component is nullable: a source fills what it knows.
 *
 * @param timestamp   {@code @timestamp}: when the event happened (event time, drives watermarks)
 * @param message     {@code message}: the human-readable text of the event
 * @param tags        {@code tags}
 * @param labels      {@code labels}: flat string key/values
 * @param event       {@code event.*}
 * @param source      {@code source.*}
 * @param destination {@code destination.*}
 * @param network     {@code network.*}
 * @param observer    {@code observer.*}: the device that saw or exported the event
 * @param host        {@code host.*}: the host the event is about
 * @param user        {@code user.*}
 * @param process     {@code process.*}
 * @param log         {@code log.*} (including {@code log.syslog.*})
 * @param dns         {@code dns.*}
 * @param http        {@code http.*}
 * @param url         {@code url.*}
 * @param userAgent   {@code user_agent.original}
 * @param tls         {@code tls.*}
 * @param fenghuo     {@code fenghuo.*}: Fenghuo's own fields
 * @param extra       fields no component above models, as a nested JSON-shaped tree
 *                    (maps, lists, strings, numbers, booleans); kept so nothing read is lost
 */
public record SecurityEvent(
        Instant timestamp,
        String message,
        List<String> tags,
        Map<String, String> labels,
        EventInfo event,
        Endpoint source,
        Endpoint destination,
        Network network,
        Observer observer,
        Host host,
        User user,
        Process process,
        Log log,
        Dns dns,
        Http http,
        Url url,
        String userAgent,
        Tls tls,
        FenghuoFields fenghuo,
        Map<String, Object> extra) {

    public SecurityEvent {
        tags = tags == null ? null : List.copyOf(tags);
        labels = labels == null ? null : Map.copyOf(labels);
        extra = extra == null ? null : JsonTrees.immutableCopy(extra);
    }

    public static SecurityEventBuilder builder() {
        return new SecurityEventBuilder();
    }

    public SecurityEventBuilder toBuilder() {
        return new SecurityEventBuilder(this);
    }

    /** {@code event.*}. */
    public record EventInfo(
            /** {@code event.id}: unique, deterministic id; the document id in Elasticsearch. */
            String id,
            /** {@code event.kind}: event, alert, metric, state, pipeline_error, signal. */
            String kind,
            /** {@code event.category}: e.g. network, authentication, process. */
            List<String> category,
            /** {@code event.type}: e.g. connection, start, denied, info. */
            List<String> type,
            /** {@code event.action}. */
            String action,
            /** {@code event.outcome}: success, failure, unknown. */
            String outcome,
            /** {@code event.module}: e.g. syslog, netflow, pcap. */
            String module,
            /** {@code event.dataset}: e.g. syslog.rfc5424. */
            String dataset,
            /** {@code event.provider}. */
            String provider,
            /** {@code event.severity}: numeric severity of the source. */
            Integer severity,
            /** {@code event.original}: the raw input, unchanged. */
            String original,
            /** {@code event.created}: when a Fenghuo collector first read it. */
            Instant created,
            /** {@code event.ingested}: when it reached the store. */
            Instant ingested,
            /** {@code event.start}. */
            Instant start,
            /** {@code event.end}. */
            Instant end,
            /** {@code event.duration}: nanoseconds. */
            Long duration) {
        public EventInfo {
            category = category == null ? null : List.copyOf(category);
            type = type == null ? null : List.copyOf(type);
        }
    }

    /** {@code source.*} or {@code destination.*}. */
    public record Endpoint(
            /** {@code .ip}: textual IPv4 or IPv6 address. */
            String ip,
            /** {@code .port}. */
            Integer port,
            /** {@code .address}: as seen, before parsing (an IP or a name). */
            String address,
            /** {@code .domain}. */
            String domain,
            /** {@code .mac}: upper-case, dash separated (ECS). */
            String mac,
            /** {@code .bytes}: bytes sent from this endpoint. */
            Long bytes,
            /** {@code .packets}: packets sent from this endpoint. */
            Long packets) {
    }

    /** {@code network.*}. */
    public record Network(
            /** {@code network.transport}: tcp, udp, icmp, ipv6-icmp, ... */
            String transport,
            /** {@code network.type}: ipv4, ipv6. */
            String type,
            /** {@code network.protocol}: application protocol, e.g. dns, http, modbus. */
            String protocol,
            /** {@code network.application}. */
            String application,
            /** {@code network.direction}: inbound, outbound, internal, external, unknown. */
            String direction,
            /** {@code network.community_id}: Community ID v1 flow hash. */
            String communityId,
            /** {@code network.iana_number}. */
            String ianaNumber,
            /** {@code network.bytes}. */
            Long bytes,
            /** {@code network.packets}. */
            Long packets,
            /** {@code network.vlan.id}. */
            String vlanId) {
    }

    /** {@code observer.*}. */
    public record Observer(
            /** {@code observer.hostname}. */
            String hostname,
            /** {@code observer.ip}: an array in ECS, as an exporter may have several addresses. */
            List<String> ip,
            /** {@code observer.name}: configured name, e.g. the collector input. */
            String name,
            /** {@code observer.type}: firewall, router, sensor, collector ... */
            String type,
            /** {@code observer.vendor}. */
            String vendor,
            /** {@code observer.product}. */
            String product) {
        public Observer {
            ip = ip == null ? null : List.copyOf(ip);
        }
    }

    /** {@code host.*}. */
    public record Host(
            /** {@code host.hostname}. */
            String hostname,
            /** {@code host.name}. */
            String name,
            /** {@code host.ip}. */
            List<String> ip) {
        public Host {
            ip = ip == null ? null : List.copyOf(ip);
        }
    }

    /** {@code user.*}. */
    public record User(
            /** {@code user.name}. */
            String name,
            /** {@code user.id}. */
            String id,
            /** {@code user.domain}. */
            String domain) {
    }

    /** {@code process.*}. */
    public record Process(
            /** {@code process.name}. */
            String name,
            /** {@code process.pid}. */
            Long pid) {
    }

    /** {@code log.*}. */
    public record Log(
            /** {@code log.level}. */
            String level,
            /** {@code log.logger}. */
            String logger,
            /** {@code log.file.path}: the file the event was read from. */
            String filePath,
            /** {@code log.offset}: byte offset of the line in that file. */
            Long offset,
            /** {@code log.syslog.*}. */
            Syslog syslog) {
    }

    /** {@code log.syslog.*}. */
    public record Syslog(
            /** {@code log.syslog.facility.code}. */
            Integer facilityCode,
            /** {@code log.syslog.facility.name}. */
            String facilityName,
            /** {@code log.syslog.severity.code}. */
            Integer severityCode,
            /** {@code log.syslog.severity.name}. */
            String severityName,
            /** {@code log.syslog.priority}. */
            Integer priority,
            /** {@code log.syslog.hostname}. */
            String hostname,
            /** {@code log.syslog.appname}. */
            String appname,
            /** {@code log.syslog.procid}. */
            String procid,
            /** {@code log.syslog.msgid}. */
            String msgid,
            /** {@code log.syslog.version}: "1" for RFC 5424, null for RFC 3164. */
            String version,
            /** {@code log.syslog.structured_data}: SD-ID to its parameters. */
            Map<String, Map<String, String>> structuredData) {
        public Syslog {
            structuredData = structuredData == null ? null : JsonTrees.immutableNested(structuredData);
        }
    }

    /** {@code dns.*}. */
    public record Dns(
            /** {@code dns.id}. */
            String id,
            /** {@code dns.type}: query or answer. */
            String type,
            /** {@code dns.op_code}. */
            String opCode,
            /** {@code dns.question.name}. */
            String questionName,
            /** {@code dns.question.type}. */
            String questionType,
            /** {@code dns.question.class}. */
            String questionClass,
            /** {@code dns.response_code}. */
            String responseCode,
            /** {@code dns.header_flags}. */
            List<String> headerFlags,
            /** {@code dns.answers}. */
            List<DnsAnswer> answers,
            /** {@code dns.resolved_ip}. */
            List<String> resolvedIp) {
        public Dns {
            headerFlags = headerFlags == null ? null : List.copyOf(headerFlags);
            answers = answers == null ? null : List.copyOf(answers);
            resolvedIp = resolvedIp == null ? null : List.copyOf(resolvedIp);
        }
    }

    /** One element of {@code dns.answers}. */
    public record DnsAnswer(
            /** {@code dns.answers.name}. */
            String name,
            /** {@code dns.answers.type}. */
            String type,
            /** {@code dns.answers.class}. */
            String dnsClass,
            /** {@code dns.answers.data}. */
            String data,
            /** {@code dns.answers.ttl}. */
            Long ttl) {
    }

    /** {@code http.*}. */
    public record Http(
            /** {@code http.version}. */
            String version,
            /** {@code http.request.method}. */
            String requestMethod,
            /** {@code http.request.referrer}. */
            String requestReferrer,
            /** {@code http.request.bytes}. */
            Long requestBytes,
            /** {@code http.response.status_code}. */
            Integer responseStatusCode,
            /** {@code http.response.bytes}. */
            Long responseBytes,
            /** {@code http.response.mime_type}. */
            String responseMimeType) {
    }

    /** {@code url.*}. */
    public record Url(
            /** {@code url.original}. */
            String original,
            /** {@code url.full}. */
            String full,
            /** {@code url.scheme}. */
            String scheme,
            /** {@code url.domain}. */
            String domain,
            /** {@code url.port}. */
            Integer port,
            /** {@code url.path}. */
            String path,
            /** {@code url.query}. */
            String query) {
    }

    /** {@code tls.*}. */
    public record Tls(
            /** {@code tls.version}: e.g. 1.3. */
            String version,
            /** {@code tls.version_protocol}: tls or ssl. */
            String versionProtocol,
            /** {@code tls.cipher}. */
            String cipher,
            /** {@code tls.established}. */
            Boolean established,
            /** {@code tls.client.server_name}: SNI. */
            String clientServerName,
            /** {@code tls.client.ja3}. */
            String clientJa3,
            /** {@code tls.client.ja4} (not yet in ECS; same naming). */
            String clientJa4,
            /** {@code tls.server.ja3s}. */
            String serverJa3s) {
    }

    /** {@code fenghuo.*}: our own fields. */
    public record FenghuoFields(
            /** {@code fenghuo.input}: the collector input that produced the event. */
            String input,
            /** {@code fenghuo.flow_id}: links protocol events to the flow they came from. */
            String flowId,
            /** {@code fenghuo.ics.*}: industrial-protocol metadata. */
            Ics ics) {
    }

    /** {@code fenghuo.ics.*}: industrial control-system protocol metadata. */
    public record Ics(
            /** {@code fenghuo.ics.protocol}: modbus, dnp3, s7comm, iec104. */
            String protocol,
            /** {@code fenghuo.ics.unit_id}: Modbus unit, DNP3 destination, IEC-104 common address. */
            String unitId,
            /** {@code fenghuo.ics.function_code}. */
            Integer functionCode,
            /** {@code fenghuo.ics.function}: the function's name. */
            String function,
            /** {@code fenghuo.ics.write}: true when the operation changes the device's state. */
            Boolean write,
            /** {@code fenghuo.ics.exception}: protocol exception or error code, when any. */
            String exception,
            /** {@code fenghuo.ics.address}: first register, coil, object index or IOA. */
            Long address,
            /** {@code fenghuo.ics.quantity}: how many registers, coils or objects. */
            Long quantity) {
    }
}
