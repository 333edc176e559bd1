package org.fenghuo.collectors.pcap.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5952 section 4 examples and edge cases. */
class IpTextTest {

    @ParameterizedTest
    @CsvSource({
        "192.0.2.255, 192.0.2.255",
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "1:0:0:0:0:0:0:0, 1::",
        "2001:db8:0:0:0:0:2:1, 2001:db8::2:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:DB8:AAAA:0BBB:0:0:0:1, 2001:db8:aaaa:bbb::1",
        "::ffff:192.0.2.1, ::ffff:192.0.2.1",
    })
    void canonicalText(String in, String expected) {
        byte[] b = TestPacket.literal(in);
        assertThat(IpText.format(b, 0, b.length)).isEqualTo(expected);
    }

    @Test
    void everyOctetValueInEveryPositionMatchesTheJdk() throws UnknownHostException {
        for (int v = 0; v < 256; v++) {
            for (int position = 0; position < 4; position++) {
                byte[] a = {(byte) 10, (byte) 200, (byte) 7, (byte) 99};
                a[position] = (byte) v;
                byte[] padded = new byte[6];
                System.arraycopy(a, 0, padded, 2, 4);
                assertThat(IpText.format(padded, 2, 4)).isEqualTo(InetAddress.getByAddress(a).getHostAddress());
            }
        }
    }
}
