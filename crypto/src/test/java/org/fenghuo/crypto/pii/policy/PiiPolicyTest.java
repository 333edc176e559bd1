package org.fenghuo.crypto.pii.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.fenghuo.crypto.pii.PiiKind;
import org.fenghuo.crypto.pii.RevealCaller;
import org.junit.jupiter.api.Test;

class PiiPolicyTest {

    private static PiiPolicyException failure(String yaml) {
        try {
            PiiPolicy.parse(yaml, "test.yml");
        } catch (PiiPolicyException e) {
            return e;
        }
        throw new AssertionError("the policy was accepted:\n" + yaml);
    }

    @Test
    void readsRulesScansAndReveal() throws PiiPolicyException {
        PiiPolicy policy = PiiPolicy.parse("""
                fields:
                  user.id: { kind: id_number, actions: [encrypt, blind_index] }
                  user.email:
                    kind: email
                    actions: [mask, blind_index]
                  fenghuo.person.*: { actions: [drop] }
                scan:
                  message: { replace: mask, kinds: [phone, email] }
                  url:
                reveal:
                  principals: [alice]
                  roles: [pii-officer]
                """, "test.yml");
        assertThat(policy.fields()).containsExactly(
                new FieldRule("user.id", PiiKind.ID_NUMBER, Set.of(PiiAction.ENCRYPT, PiiAction.BLIND_INDEX)),
                new FieldRule("user.email", PiiKind.EMAIL, Set.of(PiiAction.MASK, PiiAction.BLIND_INDEX)),
                new FieldRule("fenghuo.person", PiiKind.TEXT, Set.of(PiiAction.DROP)));
        assertThat(policy.scans()).containsExactly(
                new ScanRule("message", ScanRule.Replacement.MASK, false, Set.of(PiiKind.PHONE, PiiKind.EMAIL)),
                new ScanRule("url", ScanRule.Replacement.SEAL, true,
                        Set.of(PiiKind.ID_NUMBER, PiiKind.PHONE, PiiKind.BANK_CARD, PiiKind.EMAIL, PiiKind.PLATE)));
        assertThat(policy.fieldRuleFor("fenghuo.person.name")).map(FieldRule::path).contains("fenghuo.person");
        assertThat(policy.fieldRuleFor("fenghuo.personal")).isEmpty();
        assertThat(policy.scanRuleFor("url.query")).map(ScanRule::path).contains("url");
        assertThat(policy.reveal().permits(new RevealCaller("alice", Set.of()))).isTrue();
        assertThat(policy.reveal().permits(new RevealCaller("bob", Set.of("pii-officer")))).isTrue();
        assertThat(policy.reveal().permits(new RevealCaller("bob", Set.of("analyst")))).isFalse();
    }

    @Test
    void shippedDefaultLoadsAndCoversTheUsualFields() {
        PiiPolicy policy = PiiPolicy.defaults();
        for (String field : new String[] {"user.id", "user.name", "user.email", "related.user", "source.user.name",
            "destination.user.name", "fenghuo.person.id_number", "fenghuo.vehicle.plate"}) {
            assertThat(policy.fieldRuleFor(field)).as(field).isPresent();
        }
        for (String field : new String[] {"message", "event.original", "url.original", "url.query"}) {
            assertThat(policy.scanRuleFor(field)).as(field).isPresent();
        }
        assertThat(policy.reveal().permits(new RevealCaller("anyone", Set.of("analyst")))).isFalse();
    }

    @Test
    void yamlSyntaxErrorNamesItsLine() {
        PiiPolicyException e = failure("""
                fields:
                  user.id: { kind: text, actions: [encrypt }
                """);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("not valid YAML");
        });
        assertThat(e.getMessage()).startsWith("test.yml: line 2: not valid YAML");
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        PiiPolicyException e = failure("""
                fields:
                  user.id: { kind: passport, actions: [encrypt] }
                  user.name: { actions: [encrypted] }
                  user.domain: { actions: [blind_index] }
                  user.email: { actions: [encrypt, mask] }
                  source.port: { actions: [drop] }
                  event.id: { actions: [encrypt] }
                  fenghuo.pii.terms: { actions: [drop] }
                  fenghuo.x: { kind: email }
                scan:
                  message: { replace: blank }
                  colour: blue
                """);
        assertThat(e.problems()).extracting(PiiPolicyException.Problem::line)
                .containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8, 9, 11, 12);
        assertThat(e.getMessage())
                .contains("line 2: fields.user.id.kind: 'passport' is not one of id_number")
                .contains("line 3: fields.user.name.actions: 'encrypted' is not one of encrypt, blind_index, mask, drop")
                .contains("line 4: fields.user.domain.actions: needs one of encrypt, mask or drop: blind_index alone")
                .contains("line 5: fields.user.email.actions: encrypt, mask and drop exclude each other")
                .contains("line 6: fields.source.port: is a modelled field that is not free text")
                .contains("line 7: fields.event.id: is the document id")
                .contains("line 8: fields.fenghuo.pii.terms: is under fenghuo.pii")
                .contains("line 9: fields.fenghuo.x.actions: is required")
                .contains("line 11: scan.message.replace: 'blank' is not one of mask, seal")
                .contains("line 12: scan.colour: expected a mapping");
    }

    @Test
    void aPathNamedTwiceAndUnknownKeysAreRefused() {
        PiiPolicyException e = failure("""
                fields:
                  user: { actions: [encrypt] }
                scan:
                  user: {}
                reveal:
                  roles: [a]
                  groups: [b]
                extra: 1
                """);
        assertThat(e.getMessage())
                .contains("line 4: user: named by two rules")
                .contains("line 7: reveal.groups: unknown key")
                .contains("line 8: extra: unknown key");
    }

    @Test
    void aRuleBelowAnotherIsAllowedAndWinsForItsFields() throws PiiPolicyException {
        PiiPolicy policy = PiiPolicy.parse("""
                fields:
                  fenghuo.person: { actions: [encrypt] }
                  fenghuo.person.id_number: { kind: id_number, actions: [encrypt, blind_index] }
                scan:
                  fenghuo.person.note: { replace: seal }
                """, "nested.yml");
        assertThat(policy.fieldRuleFor("fenghuo.person.id_number").orElseThrow().kind())
                .isEqualTo(org.fenghuo.crypto.pii.PiiKind.ID_NUMBER);
        assertThat(policy.fieldRuleFor("fenghuo.person.birth_date").orElseThrow().path()).isEqualTo("fenghuo.person");
        assertThat(policy.fieldRuleFor("fenghuo.person.note")).isEmpty();
        assertThat(policy.scanRuleFor("fenghuo.person.note.text")).isPresent();
    }

    @Test
    void maskWithBlindIndexIsRefusedForIdNumbersAndPhonesOnly() throws PiiPolicyException {
        PiiPolicyException e = failure("""
                fields:
                  user.id: { kind: id_number, actions: [mask, blind_index] }
                  user.phone: { kind: phone, actions: [mask, blind_index] }
                  user.card: { kind: bank_card, actions: [mask, blind_index] }
                """);
        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage()).contains("line 2: fields.user.id: mask with blind_index gives the value back")
                .contains("line 3: fields.user.phone: mask with blind_index");
        PiiPolicy masked = PiiPolicy.parse("""
                scan:
                  message: { replace: mask }
                  url: { replace: mask, index: true }
                  event.original: { replace: seal }
                """, "scan.yml");
        assertThat(masked.scans()).extracting(ScanRule::index).containsExactly(false, true, true);
    }

    @Test
    void keyGivenTwiceIsRefused() {
        PiiPolicyException e = failure("""
                fields:
                  user.id: { actions: [drop] }
                  user.id: { actions: [mask] }
                """);
        assertThat(e.getMessage()).contains("line 3: 'user.id' is given twice (first at line 2)");
    }

    @Test
    void policyMistakesThatWouldProtectNothingAreRefused() {
        assertThat(failure("").getMessage()).contains("names no fields and no scan");
        assertThat(failure("reveal:\n  roles: [a]\n").getMessage()).contains("names no fields and no scan");
        PiiPolicyException e = failure("""
                fields:
                  User.Email: { kind: email, actions: [encrypt] }
                scan:
                  message: { kinds: [] }
                """);
        assertThat(e.getMessage()).contains("line 2: fields.User.Email: has upper-case letters")
                .contains("line 4: scan.message.kinds: is empty");
    }

    @Test
    void nonMappingDocumentIsRefused() {
        assertThatThrownBy(() -> PiiPolicy.parse("- a\n- b\n", "list.yml"))
                .isInstanceOf(PiiPolicyException.class).hasMessageContaining("line 1: a policy is a mapping");
    }
}
