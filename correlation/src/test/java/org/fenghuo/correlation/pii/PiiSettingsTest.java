package org.fenghuo.correlation.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiiSettingsTest {
    @TempDir
    Path dir;

    @Test
    void ephemeralAndDisabledNeedNothingElse() {
        assertThat(PiiSettings.ephemeral().problems(Map.of())).isEmpty();
        assertThat(new PiiSettings(false, null, null, null).problems(Map.of())).isEmpty();
    }

    @Test
    void everyBadValueIsReportedWithItsKey() throws Exception {
        Path policy = dir.resolve("policy.yml");
        Files.writeString(policy, "fields:\n  user.name: { actions: [encrypted] }\n");
        PiiSettings bad = new PiiSettings(true, policy.toString(), dir.resolve("missing.bcfks").toString(), null);

        assertThat(bad.problems(Map.of())).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("pii.policy = " + policy).contains("line 2").contains("encrypted"))
                .anySatisfy(p -> assertThat(p).startsWith("pii.keystore = " + dir.resolve("missing.bcfks")).contains("no such file"))
                .anySatisfy(p -> assertThat(p).startsWith("pii.passphrase-file = null")
                        .contains("FENGHUO_KEYSTORE_PASSPHRASE"));
        assertThat(new PiiSettings(true, " ", "", null).problems(Map.of()))
                .anySatisfy(p -> assertThat(p).startsWith("pii.policy = "))
                .anySatisfy(p -> assertThat(p).startsWith("pii.keystore = "));
    }

    @Test
    void aKeystoreNeedsAPassphraseSourceThatExists() throws Exception {
        Path keystore = Files.writeString(dir.resolve("k.bcfks"), "not read here");
        assertThat(PiiSettings.keystore(keystore, null).problems(Map.of("FENGHUO_KEYSTORE_PASSPHRASE", "x"))).isEmpty();
        assertThat(PiiSettings.keystore(keystore, dir.resolve("nope.pass")).problems(Map.of()))
                .singleElement().asString().startsWith("pii.passphrase-file = " + dir.resolve("nope.pass"));
        assertThatThrownBy(() -> PiiSettings.keystore(keystore, dir.resolve("nope.pass")).validated())
                .hasMessageContaining("pii.passphrase-file");
    }
}
