package org.fenghuo.collectors.syslog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** What stream-listener tests send, the way a sender with tiny writes would. */
final class SenderStreams {

    private SenderStreams() {
    }

    /** Writes and flushes {@code text} in pieces of {@code piece} bytes, so frames straddle reads (and TLS records). */
    static void writeInPieces(OutputStream out, String text, int piece) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += piece) {
            out.write(bytes, i, Math.min(piece, bytes.length - i));
            out.flush();
        }
    }
}
