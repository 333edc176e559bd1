package org.fenghuo.crypto.pii.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fenghuo.crypto.pii.PiiKind;
import org.fenghuo.crypto.pii.PiiNormalizer;
import org.fenghuo.events.SecurityEvent;

/**
 * A reproducible corpus of realistic hub events carrying personal data in many fields and
 * spellings, for the PII proof tests and the {@code protect} benchmark. A fixed seed gives the same
 * events every time. The standard {@link Mix}: 40% network flows (no personal data), 25% SSH logins
 * (a phone number in some messages), 20% web requests (ID number and phone in the URL, e-mail in the referrer),
 * 15% city-system records (ID, phone, card, e-mail, plate, name and address in nested
 * {@code fenghuo.person}/{@code user} fields, lists, labels, structured data, Chinese text and a
 * JSON {@code event.original}). Persons are drawn from a pool, so one ID number or phone recurs in
 * several events, each time possibly written differently.
 */
public final class PiiCorpus {

    /** One personal value put into an event: its kind, canonical form, the spelling used and where. */
    public record Planted(PiiKind kind, String canonical, String written, String field) {
    }

    /** An event and the personal values it carries. */
    public record Sample(SecurityEvent event, List<Planted> planted) {
    }

    /**
     * Shares of each kind of event, in percent (summing to 100). {@link #STANDARD} is dense in
     * personal data (60% of events carry some) to exercise protection; {@link #MOSTLY_FLOWS} is
     * closer to a city hub's traffic, where flows and DNS dominate.
     */
    public record Mix(int flows, int ssh, int web, int city) {
        public static final Mix STANDARD = new Mix(40, 25, 20, 15);
        public static final Mix MOSTLY_FLOWS = new Mix(90, 5, 3, 2);

        public Mix {
            if (flows < 0 || ssh < 0 || web < 0 || city < 0 || flows + ssh + web + city != 100) {
                throw new IllegalArgumentException("shares must be >= 0 and sum to 100: " + flows + "/" + ssh + "/"
                        + web + "/" + city);
            }
        }
    }

    /** A person of the pool. */
    public record Person(String login, String name, String idNumber, String phone, String bankCard, String email,
                         String plate, String address) {
    }

    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    private static final String[] STREETS = {"建国路", "人民路", "中山路", "解放大道", "科技园南路"};

    private final Random random;
    private final Mix mix;
    private final PersonalValues values;
    private final List<Person> persons = new ArrayList<>();
    private int sequence;

    public PiiCorpus(long seed, int persons) {
        this(seed, persons, Mix.STANDARD);
    }

    public PiiCorpus(long seed, int persons, Mix mix) {
        this.random = new Random(seed);
        this.mix = mix;
        this.values = new PersonalValues(random);
        for (int i = 0; i < persons; i++) {
            String login = values.login() + i;
            this.persons.add(new Person(login, values.chineseName(), values.idNumber(i % 4 == 0), values.phone(),
                    values.bankCard(), values.email(login), values.plate(),
                    STREETS[random.nextInt(STREETS.length)] + (random.nextInt(300) + 1) + "号"));
        }
    }

    /** The default corpus: seed 20261123, 40 persons. */
    public static PiiCorpus standard() {
        return new PiiCorpus(20261123L, 40);
    }

    public List<Person> persons() {
        return List.copyOf(persons);
    }

    public List<Sample> samples(int count) {
        List<Sample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    /** The events alone, e.g. for a benchmark. */
    public List<SecurityEvent> events(int count) {
        return samples(count).stream().map(Sample::event).toList();
    }

    public Sample next() {
        int n = sequence++;
        String id = String.format("ev-%08d", n);
        Instant at = START.plusMillis(n * 37L);
        Person p = persons.get(random.nextInt(persons.size()));
        int roll = random.nextInt(100);
        List<Planted> planted = new ArrayList<>();
        SecurityEvent e;
        if (roll < mix.flows()) {
            e = flow(id, at);
        } else if (roll < mix.flows() + mix.ssh()) {
            e = ssh(id, at, p, planted);
        } else if (roll < mix.flows() + mix.ssh() + mix.web()) {
            e = web(id, at, p, planted);
        } else {
            e = cityRecord(id, at, p, planted);
        }
        return new Sample(e, List.copyOf(planted));
    }

    private SecurityEvent flow(String id, Instant at) {
        return SecurityEvent.builder().timestamp(at)
                .event(info(id, "network", "flow", "netflow", null))
                .source(new SecurityEvent.Endpoint(ip(), 1024 + random.nextInt(60000), null, null, null,
                        (long) random.nextInt(1_000_000), (long) random.nextInt(1000)))
                .destination(new SecurityEvent.Endpoint(ip(), random.nextBoolean() ? 443 : 53, null, null, null,
                        (long) random.nextInt(1_000_000), (long) random.nextInt(1000)))
                .network(new SecurityEvent.Network("tcp", "ipv4", null, null, "outbound", null, "6", null, null, null))
                .build();
    }

    private SecurityEvent ssh(String id, Instant at, Person p, List<Planted> planted) {
        String message = "Accepted password for " + p.login() + " from " + ip() + " port " + (1024 + random.nextInt(60000))
                + " ssh2";
        if (random.nextBoolean()) {
            String phone = phoneWritten(p.phone());
            message += " (registered mobile " + phone + ")";
            plant(planted, PiiKind.PHONE, phone, "message");
            plant(planted, PiiKind.PHONE, phone, "event.original");
        }
        String original = "<38>Nov 23 08:00:00 bastion sshd[" + (1000 + random.nextInt(9000)) + "]: " + message;
        return SecurityEvent.builder().timestamp(at).message(message)
                .event(info(id, "authentication", "start", "syslog", original))
                .user(new SecurityEvent.User(p.login(), null, "CITY"))
                .source(new SecurityEvent.Endpoint(ip(), null, null, null, null, null, null))
                .build();
    }

    private SecurityEvent web(String id, Instant at, Person p, List<Planted> planted) {
        String idn = random.nextBoolean() ? p.idNumber() : p.idNumber().toLowerCase(java.util.Locale.ROOT);
        String phone = random.nextBoolean() ? p.phone() : "%2B86" + p.phone();
        String query = "idno=" + idn + "&mobile=" + phone + "&page=" + random.nextInt(9);
        String path = "/api/citizen/query";
        String referrer = "https://portal.city.gov.cn/profile?email=" + p.email();
        for (String field : List.of("url.original", "url.query", "message")) {
            plant(planted, PiiKind.ID_NUMBER, idn, field);
        }
        for (String field : List.of("url.original", "url.query", "message")) {
            plant(planted, PiiKind.PHONE, phone, field);
        }
        plant(planted, PiiKind.EMAIL, p.email(), "http.request.referrer");
        return SecurityEvent.builder().timestamp(at).message("GET " + path + "?" + query + " 200")
                .event(info(id, "web", "access", "nginx", null))
                .url(new SecurityEvent.Url(path + "?" + query, null, "https", "portal.city.gov.cn", null, path, query))
                .http(new SecurityEvent.Http("1.1", "GET", referrer, null, 200, (long) random.nextInt(50_000), "application/json"))
                .userAgent("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Mobile Safari/537.36")
                .source(new SecurityEvent.Endpoint(ip(), null, null, null, null, null, null))
                .build();
    }

    private SecurityEvent cityRecord(String id, Instant at, Person p, List<Planted> planted) {
        String idn = idWritten(p.idNumber());
        String phone = phoneWritten(p.phone());
        String card = cardWritten(p.bankCard());
        String message = "车辆" + p.plate() + "通过卡口，车主手机" + phone + "，身份证号" + idn + "。";
        String original = "{\"plate\":\"" + p.plate() + "\",\"card\":\"" + card + "\",\"contact\":\"" + p.email() + "\"}";
        plant(planted, PiiKind.PLATE, p.plate(), "message");
        plant(planted, PiiKind.PHONE, phone, "message");
        plant(planted, PiiKind.ID_NUMBER, idn, "message");
        plant(planted, PiiKind.PLATE, p.plate(), "event.original");
        plant(planted, PiiKind.BANK_CARD, card, "event.original");
        plant(planted, PiiKind.EMAIL, p.email(), "event.original");
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id_number", idn);
        person.put("phone", phone);
        person.put("name", p.name());
        person.put("address", p.address());
        person.put("bank_card", card);
        plant(planted, PiiKind.ID_NUMBER, idn, "fenghuo.person.id_number");
        plant(planted, PiiKind.PHONE, phone, "fenghuo.person.phone");
        plant(planted, PiiKind.TEXT, p.name(), "fenghuo.person.name");
        plant(planted, PiiKind.TEXT, p.address(), "fenghuo.person.address");
        plant(planted, PiiKind.BANK_CARD, card, "fenghuo.person.bank_card");
        plant(planted, PiiKind.PLATE, p.plate(), "fenghuo.vehicle.plate");
        plant(planted, PiiKind.EMAIL, p.email(), "user.email");
        plant(planted, PiiKind.PHONE, p.phone(), "user.phone");
        plant(planted, PiiKind.TEXT, p.name(), "user.full_name");
        plant(planted, PiiKind.PHONE, phone, "labels.case_contact");
        plant(planted, PiiKind.PHONE, p.phone(), "log.syslog.structured_data.citizen@32473.mobile");
        SecurityEvent.Log log = new SecurityEvent.Log(null, null, null, null, new SecurityEvent.Syslog(14, null, 6,
                null, 110, "gate-07", "gatekeeper", null, "PASS", "1",
                Map.of("citizen@32473", Map.of("mobile", p.phone(), "gate", "G07"))));
        return SecurityEvent.builder().timestamp(at).message(message)
                .event(info(id, "iam", "info", "citygate", original))
                .labels(Map.of("case_contact", phone, "site", "east-gate"))
                .user(new SecurityEvent.User(p.login(), null, "CITY"))
                .log(log)
                .extraField("fenghuo.person", person)
                .extraField("fenghuo.vehicle.plate", p.plate())
                .extraField("user.email", p.email())
                .extraField("user.phone", p.phone())
                .extraField("user.full_name", p.name())
                .extraField("related.user", List.of(p.login(), p.name()))
                .extraField("source.user.name", p.login())
                .build();
    }

    private static void plant(List<Planted> planted, PiiKind kind, String written, String field) {
        planted.add(new Planted(kind, PiiNormalizer.normalize(kind, written), written, field));
    }

    private static SecurityEvent.EventInfo info(String id, String category, String type, String module,
                                                String original) {
        return new SecurityEvent.EventInfo(id, "event", List.of(category), List.of(type), null, null, module, null,
                null, null, original, null, null, null, null, null);
    }

    private String ip() {
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private String phoneWritten(String phone) {
        String a = phone.substring(0, 3);
        String b = phone.substring(3, 7);
        String c = phone.substring(7);
        return switch (random.nextInt(7)) {
            case 0 -> "+86 " + a + " " + b + " " + c;
            case 1 -> "+86-" + a + "-" + b + "-" + c;
            case 2 -> "0086" + phone;
            case 3 -> "(+86)" + phone;
            case 4 -> a + "-" + b + "-" + c;
            case 5 -> "+86" + phone;
            default -> phone;
        };
    }

    private String idWritten(String id) {
        return switch (random.nextInt(3)) {
            case 0 -> id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
            case 1 -> id.toLowerCase(java.util.Locale.ROOT);
            default -> id;
        };
    }

    private String cardWritten(String card) {
        int style = random.nextInt(3);
        if (style == 2) {
            return card;
        }
        String sep = style == 0 ? " " : "-";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < card.length(); i += 4) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(card, i, Math.min(card.length(), i + 4));
        }
        return b.toString();
    }
}
