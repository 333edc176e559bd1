package org.fenghuo.collectors.syslog.payload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.SecurityEvent.Endpoint;
import org.fenghuo.events.SecurityEvent.EventInfo;
import org.fenghuo.events.SecurityEvent.Host;
import org.fenghuo.events.SecurityEvent.Http;
import org.fenghuo.events.SecurityEvent.Network;
import org.fenghuo.events.SecurityEvent.Observer;
import org.fenghuo.events.SecurityEvent.Process;
import org.fenghuo.events.SecurityEvent.Url;
import org.fenghuo.events.SecurityEvent.User;
import org.fenghuo.events.SecurityEventBuilder;

/**
 * Merges what a payload parser read into the event the RFC layer built: modelled ECS names go to
 * their typed component, the rest to {@code extra}. A value of the wrong type for a modelled field
 * (a host name in {@code source.ip}, text in {@code source.port}) is not forced and not dropped:
 * it is kept as text under {@code fenghuo.<parser>.<name>} and counted. {@code event.original},
 * {@code event.id} and {@code event.created} are never replaced. Stateless, thread-safe.
 */
public final class EcsFieldsApplier {

    private EcsFieldsApplier() {
    }

    /** The merged event, and how many values had the wrong type for their field. */
    public record Applied(SecurityEvent event, int invalidValues) {
    }

    public static Applied apply(SecurityEvent base, String parser, EcsFields fields) {
        return apply(base, parser, fields, null);
    }

    /** @param dataset replaces {@code event.dataset} when not null, e.g. {@code syslog.cef} */
    public static Applied apply(SecurityEvent base, String parser, EcsFields fields, String dataset) {
        Merge m = new Merge(base, parser);
        m.dataset = dataset;
        for (Map.Entry<String, Object> e : fields.asMap().entrySet()) {
            m.put(e.getKey(), e.getValue());
        }
        return new Applied(m.build(), m.invalid);
    }

    /** Mutable copies of the components, built once at the end. */
    private static final class Merge {
        private final SecurityEvent base;
        private final String parser;
        private final Map<String, Object> extra = new LinkedHashMap<>();
        private int invalid;
        private Instant timestamp;
        private String message;
        private List<String> tags;
        // event
        private List<String> category;
        private List<String> type;
        private String kind;
        private String action;
        private String outcome;
        private String provider;
        private Integer severity;
        private Instant start;
        private Instant end;
        private Long duration;
        private String dataset;
        private final EndpointParts source;
        private final EndpointParts destination;
        private final Object[] network = new Object[10];
        private final Object[] observer = new Object[6];
        private final Object[] host = new Object[3];
        private final Object[] user = new Object[3];
        private final Object[] process = new Object[2];
        private final Object[] http = new Object[7];
        private final Object[] url = new Object[7];
        private String userAgent;
        private String logLevel;

        Merge(SecurityEvent base, String parser) {
            this.base = base;
            this.parser = parser;
            this.source = new EndpointParts(base.source());
            this.destination = new EndpointParts(base.destination());
        }

        void put(String name, Object value) {
            if (!known(name, value)) {
                extra(name, value);
            }
        }

        /** True when {@code name} is modelled (stored, or kept aside as invalid); false for extra. */
        private boolean known(String name, Object value) {
            int dot = name.indexOf('.');
            String head = dot < 0 ? name : name.substring(0, dot);
            String tail = dot < 0 ? "" : name.substring(dot + 1);
            return switch (head) {
                case "@timestamp" -> set(name, value, Instant.class, v -> timestamp = v);
                case "message" -> set(name, value, String.class, v -> message = v);
                case "tags" -> setList(name, value, v -> tags = v);
                case "event" -> event(name, tail, value);
                case "source" -> source.put(this, name, tail, value);
                case "destination" -> destination.put(this, name, tail, value);
                case "network" -> slot(network, name, tail, value, NETWORK);
                case "observer" -> slot(observer, name, tail, value, OBSERVER);
                case "host" -> slot(host, name, tail, value, HOST);
                case "user" -> slot(user, name, tail, value, USER);
                case "process" -> slot(process, name, tail, value, PROCESS);
                case "http" -> slot(http, name, tail, value, HTTP);
                case "url" -> slot(url, name, tail, value, URL);
                case "user_agent" -> tail.equals("original") ? set(name, value, String.class, v -> userAgent = v)
                        : false;
                case "log" -> tail.equals("level") ? set(name, value, String.class, v -> logLevel = v)
                        : modelledElsewhere(name, value, tail.startsWith("syslog") || tail.startsWith("file")
                                || tail.equals("offset") || tail.equals("logger"));
                case "labels", "dns", "tls" -> modelledElsewhere(name, value, true);
                case "fenghuo" -> modelledElsewhere(name, value, tail.equals("input") || tail.equals("flow_id")
                        || tail.startsWith("ics"));
                default -> false;
            };
        }

        private boolean event(String name, String tail, Object value) {
            return switch (tail) {
                case "category" -> setList(name, value, v -> category = v);
                case "type" -> setList(name, value, v -> type = v);
                case "kind" -> set(name, value, String.class, v -> kind = v);
                case "action" -> set(name, value, String.class, v -> action = v);
                case "outcome" -> set(name, value, String.class, v -> outcome = v);
                case "provider" -> set(name, value, String.class, v -> provider = v);
                case "severity" -> setInt(name, value, v -> severity = v);
                case "start" -> set(name, value, Instant.class, v -> start = v);
                case "end" -> set(name, value, Instant.class, v -> end = v);
                case "duration" -> setLong(name, value, v -> duration = v);
                // what the RFC layer and the frame own: a payload cannot rewrite where the event came from
                case "id", "original", "created", "ingested", "module", "dataset" -> modelledElsewhere(name, value, true);
                default -> false;
            };
        }

        /** A modelled name this merge does not set: kept under fenghuo.<parser>, never in extra at its own name. */
        private boolean modelledElsewhere(String name, Object value, boolean modelled) {
            if (modelled) {
                aside(name, value, false);
            }
            return modelled;
        }

        private boolean slot(Object[] slots, String name, String tail, Object value, Map<String, Field> table) {
            Field f = table.get(tail);
            if (f == null) {
                return false;
            }
            Object v = f.kind.convert(value);
            if (v == null) {
                aside(name, value, true);
            } else {
                slots[f.index] = v;
            }
            return true;
        }

        <T> boolean set(String name, Object value, Class<T> type, java.util.function.Consumer<T> to) {
            if (type.isInstance(value)) {
                to.accept(type.cast(value));
            } else if (type == String.class && (value instanceof Number || value instanceof Boolean)) {
                to.accept(type.cast(String.valueOf(value)));
            } else {
                aside(name, value, true);
            }
            return true;
        }

        boolean setList(String name, Object value, java.util.function.Consumer<List<String>> to) {
            List<String> list = Kind.STRINGS.convertList(value);
            if (list == null) {
                aside(name, value, true);
            } else {
                to.accept(list);
            }
            return true;
        }

        boolean setInt(String name, Object value, java.util.function.Consumer<Integer> to) {
            Object v = Kind.INT.convert(value);
            if (v == null) {
                aside(name, value, true);
            } else {
                to.accept((Integer) v);
            }
            return true;
        }

        boolean setLong(String name, Object value, java.util.function.Consumer<Long> to) {
            Object v = Kind.LONG.convert(value);
            if (v == null) {
                aside(name, value, true);
            } else {
                to.accept((Long) v);
            }
            return true;
        }

        /** Keeps a value that cannot go to its field, as text, under this parser's namespace. */
        void aside(String name, Object value, boolean wrongType) {
            if (wrongType) {
                invalid++;
            }
            extra("fenghuo." + parser + "." + name, value instanceof Instant || value instanceof List<?>
                    ? String.valueOf(value) : value);
        }

        private void extra(String name, Object value) {
            extra.put(name, value instanceof Instant i ? i.toString() : value);
        }

        /**
         * The extra names made to fit one tree: names from the wire can clash ("x" and "x.y", or an
         * empty segment); a later clashing name is flattened under this parser and counted. Only run
         * when the builder refused the names as they were, so the common case pays nothing.
         */
        private Map<String, Object> fitted() {
            java.util.Set<String> leaves = new java.util.HashSet<>();
            java.util.Set<String> prefixes = new java.util.HashSet<>();
            Map<String, Object> out = new LinkedHashMap<>();
            String own = "fenghuo." + parser + ".";
            for (Map.Entry<String, Object> e : extra.entrySet()) {
                String name = e.getKey();
                String at = name;
                if (!fits(at, leaves, prefixes)) {
                    at = own + flat(at.startsWith(own) ? at.substring(own.length()) : at);
                    for (int n = 2; !fits(at, leaves, prefixes); n++) {
                        at = own + flat(name) + "_" + n;
                    }
                    invalid++;
                }
                leaves.add(at);
                for (int dot = at.indexOf('.'); dot > 0; dot = at.indexOf('.', dot + 1)) {
                    prefixes.add(at.substring(0, dot));
                }
                out.put(at, e.getValue());
            }
            return out;
        }

        private static boolean fits(String name, java.util.Set<String> leaves, java.util.Set<String> prefixes) {
            if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")
                    || prefixes.contains(name) || leaves.contains(name)) {
                return false;
            }
            for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
                if (leaves.contains(name.substring(0, dot))) {
                    return false;
                }
            }
            return true;
        }

        SecurityEvent build() {
            SecurityEventBuilder b = base.toBuilder();
            if (timestamp != null) {
                b.timestamp(timestamp);
            }
            if (message != null) {
                b.message(message);
            }
            if (tags != null) {
                b.tags(merged(base.tags(), tags));
            }
            b.event(eventInfo(base.event()));
            b.source(source.build());
            b.destination(destination.build());
            Network n = base.network();
            b.network(any(network) ? new Network(
                    or((String) network[0], n == null ? null : n.transport()),
                    or((String) network[1], n == null ? null : n.type()),
                    or((String) network[2], n == null ? null : n.protocol()),
                    or((String) network[3], n == null ? null : n.application()),
                    or((String) network[4], n == null ? null : n.direction()),
                    or((String) network[5], n == null ? null : n.communityId()),
                    or((String) network[6], n == null ? null : n.ianaNumber()),
                    or((Long) network[7], n == null ? null : n.bytes()),
                    or((Long) network[8], n == null ? null : n.packets()),
                    or((String) network[9], n == null ? null : n.vlanId())) : n);
            Observer o = base.observer();
            if (observer[2] != null && o != null && o.name() != null) {
                aside("observer.name", observer[2], false);
            }
            b.observer(any(observer) ? new Observer(
                    or((String) observer[0], o == null ? null : o.hostname()),
                    or(strings(observer[1]), o == null ? null : o.ip()),
                    // observer.name is the collector input that read it: kept
                    o != null && o.name() != null ? o.name() : (String) observer[2],
                    or((String) observer[3], o == null ? null : o.type()),
                    or((String) observer[4], o == null ? null : o.vendor()),
                    or((String) observer[5], o == null ? null : o.product())) : o);
            Host h = base.host();
            b.host(any(host) ? new Host(
                    or((String) host[0], h == null ? null : h.hostname()),
                    or((String) host[1], h == null ? null : h.name()),
                    or(strings(host[2]), h == null ? null : h.ip())) : h);
            User u = base.user();
            b.user(any(user) ? new User(
                    or((String) user[0], u == null ? null : u.name()),
                    or((String) user[1], u == null ? null : u.id()),
                    or((String) user[2], u == null ? null : u.domain())) : u);
            Process p = base.process();
            b.process(any(process) ? new Process(
                    or((String) process[0], p == null ? null : p.name()),
                    or((Long) process[1], p == null ? null : p.pid())) : p);
            Http hp = base.http();
            b.http(any(http) ? new Http(
                    or((String) http[0], hp == null ? null : hp.version()),
                    or((String) http[1], hp == null ? null : hp.requestMethod()),
                    or((String) http[2], hp == null ? null : hp.requestReferrer()),
                    or((Long) http[3], hp == null ? null : hp.requestBytes()),
                    or((Integer) http[4], hp == null ? null : hp.responseStatusCode()),
                    or((Long) http[5], hp == null ? null : hp.responseBytes()),
                    or((String) http[6], hp == null ? null : hp.responseMimeType())) : hp);
            Url ur = base.url();
            b.url(any(url) ? new Url(
                    or((String) url[0], ur == null ? null : ur.original()),
                    or((String) url[1], ur == null ? null : ur.full()),
                    or((String) url[2], ur == null ? null : ur.scheme()),
                    or((String) url[3], ur == null ? null : ur.domain()),
                    or((Integer) url[4], ur == null ? null : ur.port()),
                    or((String) url[5], ur == null ? null : ur.path()),
                    or((String) url[6], ur == null ? null : ur.query())) : ur);
            if (userAgent != null) {
                b.userAgent(userAgent);
            }
            if (logLevel != null && base.log() != null) {
                SecurityEvent.Log l = base.log();
                b.log(new SecurityEvent.Log(logLevel, l.logger(), l.filePath(), l.offset(), l.syslog()));
            } else if (logLevel != null) {
                b.log(new SecurityEvent.Log(logLevel, null, null, null, null));
            }
            for (Map.Entry<String, Object> e : extra.entrySet()) {
                b.extraField(e.getKey(), e.getValue());
            }
            try {
                return b.build();
            } catch (IllegalArgumentException clash) {
                b.extra(null);
                fitted().forEach(b::extraField);
                try {
                    return b.build();
                } catch (IllegalArgumentException modelled) {
                    // a value where the event models an object (JSON "source": "x"): every extra
                    // becomes one flat name under this parser, which cannot clash with anything
                    b.extra(null);
                    String own = "fenghuo." + parser + ".";
                    extra.forEach((k, v) -> b.extraField(own + flat(k), v));
                    invalid++;
                    return b.build();
                }
            }
        }

        private EventInfo eventInfo(EventInfo e) {
            return new EventInfo(e.id(), or(kind, e.kind()), or(category, e.category()), or(type, e.type()),
                    or(action, e.action()), or(outcome, e.outcome()), e.module(), or(dataset, e.dataset()),
                    or(provider, e.provider()), or(severity, e.severity()), e.original(), e.created(), e.ingested(),
                    or(start, e.start()), or(end, e.end()), or(duration, e.duration()));
        }
    }

    /** The parts of source.* or destination.*. */
    private static final class EndpointParts {
        private final Endpoint base;
        private final Object[] parts = new Object[7];

        EndpointParts(Endpoint base) {
            this.base = base;
        }

        boolean put(Merge m, String name, String tail, Object value) {
            return m.slot(parts, name, tail, value, ENDPOINT);
        }

        Endpoint build() {
            if (!any(parts)) {
                return base;
            }
            Endpoint b = base;
            // a payload's source replaces the syslog peer as source: they are different machines
            boolean replace = parts[0] != null || parts[2] != null;
            if (replace) {
                b = null;
            }
            String ip = or((String) parts[0], b == null ? null : b.ip());
            String address = or((String) parts[2], b == null ? null : b.address());
            if (address == null) {
                address = ip;
            }
            return new Endpoint(ip, or((Integer) parts[1], b == null ? null : b.port()), address,
                    or((String) parts[3], b == null ? null : b.domain()), or((String) parts[4], b == null ? null : b.mac()),
                    or((Long) parts[5], b == null ? null : b.bytes()), or((Long) parts[6], b == null ? null : b.packets()));
        }
    }

    private record Field(int index, Kind kind) {
    }

    private static final Map<String, Field> ENDPOINT = table("ip", Kind.IP, "port", Kind.PORT, "address", Kind.STRING,
            "domain", Kind.STRING, "mac", Kind.MAC, "bytes", Kind.LONG, "packets", Kind.LONG);
    private static final Map<String, Field> NETWORK = table("transport", Kind.LOWER, "type", Kind.LOWER,
            "protocol", Kind.LOWER, "application", Kind.STRING, "direction", Kind.LOWER, "community_id", Kind.STRING,
            "iana_number", Kind.STRING, "bytes", Kind.LONG, "packets", Kind.LONG, "vlan.id", Kind.STRING);
    private static final Map<String, Field> OBSERVER = table("hostname", Kind.STRING, "ip", Kind.IPS, "name", Kind.STRING,
            "type", Kind.STRING, "vendor", Kind.STRING, "product", Kind.STRING);
    private static final Map<String, Field> HOST = table("hostname", Kind.STRING, "name", Kind.STRING, "ip", Kind.IPS);
    private static final Map<String, Field> USER = table("name", Kind.STRING, "id", Kind.STRING, "domain", Kind.STRING);
    private static final Map<String, Field> PROCESS = table("name", Kind.STRING, "pid", Kind.LONG);
    private static final Map<String, Field> HTTP = table("version", Kind.STRING, "request.method", Kind.STRING,
            "request.referrer", Kind.STRING, "request.bytes", Kind.LONG, "response.status_code", Kind.INT,
            "response.bytes", Kind.LONG, "response.mime_type", Kind.STRING);
    private static final Map<String, Field> URL = table("original", Kind.STRING, "full", Kind.STRING,
            "scheme", Kind.STRING, "domain", Kind.STRING, "port", Kind.PORT, "path", Kind.STRING, "query", Kind.STRING);

    private static Map<String, Field> table(Object... nameKind) {
        Map<String, Field> t = new LinkedHashMap<>();
        for (int i = 0; i < nameKind.length; i += 2) {
            t.put((String) nameKind[i], new Field(i / 2, (Kind) nameKind[i + 1]));
        }
        return Map.copyOf(t);
    }

    /** The type a modelled field takes; {@link #convert} returns null for a value that does not fit. */
    private enum Kind {
        STRING, LOWER, IP, IPS, MAC, PORT, INT, LONG, STRINGS;

        Object convert(Object v) {
            return switch (this) {
                case STRING -> v instanceof String || v instanceof Number || v instanceof Boolean ? String.valueOf(v) : null;
                case LOWER -> v instanceof String s ? s.toLowerCase(java.util.Locale.ROOT) : null;
                case IP -> v instanceof String s && IpLiteral.isValid(s) ? s : null;
                case IPS -> ips(v);
                case MAC -> v instanceof String s ? MacAddress.normalise(s) : null;
                case PORT -> {
                    Long l = toLong(v);
                    yield l != null && l >= 0 && l <= 65535 ? Integer.valueOf(l.intValue()) : null;
                }
                case INT -> {
                    Long l = toLong(v);
                    yield l != null && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? Integer.valueOf(l.intValue()) : null;
                }
                case LONG -> toLong(v);
                case STRINGS -> convertList(v);
            };
        }

        List<String> convertList(Object v) {
            if (v instanceof String s) {
                return List.of(s);
            }
            if (v instanceof List<?> list) {
                List<String> out = new ArrayList<>(list.size());
                for (Object o : list) {
                    if (!(o instanceof String s)) {
                        return null;
                    }
                    out.add(s);
                }
                return out;
            }
            return null;
        }

        private static List<String> ips(Object v) {
            List<String> list = STRINGS.convertList(v);
            if (list == null) {
                return null;
            }
            for (String s : list) {
                if (!IpLiteral.isValid(s)) {
                    return null;
                }
            }
            return list;
        }
    }

    static Long toLong(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof String s) {
            return PayloadText.parseLong(s);
        }
        return null;
    }

    private static boolean any(Object[] parts) {
        for (Object o : parts) {
            if (o != null) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object v) {
        return (List<String>) v;
    }

    private static <T> T or(T first, T second) {
        return first != null ? first : second;
    }

    private static List<String> merged(List<String> a, List<String> b) {
        if (a == null) {
            return b;
        }
        List<String> out = new ArrayList<>(a);
        for (String s : b) {
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static String flat(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c == '.' ? '_' : c);
        }
        return sb.length() == 0 ? "_" : sb.toString();
    }
}
