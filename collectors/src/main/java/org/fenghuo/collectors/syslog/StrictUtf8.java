package org.fenghuo.collectors.syslog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.input.ParseError;
import org.fenghuo.collectors.input.ParseResult;

/** UTF-8 decoding that reports the first bad byte instead of replacing it with U+FFFD. */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    static ParseResult<String> decode(byte[] bytes, int length) {
        // a decoder per call: CharsetDecoder is stateful and inputs parse on several threads
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            return ParseResult.failed(ParseError.of(ErrorKind.INVALID_UTF8,
                    "invalid UTF-8 at byte " + at, at, bytes));
        }
        return ParseResult.ok(out.flip().toString());
    }

    /** Byte length of {@code text[0, charIndex)} in UTF-8, to report offsets in frame bytes. */
    static int byteOffset(String text, int charIndex) {
        int bytes = 0;
        for (int i = 0; i < charIndex && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
