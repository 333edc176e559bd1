package org.fenghuo.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Every field {@link SecurityEvent} models, by dotted ECS name, in document order, with how to read
 * it from the record. {@link EcsFields} derives its name tree from these constants and
 * {@link EcsFieldPath} uses them as getters.
 *
 * <p>An enum and switches rather than a table of method references: linking ~120 method references
 * when the table was built cost ~20 ms of CPU at the start of every command that writes an event
 * (bench/README.md). The first switch has no default, so a constant it does not place is a
 * compile error; a constant placed under the wrong record fails {@code EcsFieldPathTest}.
 */
enum EcsField implements Function<SecurityEvent, Object> {
    TIMESTAMP("@timestamp"), MESSAGE("message"), TAGS("tags"), LABELS("labels"),
    EVENT_ID("event.id"), EVENT_KIND("event.kind"), EVENT_CATEGORY("event.category"), EVENT_TYPE("event.type"),
    EVENT_ACTION("event.action"), EVENT_OUTCOME("event.outcome"), EVENT_MODULE("event.module"),
    EVENT_DATASET("event.dataset"), EVENT_PROVIDER("event.provider"), EVENT_SEVERITY("event.severity"),
    EVENT_ORIGINAL("event.original"), EVENT_CREATED("event.created"), EVENT_INGESTED("event.ingested"),
    EVENT_START("event.start"), EVENT_END("event.end"), EVENT_DURATION("event.duration"),
    SOURCE_IP("source.ip"), SOURCE_PORT("source.port"), SOURCE_ADDRESS("source.address"),
    SOURCE_DOMAIN("source.domain"), SOURCE_MAC("source.mac"), SOURCE_BYTES("source.bytes"),
    SOURCE_PACKETS("source.packets"),
    DESTINATION_IP("destination.ip"), DESTINATION_PORT("destination.port"),
    DESTINATION_ADDRESS("destination.address"), DESTINATION_DOMAIN("destination.domain"),
    DESTINATION_MAC("destination.mac"), DESTINATION_BYTES("destination.bytes"),
    DESTINATION_PACKETS("destination.packets"),
    NETWORK_TRANSPORT("network.transport"), NETWORK_TYPE("network.type"), NETWORK_PROTOCOL("network.protocol"),
    NETWORK_APPLICATION("network.application"), NETWORK_DIRECTION("network.direction"),
    NETWORK_COMMUNITY_ID("network.community_id"), NETWORK_IANA_NUMBER("network.iana_number"),
    NETWORK_BYTES("network.bytes"), NETWORK_PACKETS("network.packets"), NETWORK_VLAN_ID("network.vlan.id"),
    OBSERVER_HOSTNAME("observer.hostname"), OBSERVER_IP("observer.ip"), OBSERVER_NAME("observer.name"),
    OBSERVER_TYPE("observer.type"), OBSERVER_VENDOR("observer.vendor"), OBSERVER_PRODUCT("observer.product"),
    HOST_HOSTNAME("host.hostname"), HOST_NAME("host.name"), HOST_IP("host.ip"),
    USER_NAME("user.name"), USER_ID("user.id"), USER_DOMAIN("user.domain"),
    PROCESS_NAME("process.name"), PROCESS_PID("process.pid"),
    LOG_LEVEL("log.level"), LOG_LOGGER("log.logger"), LOG_FILE_PATH("log.file.path"), LOG_OFFSET("log.offset"),
    LOG_SYSLOG_FACILITY_CODE("log.syslog.facility.code"), LOG_SYSLOG_FACILITY_NAME("log.syslog.facility.name"),
    LOG_SYSLOG_SEVERITY_CODE("log.syslog.severity.code"), LOG_SYSLOG_SEVERITY_NAME("log.syslog.severity.name"),
    LOG_SYSLOG_PRIORITY("log.syslog.priority"), LOG_SYSLOG_HOSTNAME("log.syslog.hostname"),
    LOG_SYSLOG_APPNAME("log.syslog.appname"), LOG_SYSLOG_PROCID("log.syslog.procid"),
    LOG_SYSLOG_MSGID("log.syslog.msgid"), LOG_SYSLOG_VERSION("log.syslog.version"),
    LOG_SYSLOG_STRUCTURED_DATA("log.syslog.structured_data"),
    DNS_ID("dns.id"), DNS_TYPE("dns.type"), DNS_OP_CODE("dns.op_code"), DNS_QUESTION_NAME("dns.question.name"),
    DNS_QUESTION_TYPE("dns.question.type"), DNS_QUESTION_CLASS("dns.question.class"),
    DNS_RESPONSE_CODE("dns.response_code"), DNS_HEADER_FLAGS("dns.header_flags"),
    DNS_ANSWERS_NAME("dns.answers.name"), DNS_ANSWERS_TYPE("dns.answers.type"),
    DNS_ANSWERS_CLASS("dns.answers.class"), DNS_ANSWERS_DATA("dns.answers.data"),
    DNS_ANSWERS_TTL("dns.answers.ttl"), DNS_RESOLVED_IP("dns.resolved_ip"),
    HTTP_VERSION("http.version"), HTTP_REQUEST_METHOD("http.request.method"),
    HTTP_REQUEST_REFERRER("http.request.referrer"), HTTP_REQUEST_BYTES("http.request.bytes"),
    HTTP_RESPONSE_STATUS_CODE("http.response.status_code"), HTTP_RESPONSE_BYTES("http.response.bytes"),
    HTTP_RESPONSE_MIME_TYPE("http.response.mime_type"),
    URL_ORIGINAL("url.original"), URL_FULL("url.full"), URL_SCHEME("url.scheme"), URL_DOMAIN("url.domain"),
    URL_PORT("url.port"), URL_PATH("url.path"), URL_QUERY("url.query"),
    USER_AGENT_ORIGINAL("user_agent.original"),
    TLS_VERSION("tls.version"), TLS_VERSION_PROTOCOL("tls.version_protocol"), TLS_CIPHER("tls.cipher"),
    TLS_ESTABLISHED("tls.established"), TLS_CLIENT_SERVER_NAME("tls.client.server_name"),
    TLS_CLIENT_JA3("tls.client.ja3"), TLS_CLIENT_JA4("tls.client.ja4"), TLS_SERVER_JA3S("tls.server.ja3s"),
    FENGHUO_INPUT("fenghuo.input"), FENGHUO_FLOW_ID("fenghuo.flow_id"),
    FENGHUO_ICS_PROTOCOL("fenghuo.ics.protocol"), FENGHUO_ICS_UNIT_ID("fenghuo.ics.unit_id"),
    FENGHUO_ICS_FUNCTION_CODE("fenghuo.ics.function_code"), FENGHUO_ICS_FUNCTION("fenghuo.ics.function"),
    FENGHUO_ICS_WRITE("fenghuo.ics.write"), FENGHUO_ICS_EXCEPTION("fenghuo.ics.exception"),
    FENGHUO_ICS_ADDRESS("fenghuo.ics.address"), FENGHUO_ICS_QUANTITY("fenghuo.ics.quantity");

    private final String dotted;

    EcsField(String dotted) {
        this.dotted = dotted;
    }

    /** The dotted ECS name, e.g. {@code source.ip}. */
    String dotted() {
        return dotted;
    }

    /** The field's value in {@code e}, or null when it or the record that holds it is absent. */
    @Override
    public Object apply(SecurityEvent e) {
        return switch (this) {
            case TIMESTAMP -> e.timestamp();
            case MESSAGE -> e.message();
            case TAGS -> e.tags();
            case LABELS -> e.labels();
            case USER_AGENT_ORIGINAL -> e.userAgent();
            case EVENT_ID, EVENT_KIND, EVENT_CATEGORY, EVENT_TYPE, EVENT_ACTION, EVENT_OUTCOME, EVENT_MODULE,
                    EVENT_DATASET, EVENT_PROVIDER, EVENT_SEVERITY, EVENT_ORIGINAL, EVENT_CREATED,
                    EVENT_INGESTED, EVENT_START, EVENT_END, EVENT_DURATION -> event(e.event());
            case SOURCE_IP, SOURCE_PORT, SOURCE_ADDRESS, SOURCE_DOMAIN, SOURCE_MAC, SOURCE_BYTES,
                    SOURCE_PACKETS -> endpoint(e.source());
            case DESTINATION_IP, DESTINATION_PORT, DESTINATION_ADDRESS, DESTINATION_DOMAIN, DESTINATION_MAC,
                    DESTINATION_BYTES, DESTINATION_PACKETS -> endpoint(e.destination());
            case NETWORK_TRANSPORT, NETWORK_TYPE, NETWORK_PROTOCOL, NETWORK_APPLICATION, NETWORK_DIRECTION,
                    NETWORK_COMMUNITY_ID, NETWORK_IANA_NUMBER, NETWORK_BYTES, NETWORK_PACKETS,
                    NETWORK_VLAN_ID -> network(e.network());
            case OBSERVER_HOSTNAME, OBSERVER_IP, OBSERVER_NAME, OBSERVER_TYPE, OBSERVER_VENDOR,
                    OBSERVER_PRODUCT -> observer(e.observer());
            case HOST_HOSTNAME, HOST_NAME, HOST_IP -> host(e.host());
            case USER_NAME, USER_ID, USER_DOMAIN -> user(e.user());
            case PROCESS_NAME, PROCESS_PID -> process(e.process());
            case LOG_LEVEL, LOG_LOGGER, LOG_FILE_PATH, LOG_OFFSET -> log(e.log());
            case LOG_SYSLOG_FACILITY_CODE, LOG_SYSLOG_FACILITY_NAME, LOG_SYSLOG_SEVERITY_CODE,
                    LOG_SYSLOG_SEVERITY_NAME, LOG_SYSLOG_PRIORITY, LOG_SYSLOG_HOSTNAME, LOG_SYSLOG_APPNAME,
                    LOG_SYSLOG_PROCID, LOG_SYSLOG_MSGID, LOG_SYSLOG_VERSION,
                    LOG_SYSLOG_STRUCTURED_DATA -> syslog(e.log() == null ? null : e.log().syslog());
            case DNS_ID, DNS_TYPE, DNS_OP_CODE, DNS_QUESTION_NAME, DNS_QUESTION_TYPE, DNS_QUESTION_CLASS,
                    DNS_RESPONSE_CODE, DNS_HEADER_FLAGS, DNS_RESOLVED_IP -> dns(e.dns());
            case DNS_ANSWERS_NAME, DNS_ANSWERS_TYPE, DNS_ANSWERS_CLASS, DNS_ANSWERS_DATA,
                    DNS_ANSWERS_TTL -> answers(e.dns());
            case HTTP_VERSION, HTTP_REQUEST_METHOD, HTTP_REQUEST_REFERRER, HTTP_REQUEST_BYTES,
                    HTTP_RESPONSE_STATUS_CODE, HTTP_RESPONSE_BYTES, HTTP_RESPONSE_MIME_TYPE -> http(e.http());
            case URL_ORIGINAL, URL_FULL, URL_SCHEME, URL_DOMAIN, URL_PORT, URL_PATH, URL_QUERY -> url(e.url());
            case TLS_VERSION, TLS_VERSION_PROTOCOL, TLS_CIPHER, TLS_ESTABLISHED, TLS_CLIENT_SERVER_NAME,
                    TLS_CLIENT_JA3, TLS_CLIENT_JA4, TLS_SERVER_JA3S -> tls(e.tls());
            case FENGHUO_INPUT, FENGHUO_FLOW_ID -> fenghuo(e.fenghuo());
            case FENGHUO_ICS_PROTOCOL, FENGHUO_ICS_UNIT_ID, FENGHUO_ICS_FUNCTION_CODE, FENGHUO_ICS_FUNCTION,
                    FENGHUO_ICS_WRITE, FENGHUO_ICS_EXCEPTION, FENGHUO_ICS_ADDRESS,
                    FENGHUO_ICS_QUANTITY -> ics(e.fenghuo() == null ? null : e.fenghuo().ics());
        };
    }

    private Object event(SecurityEvent.EventInfo c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case EVENT_ID -> c.id();
            case EVENT_KIND -> c.kind();
            case EVENT_CATEGORY -> c.category();
            case EVENT_TYPE -> c.type();
            case EVENT_ACTION -> c.action();
            case EVENT_OUTCOME -> c.outcome();
            case EVENT_MODULE -> c.module();
            case EVENT_DATASET -> c.dataset();
            case EVENT_PROVIDER -> c.provider();
            case EVENT_SEVERITY -> c.severity();
            case EVENT_ORIGINAL -> c.original();
            case EVENT_CREATED -> c.created();
            case EVENT_INGESTED -> c.ingested();
            case EVENT_START -> c.start();
            case EVENT_END -> c.end();
            case EVENT_DURATION -> c.duration();
            default -> throw notIn("EventInfo");
        };
    }

    private Object endpoint(SecurityEvent.Endpoint c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case SOURCE_IP, DESTINATION_IP -> c.ip();
            case SOURCE_PORT, DESTINATION_PORT -> c.port();
            case SOURCE_ADDRESS, DESTINATION_ADDRESS -> c.address();
            case SOURCE_DOMAIN, DESTINATION_DOMAIN -> c.domain();
            case SOURCE_MAC, DESTINATION_MAC -> c.mac();
            case SOURCE_BYTES, DESTINATION_BYTES -> c.bytes();
            case SOURCE_PACKETS, DESTINATION_PACKETS -> c.packets();
            default -> throw notIn("Endpoint");
        };
    }

    private Object network(SecurityEvent.Network c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case NETWORK_TRANSPORT -> c.transport();
            case NETWORK_TYPE -> c.type();
            case NETWORK_PROTOCOL -> c.protocol();
            case NETWORK_APPLICATION -> c.application();
            case NETWORK_DIRECTION -> c.direction();
            case NETWORK_COMMUNITY_ID -> c.communityId();
            case NETWORK_IANA_NUMBER -> c.ianaNumber();
            case NETWORK_BYTES -> c.bytes();
            case NETWORK_PACKETS -> c.packets();
            case NETWORK_VLAN_ID -> c.vlanId();
            default -> throw notIn("Network");
        };
    }

    private Object observer(SecurityEvent.Observer c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case OBSERVER_HOSTNAME -> c.hostname();
            case OBSERVER_IP -> c.ip();
            case OBSERVER_NAME -> c.name();
            case OBSERVER_TYPE -> c.type();
            case OBSERVER_VENDOR -> c.vendor();
            case OBSERVER_PRODUCT -> c.product();
            default -> throw notIn("Observer");
        };
    }

    private Object host(SecurityEvent.Host c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case HOST_HOSTNAME -> c.hostname();
            case HOST_NAME -> c.name();
            case HOST_IP -> c.ip();
            default -> throw notIn("Host");
        };
    }

    private Object user(SecurityEvent.User c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case USER_NAME -> c.name();
            case USER_ID -> c.id();
            case USER_DOMAIN -> c.domain();
            default -> throw notIn("User");
        };
    }

    private Object process(SecurityEvent.Process c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case PROCESS_NAME -> c.name();
            case PROCESS_PID -> c.pid();
            default -> throw notIn("Process");
        };
    }

    private Object log(SecurityEvent.Log c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case LOG_LEVEL -> c.level();
            case LOG_LOGGER -> c.logger();
            case LOG_FILE_PATH -> c.filePath();
            case LOG_OFFSET -> c.offset();
            default -> throw notIn("Log");
        };
    }

    private Object syslog(SecurityEvent.Syslog c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case LOG_SYSLOG_FACILITY_CODE -> c.facilityCode();
            case LOG_SYSLOG_FACILITY_NAME -> c.facilityName();
            case LOG_SYSLOG_SEVERITY_CODE -> c.severityCode();
            case LOG_SYSLOG_SEVERITY_NAME -> c.severityName();
            case LOG_SYSLOG_PRIORITY -> c.priority();
            case LOG_SYSLOG_HOSTNAME -> c.hostname();
            case LOG_SYSLOG_APPNAME -> c.appname();
            case LOG_SYSLOG_PROCID -> c.procid();
            case LOG_SYSLOG_MSGID -> c.msgid();
            case LOG_SYSLOG_VERSION -> c.version();
            case LOG_SYSLOG_STRUCTURED_DATA -> c.structuredData();
            default -> throw notIn("Syslog");
        };
    }

    private Object dns(SecurityEvent.Dns c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case DNS_ID -> c.id();
            case DNS_TYPE -> c.type();
            case DNS_OP_CODE -> c.opCode();
            case DNS_QUESTION_NAME -> c.questionName();
            case DNS_QUESTION_TYPE -> c.questionType();
            case DNS_QUESTION_CLASS -> c.questionClass();
            case DNS_RESPONSE_CODE -> c.responseCode();
            case DNS_HEADER_FLAGS -> c.headerFlags();
            case DNS_RESOLVED_IP -> c.resolvedIp();
            default -> throw notIn("Dns");
        };
    }

    private Object answer(SecurityEvent.DnsAnswer c) {
        return switch (this) {
            case DNS_ANSWERS_NAME -> c.name();
            case DNS_ANSWERS_TYPE -> c.type();
            case DNS_ANSWERS_CLASS -> c.dnsClass();
            case DNS_ANSWERS_DATA -> c.data();
            case DNS_ANSWERS_TTL -> c.ttl();
            default -> throw notIn("DnsAnswer");
        };
    }

    private Object http(SecurityEvent.Http c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case HTTP_VERSION -> c.version();
            case HTTP_REQUEST_METHOD -> c.requestMethod();
            case HTTP_REQUEST_REFERRER -> c.requestReferrer();
            case HTTP_REQUEST_BYTES -> c.requestBytes();
            case HTTP_RESPONSE_STATUS_CODE -> c.responseStatusCode();
            case HTTP_RESPONSE_BYTES -> c.responseBytes();
            case HTTP_RESPONSE_MIME_TYPE -> c.responseMimeType();
            default -> throw notIn("Http");
        };
    }

    private Object url(SecurityEvent.Url c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case URL_ORIGINAL -> c.original();
            case URL_FULL -> c.full();
            case URL_SCHEME -> c.scheme();
            case URL_DOMAIN -> c.domain();
            case URL_PORT -> c.port();
            case URL_PATH -> c.path();
            case URL_QUERY -> c.query();
            default -> throw notIn("Url");
        };
    }

    private Object tls(SecurityEvent.Tls c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case TLS_VERSION -> c.version();
            case TLS_VERSION_PROTOCOL -> c.versionProtocol();
            case TLS_CIPHER -> c.cipher();
            case TLS_ESTABLISHED -> c.established();
            case TLS_CLIENT_SERVER_NAME -> c.clientServerName();
            case TLS_CLIENT_JA3 -> c.clientJa3();
            case TLS_CLIENT_JA4 -> c.clientJa4();
            case TLS_SERVER_JA3S -> c.serverJa3s();
            default -> throw notIn("Tls");
        };
    }

    private Object fenghuo(SecurityEvent.FenghuoFields c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case FENGHUO_INPUT -> c.input();
            case FENGHUO_FLOW_ID -> c.flowId();
            default -> throw notIn("FenghuoFields");
        };
    }

    private Object ics(SecurityEvent.Ics c) {
        if (c == null) {
            return null;
        }
        return switch (this) {
            case FENGHUO_ICS_PROTOCOL -> c.protocol();
            case FENGHUO_ICS_UNIT_ID -> c.unitId();
            case FENGHUO_ICS_FUNCTION_CODE -> c.functionCode();
            case FENGHUO_ICS_FUNCTION -> c.function();
            case FENGHUO_ICS_WRITE -> c.write();
            case FENGHUO_ICS_EXCEPTION -> c.exception();
            case FENGHUO_ICS_ADDRESS -> c.address();
            case FENGHUO_ICS_QUANTITY -> c.quantity();
            default -> throw notIn("Ics");
        };
    }

    /** Like Elasticsearch, a field of an array of objects reads as the list of its values. */
    private Object answers(SecurityEvent.Dns dns) {
        if (dns == null || dns.answers() == null) {
            return null;
        }
        List<Object> out = new ArrayList<>(dns.answers().size());
        for (SecurityEvent.DnsAnswer a : dns.answers()) {
            Object v = answer(a);
            if (v != null) {
                out.add(v);
            }
        }
        return out.isEmpty() ? null : Collections.unmodifiableList(out);
    }

    private IllegalStateException notIn(String record) {
        return new IllegalStateException(dotted + " is not a field of SecurityEvent." + record);
    }
}
