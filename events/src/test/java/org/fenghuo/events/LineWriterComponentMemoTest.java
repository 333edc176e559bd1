package org.fenghuo.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The line writer writes {@code source}, {@code destination} and {@code network} it wrote before
 * from kept bytes ({@link ComponentMemo}); every line must still be the event's own JSON (as
 * {@link EcsJsonCodec#toJsonBytes} writes it), whatever mix of shared, equal, different, empty and
 * extra-carrying components comes, and the memo's equality must see every field.
 */
class LineWriterComponentMemoTest {
    private static final SecurityEvent.Endpoint EMPTY_ENDPOINT =
            new SecurityEvent.Endpoint(null, null, null, null, null, null, null);

    @Test
    void everyLineIsTheEventsOwnJsonWhateverItShares() {
        Random random = new Random(20261125L);
        List<SecurityEvent.Endpoint> endpoints = new ArrayList<>();
        List<SecurityEvent.Network> networks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // more than the memo's table holds, so entries collide and are replaced
            endpoints.add(new SecurityEvent.Endpoint("10.0." + (i / 50) + "." + (i % 50), i % 7 == 0 ? null : 1000 + i,
                    null, i % 11 == 0 ? "host" + i + ".example" : null, null, i % 13 == 0 ? (long) i : null, null));
            networks.add(new SecurityEvent.Network(i % 2 == 0 ? "tcp" : "udp", "ipv4", i % 3 == 0 ? "modbus" : "dns",
                    null, null, "1:community" + (i % 40), i % 2 == 0 ? "6" : "17", null, null, i % 5 == 0 ? "10" : null));
        }
        for (int i = 0; i < 300; i += 3) {
            // twins: the same ip and port (so the same entry of the memo's table), another field differs
            SecurityEvent.Endpoint e = endpoints.get(i);
            endpoints.add(new SecurityEvent.Endpoint(e.ip(), e.port(), null, null, null, null, null));
            endpoints.add(new SecurityEvent.Endpoint(e.ip(), e.port(), e.ip(), "twin.example", "00-00-5E-00-53-01",
                    7L, 9L));
            SecurityEvent.Network n = networks.get(i);
            networks.add(new SecurityEvent.Network("udp", "ipv6", n.protocol(), "app", "inbound", n.communityId(), "17",
                    1L, 2L, "20"));
            networks.add(new SecurityEvent.Network(n.transport(), n.type(), n.protocol(), null, null, n.communityId(),
                    n.ianaNumber(), null, null, null));
        }
        endpoints.add(EMPTY_ENDPOINT);
        List<SecurityEvent> events = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            SecurityEventBuilder b = SecurityEvent.builder().message("e" + n)
                    .source(pick(random, endpoints))
                    .destination(pick(random, endpoints))
                    .network(pick(random, networks));
            int shape = random.nextInt(10);
            if (shape == 0) {
                b.extraField("source.geo.city_name", "杭州"); // extra under a memoised component
            } else if (shape == 1) {
                b.extraField("network.vlan.name", "ot-" + n);
            } else if (shape == 2) {
                // an equal record, not the same instance
                SecurityEvent.Endpoint s = pick(random, endpoints);
                b.source(new SecurityEvent.Endpoint(s.ip(), s.port(), s.address(), s.domain(), s.mac(), s.bytes(), s.packets()));
            } else if (shape == 3) {
                b.source(null);
            } else if (shape == 4) {
                b.destination(EMPTY_ENDPOINT).extraField("destination.geo.country_iso_code", "CN");
            }
            events.add(b.build());
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EcsJsonCodec.LineWriter lines = EcsJsonCodec.lineWriter(out);
        for (SecurityEvent e : events) {
            lines.write(e);
        }
        lines.flush();

        List<String> written = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(written).hasSameSizeAs(events);
        for (int i = 0; i < events.size(); i++) {
            assertThat(written.get(i)).as("line %d", i)
                    .isEqualTo(new String(EcsJsonCodec.toJsonBytes(events.get(i)), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aComponentSeenAgainIsWrittenFromTheKeptBytes() throws Exception {
        SecurityEvent.Endpoint server = new SecurityEvent.Endpoint("10.0.0.50", 502, null, null, null, null, null);
        ComponentMemo memo = new ComponentMemo();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var gen = JsonTreeParser.FACTORY.createGenerator(out)) {
            gen.setRootValueSeparator(null);
            LazyJsonOut o = new LazyJsonOut(gen);
            for (int i = 0; i < 3; i++) {
                EcsJsonWriter.write(o, SecurityEvent.builder().destination(server).build(), memo);
            }
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"destination\":{\"ip\":\"10.0.0.50\",\"port\":502}}".repeat(3));
        int entry = ComponentMemo.Slot.entry("10.0.0.50".hashCode() * 31 + 502);
        assertThat(memo.destination.value(entry)).isSameAs(server);
        assertThat(memo.destination.kept(entry)).as("kept at its second write").isTrue();
        assertThat(memo.destination.json(entry).getValue()).isEqualTo("{\"ip\":\"10.0.0.50\",\"port\":502}");
    }

    @Test
    void everyComponentOfTheRecordsCountsInTheMemosEquality() throws Exception {
        // reflective, so a component added to the record later and left out of the equality fails here
        for (RecordComponent changed : SecurityEvent.Endpoint.class.getRecordComponents()) {
            SecurityEvent.Endpoint base = instance(SecurityEvent.Endpoint.class, null);
            assertThat(EcsJsonWriter.sameEndpoint(base, instance(SecurityEvent.Endpoint.class, null))).isTrue();
            assertThat(EcsJsonWriter.sameEndpoint(base, instance(SecurityEvent.Endpoint.class, changed)))
                    .as("endpoints differing in %s", changed.getName()).isFalse();
        }
        for (RecordComponent changed : SecurityEvent.Network.class.getRecordComponents()) {
            SecurityEvent.Network base = instance(SecurityEvent.Network.class, null);
            assertThat(EcsJsonWriter.sameNetwork(base, instance(SecurityEvent.Network.class, null))).isTrue();
            assertThat(EcsJsonWriter.sameNetwork(base, instance(SecurityEvent.Network.class, changed)))
                    .as("networks differing in %s", changed.getName()).isFalse();
        }
    }

    /** A record with a value in every component, another value in {@code changed} (null for none). */
    private static <R extends Record> R instance(Class<R> type, RecordComponent changed) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            boolean other = components[i].getName().equals(changed == null ? null : changed.getName());
            values[i] = types[i] == String.class ? (other ? "b" : "a")
                    : types[i] == Integer.class ? Integer.valueOf(other ? 2 : 1)
                    : types[i] == Long.class ? Long.valueOf(other ? 2L : 1L)
                    : fail("no test value for " + types[i]);
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
