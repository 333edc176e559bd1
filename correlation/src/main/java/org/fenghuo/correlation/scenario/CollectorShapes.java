package org.fenghuo.correlation.scenario;

import java.time.Instant;
import java.util.List;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.SecurityEventBuilder;

/**
 * Events shaped as Fenghuo's own collectors write them, with the fields the detectors read:
 * pcap flow records ({@code FlowEventMapper}: {@code @timestamp} = end, {@code event.start},
 * initiator as source, {@code fenghuo.flow.state} and TCP flags in hex), pcap application events
 * ({@code AppEventMapper}: {@code pcap.dns}, {@code pcap.modbus}, {@code pcap.s7comm} with
 * {@code fenghuo.ics.*}), and sshd lines as the syslog mapping parses them
 * ({@code event.category: authentication}, {@code event.outcome}, {@code host.hostname}).
 */
public final class CollectorShapes {
    private static final List<String> NETWORK = List.of("network");
    private static final List<String> CONNECTION_END = List.of("connection", "end");
    private static final List<String> PROTOCOL = List.of("protocol");

    /** TCP flags in {@code FlowEventMapper}'s hex: a whole conversation (SYN, ACK, PSH, FIN). */
    public static final String FLAGS_COMPLETE = "1b";
    /** A SYN nobody answered. */
    public static final String FLAGS_SYN = "02";
    /** RST-ACK: a closed port. */
    public static final String FLAGS_RST_ACK = "14";
    /** Nothing came back. */
    public static final String FLAGS_NONE = "00";

    private CollectorShapes() {
    }

    /** A flow record as the pcap flow meter writes it at the flow's end. */
    public record Flow(String id, Instant start, Instant end, String transport, String sourceIp, int sourcePort,
            String destinationIp, int destinationPort, long sourceBytes, long sourcePackets, long destinationBytes,
            long destinationPackets, String flagsToServer, String flagsToClient, String state) {
    }

    public static SecurityEvent flow(Flow f) {
        boolean tcp = "tcp".equals(f.transport());
        SecurityEventBuilder b = SecurityEvent.builder()
                .timestamp(f.end())
                .event(new SecurityEvent.EventInfo(f.id(), "event", NETWORK, CONNECTION_END,
                        tcp && "closed".equals(f.state()) ? "tcp-end" : "idle-timeout", null, "pcap", "pcap.flow", null,
                        null, null, null, null, f.start(), f.end(),
                        (f.end().toEpochMilli() - f.start().toEpochMilli()) * 1_000_000L))
                .source(new SecurityEvent.Endpoint(f.sourceIp(), f.sourcePort(), null, null, null, f.sourceBytes(),
                        f.sourcePackets()))
                .destination(new SecurityEvent.Endpoint(f.destinationIp(), f.destinationPort(), null, null, null,
                        f.destinationBytes(), f.destinationPackets()))
                .network(new SecurityEvent.Network(f.transport(), "ipv4", null, null, null, null, tcp ? "6" : "17",
                        f.sourceBytes() + f.destinationBytes(), f.sourcePackets() + f.destinationPackets(), null));
        if (tcp) {
            b.extraField("fenghuo.flow.state", f.state())
                    .extraField("fenghuo.flow.tcp_flags_ts", f.flagsToServer())
                    .extraField("fenghuo.flow.tcp_flags_tc", f.flagsToClient());
        }
        return b.build();
    }

    /** A DNS query ({@code pcap.dns}, {@code dns.type: query}) from a client to its resolver. */
    public static SecurityEvent dnsQuery(String id, Instant at, String clientIp, int clientPort, String resolverIp,
            String name, String type, int queryId) {
        return application(id, at, null, "dns-query", "dns", "udp", clientIp, clientPort, resolverIp, 53)
                .dns(new SecurityEvent.Dns(Integer.toString(queryId), "query", "QUERY", name, type, "IN", null,
                        List.of("RD"), null, null))
                .build();
    }

    /** An HTTP request/response ({@code pcap.http}). */
    public static SecurityEvent http(String id, Instant at, String clientIp, int clientPort, String serverIp,
            String hostName, String path, int status, long responseBytes) {
        return application(id, at, "success", "http-request", "http", "tcp", clientIp, clientPort, serverIp, 80)
                .http(new SecurityEvent.Http("1.1", "GET", null, null, status, responseBytes, "text/html"))
                .url(new SecurityEvent.Url(null, "http://" + hostName + path, "http", hostName, 80, path, null))
                .build();
    }

    /** A Modbus/TCP transaction ({@code pcap.modbus}); {@code write} as the decoder marks function codes. */
    public static SecurityEvent modbus(String id, Instant at, String clientIp, int clientPort, String plcIp,
            int functionCode, String function, boolean write, long address, long quantity) {
        return application(id, at, "success", "modbus-" + function.replace('_', '-'), "modbus", "tcp", clientIp, clientPort,
                plcIp, 502)
                .fenghuo(new SecurityEvent.FenghuoFields(null, null, new SecurityEvent.Ics("modbus", "1",
                        functionCode, function, write, null, address, quantity)))
                .build();
    }

    /** An S7comm job ({@code pcap.s7comm}): {@code read-var} (code 4) or {@code write-var} (code 5). */
    public static SecurityEvent s7(String id, Instant at, String clientIp, int clientPort, String plcIp,
            boolean write, long address) {
        String function = write ? "write-var" : "read-var";
        return application(id, at, "success", "s7comm-" + function, "s7comm", "tcp", clientIp, clientPort, plcIp, 102)
                .fenghuo(new SecurityEvent.FenghuoFields(null, null, new SecurityEvent.Ics("s7comm", "0/2",
                        write ? 5 : 4, function, write, null, address, 1L)))
                .build();
    }

    /**
     * An sshd login line as the syslog collector maps it: {@code Accepted password for <user> from
     * <ip>} (success) or {@code Failed password ...} (failure), logged by {@code serverName}.
     */
    public static SecurityEvent sshLogin(String id, Instant at, String serverName, String clientIp, int clientPort,
            String user, boolean success) {
        String line = (success ? "Accepted password for " : "Failed password for ") + user + " from " + clientIp
                + " port " + clientPort + " ssh2";
        return SecurityEvent.builder()
                .timestamp(at)
                .message(line)
                .event(new SecurityEvent.EventInfo(id, "event",
                        success ? List.of("authentication", "session") : List.of("authentication"),
                        success ? List.of("start") : List.of("info"), "ssh_login", success ? "success" : "failure",
                        "syslog", "syslog.rfc3164", null, null, null, null, null, null, null, null))
                .source(new SecurityEvent.Endpoint(clientIp, clientPort, clientIp, null, null, null, null))
                .host(new SecurityEvent.Host(serverName, null, null))
                .user(new SecurityEvent.User(user, null, null))
                .process(new SecurityEvent.Process("sshd", null))
                .build();
    }

    /** {@code outcome}: set on answered transactions, absent on a DNS query (the decoder sets it on the answer). */
    private static SecurityEventBuilder application(String id, Instant at, String outcome, String action,
            String protocol,
            String transport, String clientIp, int clientPort, String serverIp, int serverPort) {
        return SecurityEvent.builder()
                .timestamp(at)
                .event(new SecurityEvent.EventInfo(id, "event", NETWORK, PROTOCOL, action, outcome, "pcap",
                        "pcap." + protocol, null, null, null, null, null, null, null, null))
                .source(new SecurityEvent.Endpoint(clientIp, clientPort, null, null, null, null, null))
                .destination(new SecurityEvent.Endpoint(serverIp, serverPort, null, null, null, null, null))
                .network(new SecurityEvent.Network(transport, "ipv4", protocol, null, null, null,
                        "tcp".equals(transport) ? "6" : "17", null, null, null));
    }
}
