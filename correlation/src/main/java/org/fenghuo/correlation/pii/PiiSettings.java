package org.fenghuo.correlation.pii;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fenghuo.correlation.settings.SettingsCheck;
import org.fenghuo.crypto.keys.KeystorePassphrase;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.crypto.pii.policy.PiiPolicyException;

/**
 * Personal-data protection of the job: on or off, which policy, where the keys come from. Holds
 * only locations, never a passphrase or a key, because it travels in the job graph.
 *
 * @param enabled        protect events and mask dead letters before they leave the job
 * @param policy         {@value #DEFAULT_POLICY} (the policy shipped in fenghuo-crypto) or a YAML file
 * @param keystore       a BCFKS keystore made by {@code fenghuo keys init}, or {@value #EPHEMERAL}
 *                       for keys held in memory only (tests, the demo): values sealed under them
 *                       cannot be opened once the process stops
 * @param passphraseFile file holding the keystore passphrase; null for {@code $FENGHUO_KEYSTORE_PASSPHRASE_FILE},
 *                       else {@code $FENGHUO_KEYSTORE_PASSPHRASE}, read on the task manager when the job opens
 */
public record PiiSettings(boolean enabled, String policy, String keystore, String passphraseFile)
        implements java.io.Serializable {

    public static final String DEFAULT_POLICY = "default";
    public static final String EPHEMERAL = "ephemeral";

    /** The shipped policy with in-memory keys; each call a fresh key ring. */
    public static PiiSettings ephemeral() {
        return new PiiSettings(true, DEFAULT_POLICY, EPHEMERAL, null);
    }

    /** The shipped policy with the keys of a keystore file. */
    public static PiiSettings keystore(Path keystore, Path passphraseFile) {
        return new PiiSettings(true, DEFAULT_POLICY, keystore.toString(),
                passphraseFile == null ? null : passphraseFile.toString());
    }

    /** No protection: personal data reaches Elasticsearch in clear. */
    public static PiiSettings disabled() {
        return new PiiSettings(false, DEFAULT_POLICY, EPHEMERAL, null);
    }

    public PiiSettings withPolicy(String value) {
        return new PiiSettings(enabled, value, keystore, passphraseFile);
    }

    public boolean isEphemeral() {
        return EPHEMERAL.equals(keystore);
    }

    /** Every problem at once, each naming its key; the passphrase is looked for in {@code environment}. */
    public List<String> problems(Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        if (!enabled) {
            return problems;
        }
        if (policy == null || policy.isBlank()) {
            problems.add("pii.policy = " + policy + ": expected \"" + DEFAULT_POLICY + "\" or a policy file");
        } else if (!DEFAULT_POLICY.equals(policy)) {
            policyProblem(problems);
        }
        if (keystore == null || keystore.isBlank()) {
            problems.add("pii.keystore = " + keystore + ": expected \"" + EPHEMERAL + "\" or a keystore file");
        } else if (!isEphemeral()) {
            if (!Files.isRegularFile(Path.of(keystore))) {
                problems.add("pii.keystore = " + keystore + ": no such file (create one with `fenghuo keys init`)");
            }
            if (passphraseFile != null) {
                if (!Files.isReadable(Path.of(passphraseFile))) {
                    problems.add("pii.passphrase-file = " + passphraseFile + ": no such readable file");
                }
            } else if (blank(environment.get(KeystorePassphrase.FILE_ENV)) && blank(environment.get(KeystorePassphrase.VALUE_ENV))) {
                problems.add("pii.passphrase-file = null: expected a file, or $" + KeystorePassphrase.FILE_ENV
                        + " or $" + KeystorePassphrase.VALUE_ENV + " set");
            }
        }
        return problems;
    }

    public List<String> problems() {
        return problems(System.getenv());
    }

    public PiiSettings validated() {
        SettingsCheck.throwIfAny("personal-data protection settings", problems());
        return this;
    }

    /** Where the protecting operators get their key ring from, once per JVM. */
    /**
     * Where the job's operators open the keys. Call it once per job and hand the result to every
     * operator that seals or blind-indexes: ephemeral keys are one ring per call, and two rings
     * would give the same name two blind terms.
     */
    public KeyRingSource keyRingSource() {
        if (isEphemeral()) {
            // one id per built job: every subtask of this job in this JVM shares the same in-memory keys,
            // so blind-index terms agree across subtasks
            return new KeyRingSource.Ephemeral(UUID.randomUUID().toString());
        }
        return new KeyRingSource.FromKeystore(keystore, passphraseFile);
    }

    /** The policy, read where the operator runs. */
    PiiPolicy loadPolicy() {
        if (DEFAULT_POLICY.equals(policy)) {
            return PiiPolicy.defaults();
        }
        try {
            return PiiPolicy.load(Path.of(policy));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read personal-data policy " + policy, e);
        } catch (PiiPolicyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private void policyProblem(List<String> problems) {
        Path file = Path.of(policy);
        if (!Files.isRegularFile(file)) {
            problems.add("pii.policy = " + policy + ": no such file");
            return;
        }
        try {
            PiiPolicy.load(file);
        } catch (java.io.IOException e) {
            problems.add("pii.policy = " + policy + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (PiiPolicyException e) {
            problems.add("pii.policy = " + policy + ": " + e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
