package org.fenghuo.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SecurityEventBinaryTest {
    /** ASCII, Latin-1, CJK, a surrogate pair and a lone surrogate: each string form the codec has. */
    private static final String[] ALPHABETS = {"abcXYZ019 .:-_/", "éàüß\u00ff", "登录失败城市", "\uD83D\uDE00", "\uD800"};

    @Test
    void everyComponentAndFieldComesBackEqual() throws IOException {
        SecurityEvent full = TestEvents.full().toBuilder().extra(extraOfEveryKind()).build();

        SecurityEvent back = roundTrip(full);

        assertThat(back).isEqualTo(full);
        assertThat(back.extra()).isInstanceOf(FrozenTree.class);
        assertThat(EcsJsonCodec.toJson(back)).isEqualTo(EcsJsonCodec.toJson(full));
    }

    @Test
    void numberTypesInExtraStayWhatTheyWere() throws IOException {
        SecurityEvent event = SecurityEvent.builder().extra(extraOfEveryKind()).build();

        Map<String, Object> back = roundTrip(event).extra();

        assertThat(back.get("int")).isEqualTo(7);
        assertThat(back.get("long")).isEqualTo(-7L);
        assertThat(back.get("double")).isEqualTo(0.1);
        assertThat(back.get("float")).isEqualTo(1.5f);
        assertThat(back.get("short")).isEqualTo((short) -3);
        assertThat(back.get("byte")).isEqualTo((byte) 9);
        assertThat(back.get("big_integer")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(back.get("big_decimal")).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void eventsReadFromTheEcsFixturesComeBackEqual() throws Exception {
        for (String name : List.of("full.json", "nested.json", "dotted.json", "unknown-fields.json")) {
            SecurityEvent event = EcsJsonCodec.fromJson(TestEvents.resource(name));

            assertThat(roundTrip(event)).as(name).isEqualTo(event);
        }
    }

    @Test
    void anEmptyEventAndAnEmptyExtraStayDistinctFromNull() throws IOException {
        SecurityEvent empty = SecurityEvent.builder().build();
        // the builder drops an empty extra; the record keeps it
        SecurityEvent emptyExtra = new SecurityEvent(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, Map.of());
        assertThat(emptyExtra.extra()).isNotNull();

        assertThat(roundTrip(empty)).isEqualTo(empty);
        assertThat(roundTrip(empty).extra()).isNull();
        assertThat(roundTrip(emptyExtra).extra()).isNotNull().isEmpty();
    }

    @Test
    void keepsWhatJsonCannotTellApart() throws IOException {
        // JSON reads an all-null component and an empty list back as null
        SecurityEvent event = SecurityEvent.builder().tags(List.of())
                .source(new SecurityEvent.Endpoint(null, null, null, null, null, null, null)).build();

        SecurityEvent back = roundTrip(event);

        assertThat(back.tags()).isNotNull().isEmpty();
        assertThat(back.source()).isNotNull();
        assertThat(back).isEqualTo(event);
    }

    @Test
    void randomEventsComeBackEqual() throws IOException {
        Random random = new Random(20261124);
        for (int i = 0; i < 2_000; i++) {
            SecurityEvent event = randomEvent(random);

            assertThat(roundTrip(event)).as("event %d: %s", i, event).isEqualTo(event);
        }
    }

    @Test
    void smallerThanTheJsonOfTheSameEvent() throws IOException {
        SecurityEvent full = TestEvents.full();

        assertThat(bytes(full).length).isLessThan(EcsJsonCodec.toJsonBytes(full).length);
    }

    @Test
    void aWrongFirstByteIsRefusedWithBoth() throws IOException {
        byte[] bytes = bytes(TestEvents.full());
        bytes[0] = 0x00;

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class)
                .hasMessageContaining("first byte 0x00, expected 0x81");
    }

    @Test
    void everyTruncationIsAnIoException() throws IOException {
        SecurityEvent full = TestEvents.full().toBuilder().extra(extraOfEveryKind()).build();
        byte[] bytes = bytes(full);
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);

            assertThatThrownBy(() -> read(cut)).as("cut at %d of %d", length, bytes.length)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void anUnknownValueTagInExtraIsNamed() throws IOException {
        SecurityEvent event = SecurityEvent.builder().extra(Map.of("k", "v")).build();
        byte[] bytes = bytes(event);
        // layout: format, mask (bit 19 set: 3 varint bytes), tree size 1, name length 2, 'k', tag, ...
        int tagAt = 1 + 3 + 1 + 1 + 1;
        assertThat(bytes[tagAt]).isEqualTo((byte) 1);
        bytes[tagAt] = 99;

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class)
                .hasMessageContaining("unknown value tag 99");
    }

    @Test
    void theVersionOneLayoutStaysPut() throws IOException {
        SecurityEvent event = SecurityEvent.builder().timestamp(Instant.ofEpochSecond(1, 2)).message("hi").build();

        // format, mask (timestamp, message), seconds zig-zagged, nanos, string header (2 x 2 chars, Latin-1), chars
        assertThat(bytes(event)).containsExactly(0x81, 0x03, 0x02, 0x02, 0x04, 'h', 'i');
    }

    @Test
    void bigDecimalsOfAnyScaleAndOtherNumberTypesComeBack() throws IOException {
        java.util.concurrent.atomic.DoubleAdder nan = new java.util.concurrent.atomic.DoubleAdder();
        nan.add(Double.NaN);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("tiny", new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE));
        extra.put("huge", new BigDecimal(BigInteger.TEN.pow(50).negate(), Integer.MAX_VALUE));
        extra.put("atomic", new java.util.concurrent.atomic.AtomicInteger(5));
        extra.put("adder", nan);

        Map<String, Object> back = roundTrip(SecurityEvent.builder().extra(extra).build()).extra();

        assertThat(back.get("tiny")).isEqualTo(extra.get("tiny"));
        assertThat(back.get("huge")).isEqualTo(extra.get("huge"));
        // types no reader makes come back as their value, as through JSON
        assertThat(back.get("atomic")).isEqualTo(5L);
        assertThat((Double) back.get("adder")).isNaN();
    }

    @Test
    void extraNestedPastTheLimitIsRefusedOnWriteAndOnRead() throws IOException {
        ExtraTree root = ExtraTree.create();
        ExtraTree at = root;
        for (int i = 0; i < SecurityEventBinary.MAX_DEPTH; i++) {
            at = at.child("a");
        }
        at.put("leaf", 1);
        SecurityEvent tooDeep = SecurityEvent.builder().extra(root.build()).build();

        assertThatThrownBy(() -> bytes(tooDeep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deeper than 512");

        ByteArrayOutputStream crafted = new ByteArrayOutputStream();
        crafted.write(new byte[] {(byte) 0x81, (byte) 0x80, (byte) 0x80, 0x20}); // mask: extra only
        for (int i = 0; i < 5_000; i++) {
            crafted.write(new byte[] {1, 2, 'a', 12}); // one name, "a", a map
        }
        assertThatThrownBy(() -> read(crafted.toByteArray())).isInstanceOf(IOException.class)
                .hasMessageContaining("deeper than 512");
    }

    @Test
    void corruptRecordsAreIoExceptionsNamingTheProblem() {
        byte[] extraHead = {(byte) 0x81, (byte) 0x80, (byte) 0x80, 0x20};
        assertCorrupt(concat(extraHead, new byte[] {2, 2, 'a', 2, 2, 'a', 3}), "\"a\" twice in one object");
        assertCorrupt(concat(extraHead, new byte[] {1, 2, 'a', 0}), "\"a\" without a value");
        assertCorrupt(concat(extraHead, new byte[] {1, 2, 'a', 12, 0}), "\"a\" without a value");
        assertCorrupt(concat(extraHead, new byte[] {1, 4, 'a', '.', 2}), "is not one segment");
        // 2^40 tagged as an int
        assertCorrupt(concat(extraHead, new byte[] {1, 2, 'a', 4, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                (byte) 0x80, 0x40}), "where a number from -2147483648 to 2147483647");
        // bit 20 of the root mask: no such component
        assertCorrupt(new byte[] {(byte) 0x81, (byte) 0x80, (byte) 0x80, 0x40}, "of a record with 20 components");
        // a message announced as 2^30 chars, three bytes present: an EOF, not a 1 GB buffer
        assertThatThrownBy(() -> read(new byte[] {(byte) 0x81, 0x02, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                (byte) 0x80, 0x08, 'a', 'b', 'c'})).isInstanceOf(java.io.EOFException.class);
    }

    private static void assertCorrupt(byte[] bytes, String reason) {
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class).hasMessageContaining(reason);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Map<String, Object> extraOfEveryKind() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("name", "engineering-ws-3");
        nested.put("deeper", Map.of("level", 3));
        List<Object> list = new ArrayList<>();
        list.add("a");
        list.add(null);
        list.add(Map.of());
        list.add(List.of(1, 2L, "三"));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("int", 7);
        extra.put("long", -7L);
        extra.put("double", 0.1);
        extra.put("float", 1.5f);
        extra.put("short", (short) -3);
        extra.put("byte", (byte) 9);
        extra.put("big_integer", new BigInteger("123456789012345678901234567890"));
        extra.put("big_decimal", new BigDecimal("1.50"));
        extra.put("yes", true);
        extra.put("no", false);
        extra.put("text", "登录\uD800失败");
        extra.put("list", list);
        extra.put("nested", nested);
        extra.put("source.geo.country_iso_code", "CN");
        return extra;
    }

    /** Each component present or not at random, strings from every alphabet, numbers at the extremes too. */
    private static SecurityEvent randomEvent(Random r) {
        SecurityEvent.Syslog syslog = r.nextBoolean() ? null : new SecurityEvent.Syslog(
                maybeInt(r), maybe(r), maybeInt(r), maybe(r), maybeInt(r), maybe(r), maybe(r), maybe(r), maybe(r),
                maybe(r), r.nextBoolean() ? null : Map.of(text(r) + "@1", Map.of(text(r), text(r))));
        SecurityEvent.Ics ics = r.nextBoolean() ? null : new SecurityEvent.Ics(maybe(r), maybe(r), maybeInt(r),
                maybe(r), r.nextBoolean() ? null : r.nextBoolean(), maybe(r), maybeLong(r), maybeLong(r));
        SecurityEventBuilder b = SecurityEvent.builder()
                .timestamp(r.nextBoolean() ? null : Instant.ofEpochSecond(r.nextInt(2_000_000_000) - 1_000_000_000L,
                        r.nextInt(1_000_000_000)))
                .message(maybe(r))
                .tags(r.nextBoolean() ? null : List.of(text(r), text(r)))
                .labels(r.nextBoolean() ? null : Map.of(text(r) + "1", text(r), text(r) + "2", text(r)))
                .event(r.nextBoolean() ? null : new SecurityEvent.EventInfo(maybe(r), maybe(r),
                        r.nextBoolean() ? null : List.of(text(r)), r.nextBoolean() ? null : List.of(),
                        maybe(r), maybe(r), maybe(r), maybe(r), maybe(r), maybeInt(r), maybe(r), maybeInstant(r),
                        maybeInstant(r), maybeInstant(r), maybeInstant(r), maybeLong(r)))
                .source(r.nextBoolean() ? null : endpoint(r))
                .destination(r.nextBoolean() ? null : endpoint(r))
                .network(r.nextBoolean() ? null : new SecurityEvent.Network(maybe(r), maybe(r), maybe(r), maybe(r),
                        maybe(r), maybe(r), maybe(r), maybeLong(r), maybeLong(r), maybe(r)))
                .observer(r.nextBoolean() ? null : new SecurityEvent.Observer(maybe(r),
                        r.nextBoolean() ? null : List.of(text(r)), maybe(r), maybe(r), maybe(r), maybe(r)))
                .host(r.nextBoolean() ? null : new SecurityEvent.Host(maybe(r), maybe(r), null))
                .user(r.nextBoolean() ? null : new SecurityEvent.User(maybe(r), maybe(r), maybe(r)))
                .process(r.nextBoolean() ? null : new SecurityEvent.Process(maybe(r), maybeLong(r)))
                .log(r.nextBoolean() ? null : new SecurityEvent.Log(maybe(r), maybe(r), maybe(r), maybeLong(r), syslog))
                .dns(r.nextBoolean() ? null : new SecurityEvent.Dns(maybe(r), maybe(r), maybe(r), maybe(r), maybe(r),
                        maybe(r), maybe(r), null, r.nextBoolean() ? null : List.of(new SecurityEvent.DnsAnswer(
                                maybe(r), maybe(r), maybe(r), maybe(r), maybeLong(r))), null))
                .http(r.nextBoolean() ? null : new SecurityEvent.Http(maybe(r), maybe(r), maybe(r), maybeLong(r),
                        maybeInt(r), maybeLong(r), maybe(r)))
                .url(r.nextBoolean() ? null : new SecurityEvent.Url(maybe(r), maybe(r), maybe(r), maybe(r),
                        maybeInt(r), maybe(r), maybe(r)))
                .userAgent(maybe(r))
                .tls(r.nextBoolean() ? null : new SecurityEvent.Tls(maybe(r), maybe(r), maybe(r),
                        r.nextBoolean() ? null : r.nextBoolean(), maybe(r), maybe(r), maybe(r), maybe(r)))
                .fenghuo(r.nextBoolean() ? null : new SecurityEvent.FenghuoFields(maybe(r), maybe(r), ics));
        if (r.nextBoolean()) {
            b.extra(Map.of("x" + r.nextInt(5), randomValue(r, 3), "y", randomValue(r, 3)));
        }
        return b.build();
    }

    private static Object randomValue(Random r, int depth) {
        int kind = r.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> text(r) + "v";
            case 1 -> r.nextBoolean();
            case 2 -> r.nextInt();
            case 3 -> r.nextBoolean() ? Long.MIN_VALUE : r.nextLong();
            case 4 -> r.nextDouble() * 1e6;
            case 5 -> new BigInteger(80, r);
            case 6 -> Map.of("m" + r.nextInt(3), randomValue(r, depth - 1));
            default -> List.of(randomValue(r, depth - 1), randomValue(r, depth - 1));
        };
    }

    private static SecurityEvent.Endpoint endpoint(Random r) {
        return new SecurityEvent.Endpoint(maybe(r), maybeInt(r), maybe(r), maybe(r), maybe(r), maybeLong(r),
                maybeLong(r));
    }

    private static String maybe(Random r) {
        return r.nextBoolean() ? null : text(r);
    }

    private static Integer maybeInt(Random r) {
        return r.nextBoolean() ? null : r.nextBoolean() ? Integer.MIN_VALUE : r.nextInt();
    }

    private static Long maybeLong(Random r) {
        return r.nextBoolean() ? null : r.nextBoolean() ? Long.MAX_VALUE : r.nextLong();
    }

    private static Instant maybeInstant(Random r) {
        return r.nextBoolean() ? null : Instant.ofEpochSecond(r.nextInt(), r.nextInt(1_000_000_000));
    }

    private static String text(Random r) {
        String alphabet = ALPHABETS[r.nextInt(ALPHABETS.length)];
        StringBuilder s = new StringBuilder();
        int length = r.nextInt(12);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static SecurityEvent roundTrip(SecurityEvent event) throws IOException {
        return read(bytes(event));
    }

    private static byte[] bytes(SecurityEvent event) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            SecurityEventBinary.write(event, out);
        }
        return buffer.toByteArray();
    }

    private static SecurityEvent read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        SecurityEvent event = SecurityEventBinary.read(in);
        assertThat(in.available()).as("bytes left after the event").isZero();
        return event;
    }
}
