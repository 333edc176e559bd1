package org.fenghuo.correlation;

/** Sigma rule texts several tests load. */
public final class TestRules {
    /**
     * SSH password failures (name {@code ssh_password_failure}), as {@link TestEvents#sshFailure}
     * makes them; ends with a document separator, for packs that add correlations over it.
     */
    public static final String SSH_PASSWORD_FAILURE = """
            title: SSH password failure
            id: 3f1c2a4b-6d7e-4f80-9a1b-2c3d4e5f6a70
            name: ssh_password_failure
            logsource: {product: linux, service: sshd}
            detection:
              selection: {event.action: ssh_login, event.outcome: failure}
              condition: selection
            level: low
            ---
            """;

    private TestRules() {
    }
}
