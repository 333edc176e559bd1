package org.fenghuo.collectors.pcap.app.tls;

/**
 * One direction of a TLS connection: cuts the byte stream into records and the handshake records'
 * contents into handshake messages, whatever the pieces the bytes come in and however messages
 * span records. Hello messages (ClientHello, ServerHello) are held whole, up to
 * {@link #MAX_MESSAGE} bytes, and handed to the {@link Sink}; other messages and non-handshake
 * records are skipped without being held. An application_data record ends the reading of the
 * direction; after a change_cipher_spec the handshake records are encrypted (TLS 1.2) and only a
 * ServerHello is still looked for (TLS 1.3 sends a compatibility change_cipher_spec after a
 * HelloRetryRequest, then the real ServerHello in clear). Memory per direction: the hello being assembled.
 */
final class HandshakeStream {
    /** The largest hello kept: far above real ones (a few KB with post-quantum key shares). */
    static final int MAX_MESSAGE = 64 * 1024;
    /** A record's largest length: 2^14 plus the ciphertext expansion allowed by TLS 1.2. */
    static final int MAX_RECORD = 16384 + 2048;
    static final int CHANGE_CIPHER_SPEC = 20;
    static final int HANDSHAKE = 22;
    static final int APPLICATION_DATA = 23;
    static final int CLIENT_HELLO = 1;
    static final int SERVER_HELLO = 2;

    /** Receives each complete hello; returns false to stop reading this direction. */
    interface Sink {
        boolean hello(int type, byte[] body, int length);
    }

    private final byte[] recordHeader = new byte[5];
    private int recordHeaderFill;
    private int recordType;
    private int recordRemaining;
    private final byte[] messageHeader = new byte[4];
    private int messageHeaderFill;
    private int messageType;
    private byte[] message;
    private int messageFill;
    private int skipRemaining;
    private boolean stopped;
    private boolean afterChangeCipherSpec;

    boolean stopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
    }

    /** Consumes {@code data[off, off+len)}; on malformed framing stops this direction and throws. */
    void data(byte[] data, int off, int len, Sink sink) throws TlsMalformed {
        int end = off + len;
        while (off < end && !stopped) {
            if (recordRemaining == 0) {
                int n = Math.min(end - off, 5 - recordHeaderFill);
                System.arraycopy(data, off, recordHeader, recordHeaderFill, n);
                recordHeaderFill += n;
                off += n;
                if (recordHeaderFill == 5) {
                    recordHeaderFill = 0;
                    startRecord();
                }
                continue;
            }
            int n = Math.min(end - off, recordRemaining);
            if (recordType == HANDSHAKE) {
                handshake(data, off, n, sink);
            }
            recordRemaining -= n;
            off += n;
        }
    }

    private void startRecord() throws TlsMalformed {
        int type = recordHeader[0] & 0xff;
        int major = recordHeader[1] & 0xff;
        int minor = recordHeader[2] & 0xff;
        int length = ((recordHeader[3] & 0xff) << 8) | (recordHeader[4] & 0xff);
        if (type < 20 || type > 24 || major != 3 || minor > 4) {
            stopped = true;
            throw new TlsMalformed("bad record header", String.format("type %d version %d.%d", type, major, minor));
        }
        if (length > MAX_RECORD || (type == HANDSHAKE && length == 0)) {
            stopped = true;
            throw new TlsMalformed("bad record length", "type " + type + " length " + length);
        }
        if (type == APPLICATION_DATA) {
            stopped = true; // what follows is encrypted: nothing more to read here
            return;
        }
        if (type == CHANGE_CIPHER_SPEC) {
            afterChangeCipherSpec = true;
        }
        recordType = type;
        recordRemaining = length;
    }

    private void handshake(byte[] data, int off, int len, Sink sink) throws TlsMalformed {
        int end = off + len;
        while (off < end && !stopped) {
            if (skipRemaining > 0) {
                int n = Math.min(end - off, skipRemaining);
                skipRemaining -= n;
                off += n;
            } else if (message == null) {
                int n = Math.min(end - off, 4 - messageHeaderFill);
                System.arraycopy(data, off, messageHeader, messageHeaderFill, n);
                messageHeaderFill += n;
                off += n;
                if (messageHeaderFill == 4) {
                    messageHeaderFill = 0;
                    startMessage(sink);
                }
            } else {
                int n = Math.min(end - off, message.length - messageFill);
                System.arraycopy(data, off, message, messageFill, n);
                messageFill += n;
                off += n;
                if (messageFill == message.length) {
                    deliver(sink);
                }
            }
        }
    }

    private void startMessage(Sink sink) throws TlsMalformed {
        messageType = messageHeader[0] & 0xff;
        int length = ((messageHeader[1] & 0xff) << 16) | ((messageHeader[2] & 0xff) << 8) | (messageHeader[3] & 0xff);
        boolean wanted = messageType == SERVER_HELLO || (messageType == CLIENT_HELLO && !afterChangeCipherSpec);
        if (!wanted || (afterChangeCipherSpec && length > MAX_MESSAGE)) {
            skipRemaining = length;
            return;
        }
        if (length > MAX_MESSAGE) {
            stopped = true;
            throw new TlsMalformed("bad handshake length", "hello of " + length + " bytes");
        }
        message = new byte[length];
        messageFill = 0;
        if (length == 0) {
            deliver(sink);
        }
    }

    private void deliver(Sink sink) {
        byte[] body = message;
        message = null;
        if (!sink.hello(messageType, body, body.length)) {
            stopped = true;
        }
    }
}
