package org.fenghuo.correlation.pii;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.keys.KeyRing;
import org.fenghuo.crypto.pii.PiiMasks;
import org.fenghuo.crypto.pii.PiiProtector;
import org.fenghuo.crypto.pii.detect.PiiScanner;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Entities;
import org.fenghuo.events.Incident;

/**
 * Personal data in what the job concludes, before it is stored or published: alerts and incidents
 * name users ({@code user.name} entities, and detectors quote them in messages) and messages can
 * quote an ID or phone number from the evidence.
 *
 * <ul>
 *   <li>Each user name is sealed as the event pipeline seals {@code user.name} (SM4-GCM, context
 *       {@code user.name} in the alert's or incident's own document), so a permitted officer can
 *       reveal it; the evidence events hold the blind-index terms to pivot on.</li>
 *   <li>In the message (incident: title) each user name is replaced with {@value #USER_PLACEHOLDER},
 *       then every ID, phone, card, e-mail and plate the detectors find is masked (masked, not
 *       sealed: the text is for reading, the evidence keeps the sealed value).</li>
 * </ul>
 *
 * Grouping happens before this (incidents group on the clear entities inside the job), so sealing
 * with a fresh nonce per document changes nothing downstream; a replayed alert overwrites its
 * document with another sealing of the same name. Not thread-safe: one per subtask.
 */
public final class FindingProtector {
    public static final String USER_PLACEHOLDER = "[user]";
    static final String USER_FIELD = "user.name";
    /** Shorter names ("a", "x") would blank out letters all over a message. */
    private static final int MIN_QUOTED_NAME = 2;

    private final FieldEnvelope envelope;
    private final PiiScanner scanner = PiiScanner.allKinds();

    public FindingProtector(KeyRing keys, SecureRandom random) {
        this.envelope = new FieldEnvelope(keys, random);
    }

    /** @throws org.fenghuo.crypto.CryptoFailure when no data key can seal: the caller redacts instead */
    public Alert protect(Alert a) {
        List<String> users = a.entities().users();
        String message = text(a.message(), users);
        if (users.isEmpty() && same(message, a.message())) {
            return a;
        }
        return new Alert(a.id(), a.timestamp(), a.ruleId(), a.ruleName(), a.ruleVersion(), a.severity(), a.riskScore(),
                a.category(), a.eventIds(), withUsers(a.entities(), seal(users, a.id())), a.tactics(), a.techniques(),
                message);
    }

    /** @throws org.fenghuo.crypto.CryptoFailure when no data key can seal: the caller redacts instead */
    public Incident protect(Incident i) {
        List<String> users = i.entities().users();
        String title = text(i.title(), users);
        if (users.isEmpty() && same(title, i.title())) {
            return i;
        }
        return new Incident(i.id(), i.created(), i.updated(), title, i.status(), i.severity(), i.riskScore(),
                i.alertIds(), withUsers(i.entities(), seal(users, i.id())), i.tactics(), i.techniques(), i.category(),
                i.warningLevel());
    }

    /** The alert with users and message emptied of personal data without any key: the fallback when sealing fails. */
    public Alert redact(Alert a) {
        return new Alert(a.id(), a.timestamp(), a.ruleId(), a.ruleName(), a.ruleVersion(), a.severity(), a.riskScore(),
                a.category(), a.eventIds(), withUsers(a.entities(), redacted(a.entities().users())), a.tactics(),
                a.techniques(), text(a.message(), a.entities().users()));
    }

    /** As {@link #redact(Alert)}, for an incident. */
    public Incident redact(Incident i) {
        return new Incident(i.id(), i.created(), i.updated(), text(i.title(), i.entities().users()), i.status(),
                i.severity(), i.riskScore(), i.alertIds(), withUsers(i.entities(), redacted(i.entities().users())),
                i.tactics(), i.techniques(), i.category(), i.warningLevel());
    }

    private List<String> seal(List<String> users, String documentId) {
        List<String> sealed = new ArrayList<>(users.size());
        for (String u : users) {
            sealed.add(FieldEnvelope.isSealed(u) ? u : envelope.seal(u, PiiProtector.context(USER_FIELD, documentId)));
        }
        return sealed;
    }

    private static List<String> redacted(List<String> users) {
        return users.stream().map(u -> USER_PLACEHOLDER).distinct().toList();
    }

    /** User names quoted in the text replaced (longest first, so "root2" is not left as "[user]2"), then findings masked. */
    String text(String text, List<String> users) {
        if (text == null) {
            return null;
        }
        String out = text;
        List<String> byLength = new ArrayList<>(users);
        byLength.sort(Comparator.comparingInt(String::length).reversed());
        for (String u : byLength) {
            if (u.length() >= MIN_QUOTED_NAME && !FieldEnvelope.isSealed(u)) {
                out = out.replace(u, USER_PLACEHOLDER);
            }
        }
        return PiiMasks.maskSpans(out, scanner.scan(out));
    }

    private static Entities withUsers(Entities e, List<String> users) {
        return new Entities(e.sourceIps(), e.destinationIps(), users, e.hosts());
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
