package org.fenghuo.collectors.netflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;

/**
 * The logstash-codec-netflow datagrams by exporter (groups.txt beside the recorded tshark output):
 * each group's files in the order a collector receives them, templates first, and what our decoder
 * makes of each datagram.
 */
final class NetflowGroups {
    static final String DATA = "netflow/logstash-codec-netflow/dat";

    /** One group: its name and its datagram files (without .dat), in order. */
    record Group(String name, List<String> files) {
    }

    /** What one datagram gave: the events and dead letters emitted while decoding it. */
    record Datagram(String file, List<SecurityEvent> events, List<DeadLetter> deadLetters) {
    }

    /** A decoded group, with the decoder's counters after its last datagram. */
    record Decoded(Group group, List<Datagram> datagrams, NetflowStats stats) {
    }

    private NetflowGroups() {
    }

    static List<Group> groups() throws IOException {
        List<Group> out = new ArrayList<>();
        try (InputStream in = NetflowGroups.class.getResourceAsStream("/conformance/netflow/groups.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(" +");
                out.add(new Group(f[0], List.of(Arrays.copyOfRange(f, 1, f.length))));
            }
        }
        return out;
    }

    /** Decodes a group's .dat files, each "received" one second after the previous, from 127.0.0.2 (as the pcaps say). */
    static Decoded decode(Path dat, Group group, NetflowConfig config) throws IOException {
        List<SecurityEvent> events = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        NetflowDecoder decoder = new NetflowDecoder(config, "netflow", EventSink.of(events::add, dead::add),
                NetflowMetrics.forInput(new SimpleMeterRegistry(), "netflow"));
        List<Datagram> out = new ArrayList<>();
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        for (String file : group.files()) {
            byte[] bytes = Files.readAllBytes(dat.resolve(file + ".dat"));
            int e = events.size();
            int d = dead.size();
            decoder.decode(bytes, 0, bytes.length, "127.0.0.2", file, at);
            at = at.plusSeconds(1);
            out.add(new Datagram(file, List.copyOf(events.subList(e, events.size())),
                    List.copyOf(dead.subList(d, dead.size()))));
        }
        return new Decoded(group, out, decoder.metrics().snapshot());
    }
}
