package org.fenghuo.collectors.pcap.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link HeadReader#lines} must split exactly as {@code split("\r?\n")} did. */
class HeadReaderLinesTest {
    @Test
    void splitsAsTheRegularExpressionDid() {
        char[] alphabet = {'a', '\r', '\n', ' ', ':'};
        Random random = new Random(3);
        for (int i = 0; i < 50_000; i++) {
            char[] text = new char[random.nextInt(14)];
            for (int j = 0; j < text.length; j++) {
                text[j] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(text);
            assertThat(HeadReader.lines(s)).as("%s", s.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(Arrays.asList(s.split("\r?\n")));
        }
        assertThat(HeadReader.lines("GET / HTTP/1.1\r\nHost: a\r\n\r\n")).containsExactly("GET / HTTP/1.1", "Host: a");
    }
}
