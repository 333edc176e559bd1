package org.fenghuo.correlation.incident;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.fenghuo.events.Varints;

/**
 * The learner's checkpoint in a compact binary form. The one learner writes every host at every
 * checkpoint, in its task thread, so size and speed matter: as JSON a host that keeps 20 clients
 * took about 1.1 KB and 100,000 of them about 2 s to write (bench/README.md, "Learned assets
 * state"). Times are exact (seconds and nanoseconds, as varints relative to the host's first
 * observation): a restored learner must answer "as of" questions exactly as before.
 *
 * <p>Layout: a version byte ({@value #VERSION}), then counters, watermark, host count and hosts
 * (least recently observed first). A state written before this format (JSON, first byte
 * {@code '{'}) still reads.
 */
public final class LearnedAssetsStateFormat {
    static final byte VERSION = 1;

    private LearnedAssetsStateFormat() {
    }

    public static byte[] encode(LearnedAssetsState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 96 * state.hosts().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            LearnedAssetsCounters c = state.counters();
            for (long v : new long[] {c.flowsObserved(), c.eventsIgnored(), c.inventoryCovered(), c.evictions(),
                    c.expired()}) {
                Varints.writeUnsigned(out, v);
            }
            writeInstant(out, state.watermark(), 0);
            Varints.writeUnsigned(out, state.hosts().size());
            for (LearnedHost h : state.hosts()) {
                writeHost(out, h);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the learned assets", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalStateException naming the format when the bytes are not a learned-assets state */
    public static LearnedAssetsState decode(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            return IncidentStateCodec.decodeLearnedAssets(bytes);
        }
        if (bytes.length == 0 || bytes[0] != VERSION) {
            throw new IllegalStateException("learned assets state: unknown format "
                    + (bytes.length == 0 ? "(empty)" : Integer.toString(bytes[0])) + ", expected " + VERSION);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
            LearnedAssetsCounters counters = new LearnedAssetsCounters(Varints.readUnsigned(in), Varints.readUnsigned(in),
                    Varints.readUnsigned(in), Varints.readUnsigned(in), Varints.readUnsigned(in));
            Instant watermark = readInstant(in, 0);
            int count = Math.toIntExact(Varints.readUnsigned(in));
            List<LearnedHost> hosts = new ArrayList<>(Math.min(count, 1 << 20));
            for (int i = 0; i < count; i++) {
                hosts.add(readHost(in));
            }
            if (in.available() > 0) {
                throw new IOException(in.available() + " bytes after the last host");
            }
            return new LearnedAssetsState(hosts, watermark, counters);
        } catch (IOException | ArithmeticException | DateTimeException e) {
            throw new IllegalStateException("learned assets state (format " + VERSION + ") does not decode: " + e, e);
        }
    }

    private static void writeHost(DataOutputStream out, LearnedHost h) throws IOException {
        LearnedAsset a = h.learned();
        writeString(out, a.ip());
        writeInstant(out, a.since(), 0);
        long base = a.since() == null ? 0 : a.since().getEpochSecond();
        Varints.writeUnsigned(out, a.icsProtocols().size());
        for (Map.Entry<String, Instant> e : a.icsProtocols().entrySet()) {
            writeString(out, e.getKey());
            writeInstant(out, e.getValue(), base);
        }
        Varints.writeUnsigned(out, a.adminPorts().size());
        for (Map.Entry<Integer, Instant> e : a.adminPorts().entrySet()) {
            Varints.writeSigned(out, e.getKey());
            writeInstant(out, e.getValue(), base);
        }
        writeInstant(out, a.engineeringSince(), base);
        writeInstant(out, a.serverSince(), base);
        writeInstant(out, a.until(), base);
        writeInstant(out, h.lastSeen(), base);
        Varints.writeUnsigned(out, h.clients().size());
        for (Map.Entry<String, Instant> e : h.clients().entrySet()) {
            writeString(out, e.getKey());
            writeInstant(out, e.getValue(), base);
        }
    }

    private static LearnedHost readHost(DataInputStream in) throws IOException {
        String ip = readString(in);
        Instant since = readInstant(in, 0);
        long base = since == null ? 0 : since.getEpochSecond();
        SortedMap<String, Instant> ics = new TreeMap<>();
        for (long n = Varints.readUnsigned(in); n > 0; n--) {
            ics.put(readString(in), readInstant(in, base));
        }
        SortedMap<Integer, Instant> admin = new TreeMap<>();
        for (long n = Varints.readUnsigned(in); n > 0; n--) {
            admin.put(Math.toIntExact(Varints.readSigned(in)), readInstant(in, base));
        }
        Instant engineeringSince = readInstant(in, base);
        Instant serverSince = readInstant(in, base);
        Instant until = readInstant(in, base);
        Instant lastSeen = readInstant(in, base);
        Map<String, Instant> clients = new LinkedHashMap<>();
        for (long n = Varints.readUnsigned(in); n > 0; n--) {
            clients.put(readString(in), readInstant(in, base));
        }
        return new LearnedHost(new LearnedAsset(ip, since, ics, admin, engineeringSince, serverSince, until), lastSeen,
                clients);
    }

    /** Varint byte length and UTF-8: no 64 KB limit as in {@code writeUTF}, which would fail a checkpoint. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        Varints.writeUnsigned(out, utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        long length = Varints.readUnsigned(in);
        if (length < 0 || length > in.available()) {
            throw new IOException("string of " + length + " bytes with " + in.available() + " left");
        }
        byte[] utf8 = new byte[(int) length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Nanosecond + 1 (0 for null), then the seconds relative to {@code baseSecond}, zigzagged. */
    private static void writeInstant(DataOutputStream out, Instant t, long baseSecond) throws IOException {
        if (t == null) {
            Varints.writeUnsigned(out, 0);
            return;
        }
        Varints.writeUnsigned(out, t.getNano() + 1L);
        Varints.writeSigned(out, t.getEpochSecond() - baseSecond);
    }

    private static Instant readInstant(DataInputStream in, long baseSecond) throws IOException {
        long nanoPlusOne = Varints.readUnsigned(in);
        if (nanoPlusOne == 0) {
            return null;
        }
        if (nanoPlusOne > 1_000_000_000L) {
            throw new IOException("nanosecond field " + (nanoPlusOne - 1) + " out of range");
        }
        return Instant.ofEpochSecond(Math.addExact(baseSecond, Varints.readSigned(in)), nanoPlusOne - 1);
    }
}
