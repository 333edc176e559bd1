package org.fenghuo.collectors.syslog.payload;

/**
 * Reads the body of one syslog message in one format (CEF, a firewall's key=value, sshd's auth
 * lines...) into ECS fields. Implementations are stateless and thread-safe, and never throw on bad
 * input: a message in another format is {@link PayloadResult.NotMine} (the next configured rule is
 * tried), a message in this format that cannot be read is {@link PayloadResult.Malformed}.
 */
public interface PayloadParser {
    /** Stable lower-case name used in the parser rules of the configuration and in metric tags, e.g. {@code cef}. */
    String name();

    PayloadResult parse(PayloadInput input);
}
