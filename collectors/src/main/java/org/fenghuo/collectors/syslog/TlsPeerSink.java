package org.fenghuo.collectors.syslog;

import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.syslog.tls.TlsPeer;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.SecurityEventBuilder;

/**
 * Adds what the TLS handshake told about the sender to each event of one connection, under
 * {@code fenghuo.syslog.tls.*} with ECS {@code tls.*} names below it. Not under {@code tls.*}
 * itself: there a payload parser puts the TLS session a message is about (a firewall logging a
 * flow), which is not the session the message came over.
 */
final class TlsPeerSink implements EventSink {

    static final String PREFIX = "fenghuo.syslog.tls.";

    private final EventSink delegate;
    private final TlsPeer peer;

    TlsPeerSink(EventSink delegate, TlsPeer peer) {
        this.delegate = delegate;
        this.peer = peer;
    }

    @Override
    public void event(SecurityEvent event) {
        SecurityEventBuilder b = event.toBuilder()
                .extraField(PREFIX + "version", peer.version())
                .extraField(PREFIX + "version_protocol", peer.versionProtocol())
                .extraField(PREFIX + "cipher", peer.cipher())
                .extraField(PREFIX + "established", true);
        if (peer.clientSubject() != null) {
            b.extraField(PREFIX + "client.subject", peer.clientSubject())
                    .extraField(PREFIX + "client.issuer", peer.clientIssuer());
        }
        if (peer.clientSha256() != null) {
            b.extraField(PREFIX + "client.hash.sha256", peer.clientSha256());
        }
        delegate.event(b.build());
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        delegate.deadLetter(deadLetter);
    }

    @Override
    public void flush() {
        delegate.flush();
    }
}
