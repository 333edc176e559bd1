package org.fenghuo.correlation.pii;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.fenghuo.crypto.pii.PiiMasks;
import org.fenghuo.crypto.pii.detect.PiiScanner;
import org.fenghuo.crypto.pii.detect.PiiSpan;
import org.fenghuo.events.DeadLetter;

/**
 * Masks the personal data the detectors find in a dead letter's raw bytes and reason before it is
 * stored: a dead letter keeps the line that could not be read, and that line can hold an ID or phone
 * number as well as any event.
 *
 * <p>Masked, not sealed: a dead letter's document id hashes its content, so a replayed bad record
 * must come out byte for byte the same (sealing draws a random nonce), and a dead letter is there
 * to show what was wrong with the input, which its mask still shows. The personal data in it
 * cannot be recovered from the store.
 *
 * <p>Raw bytes that are valid UTF-8 are scanned as UTF-8; others (a common reason to be a dead
 * letter) as ISO-8859-1, one character per byte, so every byte that is not part of a finding is
 * kept exactly; the ASCII detectors (ID, phone, card, e-mail) still work there, licence plates
 * (Chinese characters) are then not found.
 */
public final class DeadLetterMasking extends RichMapFunction<DeadLetter, DeadLetter> {
    private static final long serialVersionUID = 1L;

    private transient PiiScanner scanner;
    private transient Counter masked;

    @Override
    public void open(OpenContext openContext) {
        scanner = PiiScanner.allKinds();
        masked = getRuntimeContext().getMetricGroup().counter("piiDeadLetterSpansMasked");
    }

    @Override
    public DeadLetter map(DeadLetter letter) {
        String reason = letter.reason() == null ? null : mask(letter.reason());
        String raw = letter.rawBase64() == null ? null : maskRaw(letter.rawBase64());
        if (equal(reason, letter.reason()) && equal(raw, letter.rawBase64())) {
            return letter;
        }
        return new DeadLetter(letter.timestamp(), letter.input(), letter.origin(), letter.offset(), reason, raw,
                letter.rawLength());
    }

    private String maskRaw(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            // not base64 after all: treat it as text, it is what gets stored
            return mask(base64);
        }
        boolean utf8 = isUtf8(bytes);
        String text = new String(bytes, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String out = mask(text);
        if (out == text) {
            return base64;
        }
        return Base64.getEncoder().encodeToString(out.getBytes(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
    }

    /** The text with every finding replaced by its mask; the same instance when there is none. */
    String mask(String text) {
        List<PiiSpan> spans = scanner.scan(text);
        masked.inc(spans.size());
        return PiiMasks.maskSpans(text, spans);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
