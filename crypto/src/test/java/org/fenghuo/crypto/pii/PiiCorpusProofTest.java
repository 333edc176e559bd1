package org.fenghuo.crypto.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.fenghuo.crypto.pii.detect.PiiScanner;
import org.fenghuo.crypto.pii.detect.PiiSpan;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.crypto.pii.sample.PiiCorpus;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The proof of issue 6 for personal data: a seeded corpus goes through {@code protect} with the
 * shipped policy, is stored as JSON, and then no detector finds personal data in that JSON, none
 * of the planted values occurs in it, the blind index finds exactly the events of a person, and
 * reveal gives the planted values back to a permitted caller only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PiiCorpusProofTest {

    private static final int EVENTS = 3000;
    /** Fields whose sealed values and tokens must come back on reveal (masked ones cannot). */
    private static final List<String> REVEALED_FIELDS = List.of("message", "event.original", "url.original",
            "url.query", "http.request.referrer", "labels.case_contact", "log.syslog.structured_data.citizen@32473.mobile",
            "user.name", "user.email", "user.phone", "user.full_name", "related.user", "source.user.name",
            "fenghuo.person.id_number", "fenghuo.person.phone", "fenghuo.person.name", "fenghuo.person.address",
            "fenghuo.vehicle.plate");

    private final PiiPolicy policy = PiiPolicy.defaults();
    private final InMemoryKeyRing keys = PiiFixtures.keys();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PiiCorpus corpus = PiiCorpus.standard();
    private List<PiiCorpus.Sample> samples;
    private List<String> storedJson;

    @BeforeAll
    void protectAndStore() {
        samples = corpus.samples(EVENTS);
        PiiProtector protector = new PiiProtector(policy, keys, PiiFixtures.RANDOM, registry);
        storedJson = new ArrayList<>(EVENTS);
        for (PiiCorpus.Sample s : samples) {
            storedJson.add(EcsJsonCodec.toJson(protector.protect(s.event())));
        }
    }

    @Test
    void theCorpusReallyCarriesPersonalDataBeforeProtection() {
        PiiScanner scanner = PiiScanner.allKinds();
        Map<PiiKind, Integer> found = new HashMap<>();
        for (PiiCorpus.Sample s : samples) {
            for (PiiSpan span : scanner.scan(EcsJsonCodec.toJson(s.event()))) {
                found.merge(span.kind(), 1, Integer::sum);
            }
        }
        assertThat(found.keySet()).containsExactlyInAnyOrder(PiiKind.ID_NUMBER, PiiKind.PHONE, PiiKind.BANK_CARD,
                PiiKind.EMAIL, PiiKind.PLATE);
        assertThat(found.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(EVENTS);
        long withPlanted = samples.stream().filter(s -> !s.planted().isEmpty()).count();
        assertThat(withPlanted).isBetween(EVENTS * 45L / 100, EVENTS * 75L / 100);
    }

    @Test
    void noDetectorFindsPersonalDataInTheStoredJson() {
        PiiScanner scanner = PiiScanner.allKinds();
        List<String> leaks = new ArrayList<>();
        for (String json : storedJson) {
            for (PiiSpan span : scanner.scan(json)) {
                leaks.add(span.kind() + " at " + span.start() + " in " + json);
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void noPlantedValueOccursInTheStoredJson() {
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < EVENTS; i++) {
            String json = storedJson.get(i);
            for (PiiCorpus.Planted p : samples.get(i).planted()) {
                checked++;
                if (json.contains(p.written()) || json.contains(p.canonical())) {
                    leaks.add(p + " in " + json);
                }
            }
        }
        assertThat(checked).isGreaterThan(4 * EVENTS);
        assertThat(leaks).isEmpty();
    }

    @Test
    void blindIndexFindsExactlyTheEventsOfAPerson() throws Exception {
        Map<String, Set<String>> eventsByTerm = new HashMap<>();
        for (String json : storedJson) {
            SecurityEvent stored = EcsJsonCodec.fromJson(json);
            Object terms = EcsFieldPath.of(BlindIndex.TERMS_FIELD).get(stored);
            if (terms instanceof List<?> list) {
                for (Object term : list) {
                    eventsByTerm.computeIfAbsent((String) term, t -> new TreeSet<>()).add(stored.event().id());
                }
            }
        }
        BlindIndex index = new BlindIndex(keys, policy);
        int personsWithSeveralSpellings = 0;
        for (PiiCorpus.Person person : corpus.persons()) {
            for (PiiKind kind : List.of(PiiKind.ID_NUMBER, PiiKind.PHONE, PiiKind.EMAIL, PiiKind.PLATE, PiiKind.BANK_CARD)) {
                String value = valueOf(person, kind);
                String canonical = PiiNormalizer.normalize(kind, value);
                Set<String> expected = new TreeSet<>();
                Set<String> spellings = new HashSet<>();
                for (PiiCorpus.Sample s : samples) {
                    for (PiiCorpus.Planted p : s.planted()) {
                        if (p.kind() == kind && p.canonical().equals(canonical)) {
                            expected.add(s.event().event().id());
                            spellings.add(p.written());
                        }
                    }
                }
                if (spellings.size() > 2) {
                    personsWithSeveralSpellings++;
                }
                Set<String> actual = eventsByTerm.getOrDefault(index.termFor(kind, value), Set.of());
                assertThat(actual).as(kind + " of " + person.login()).isEqualTo(expected);
            }
            String idField = "fenghuo.person.id_number";
            assertThat(index.termFor(idField, person.idNumber().toLowerCase()))
                    .isEqualTo(index.termFor(PiiKind.ID_NUMBER, person.idNumber()));
        }
        assertThat(personsWithSeveralSpellings).isGreaterThan(corpus.persons().size());
    }

    @Test
    void revealGivesThePlantedValuesBackToAPermittedCallerOnly() throws Exception {
        List<RevealRecord> audit = new ArrayList<>();
        PiiRevealer revealer = new PiiRevealer(policy, keys, audit::add, Clock.systemUTC(), registry);
        RevealCaller officer = new RevealCaller("wang", Set.of("pii-officer"));
        int compared = 0;
        for (int i = 0; i < EVENTS; i++) {
            SecurityEvent original = samples.get(i).event();
            SecurityEvent revealed = revealer.reveal(officer, "proof test", EcsJsonCodec.fromJson(storedJson.get(i)));
            for (String field : REVEALED_FIELDS) {
                EcsFieldPath path = EcsFieldPath.of(field);
                assertThat(path.get(revealed)).as(field + " of " + original.event().id()).isEqualTo(path.get(original));
                compared += path.get(original) == null ? 0 : 1;
            }
        }
        assertThat(compared).isGreaterThan(2 * EVENTS);
        assertThat(audit).isNotEmpty().allMatch(r -> r.outcome() == RevealRecord.Outcome.REVEALED);

        audit.clear();
        SecurityEvent stored = EcsJsonCodec.fromJson(storedJson.get(indexOfCityRecord()));
        RevealCaller analyst = new RevealCaller("zhao", Set.of("analyst"));
        assertThatThrownBy(() -> revealer.reveal(analyst, "curious", stored))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(CryptoFailure.Reason.NOT_PERMITTED));
        assertThat(audit).isNotEmpty().allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(RevealRecord.Outcome.REFUSED);
            assertThat(r.principal()).isEqualTo("zhao");
            assertThat(r.documentId()).isEqualTo(stored.event().id());
        });
        assertThat(audit).extracting(RevealRecord::field).contains("fenghuo.person.id_number", "message");
    }

    @Test
    void countersAddUp() {
        double spans = 0;
        for (PiiKind kind : PiiKind.values()) {
            spans += PiiFixtures.count(registry, "fenghuo.pii.spans", "kind", kind.label());
        }
        assertThat(spans).isGreaterThan(EVENTS);
        assertThat(PiiFixtures.count(registry, "fenghuo.pii.fields", "action", "encrypt")).isGreaterThan(EVENTS / 2.0);
        assertThat(PiiFixtures.count(registry, "fenghuo.pii.fields", "action", "mask")).isPositive();
        assertThat(registry.find("fenghuo.pii.failures").counters()).isEmpty();
    }

    /**
     * Personal values planted where the shipped policy names no field: modelled keyword fields
     * ({@code tags}, {@code host.name}, {@code event.action}, {@code dns.question.name},
     * {@code dns.answers.*}, {@code log.syslog.appname|msgid|procid}), label keys and values,
     * {@code fenghuo.person.*} fields without a rule of their own, and nested maps and lists of
     * {@code extra}. None may survive protection.
     */
    @Test
    void valuesPlantedInFieldsThePolicyDoesNotNameDoNotSurvive() {
        PiiProtector protector = new PiiProtector(policy, keys, PiiFixtures.RANDOM, new SimpleMeterRegistry());
        PiiScanner scanner = PiiScanner.allKinds();
        List<String> leaks = new ArrayList<>();
        int planted = 0;
        int n = 0;
        for (PiiCorpus.Sample sample : samples.subList(0, 600)) {
            PiiCorpus.Person p = corpus.persons().get(n++ % corpus.persons().size());
            SecurityEvent e = sample.event();
            List<String> values = List.of(p.phone(), p.idNumber(), p.email(), p.plate(), p.bankCard());
            SecurityEvent.EventInfo ei = e.event();
            SecurityEvent stray = e.toBuilder()
                    .tags("vip", "tel:" + p.phone())
                    .labels(Map.of(p.phone(), "contact", "owner_id", p.idNumber()))
                    .event(new SecurityEvent.EventInfo(ei.id(), ei.kind(), ei.category(), ei.type(), "lookup " + p.plate(),
                            ei.outcome(), ei.module(), ei.dataset(), ei.provider(), ei.severity(), ei.original(),
                            ei.created(), ei.ingested(), ei.start(), ei.end(), ei.duration()))
                    .host(new SecurityEvent.Host("h-1", p.phone() + ".sms.example.cn", null))
                    .dns(new SecurityEvent.Dns("1", "query", "QUERY", p.phone() + ".sms.example.cn", "TXT", "IN",
                            "NOERROR", null, List.of(new SecurityEvent.DnsAnswer("x.example.cn", "TXT", "IN",
                            "id=" + p.idNumber() + ";mail=" + p.email(), 60L)), null))
                    .log(new SecurityEvent.Log(null, null, null, null, new SecurityEvent.Syslog(null, null, null, null,
                            null, null, "app " + p.phone(), p.bankCard(), p.email(), null, null)))
                    .extraField("process.command_line", "sms --to " + p.phone() + " --card " + p.bankCard())
                    .extraField("source.geo.name", "home of " + p.idNumber())
                    .extraField("related.hosts", List.of("a.example.cn", p.email()))
                    .extraField("x_vendor", Map.of("nested", Map.of("list", List.of(Map.of("v", p.bankCard()),
                            "plate " + p.plate())), "deep", Map.of(p.email(), List.of(p.idNumber()))))
                    .build();
            if (!"citygate".equals(ei.module())) {
                stray = stray.toBuilder().extraField("fenghuo.person.email", p.email())
                        .extraField("fenghuo.person.birth_date", p.idNumber().substring(6, 14)).build();
            }
            String json = EcsJsonCodec.toJson(protector.protect(stray));
            for (PiiSpan span : scanner.scan(json)) {
                leaks.add(span.kind() + " at " + span.start() + " in " + json);
            }
            for (String v : values) {
                planted++;
                if (json.contains(v)) {
                    leaks.add(v + " in " + json);
                }
            }
        }
        assertThat(planted).isEqualTo(3000);
        assertThat(leaks).isEmpty();
    }

    private int indexOfCityRecord() {
        for (int i = 0; i < EVENTS; i++) {
            if ("citygate".equals(samples.get(i).event().event().module())) {
                return i;
            }
        }
        throw new AssertionError("the corpus has no city record");
    }

    private static String valueOf(PiiCorpus.Person p, PiiKind kind) {
        return switch (kind) {
            case ID_NUMBER -> p.idNumber();
            case PHONE -> p.phone();
            case EMAIL -> p.email();
            case PLATE -> p.plate();
            case BANK_CARD -> p.bankCard();
            case TEXT -> p.name();
        };
    }
}
