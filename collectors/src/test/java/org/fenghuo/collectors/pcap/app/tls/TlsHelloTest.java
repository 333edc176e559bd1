package org.fenghuo.collectors.pcap.app.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fenghuo.collectors.pcap.app.tls.TlsSamples.body;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hello parser and the fingerprints on real hellos. Expected JA3/JA3S/JA4 values and JA3
 * strings are Suricata 7.0.10's for the captures the hellos come from (see TlsSamples), and the
 * lists are those of the captures' suricata-verify test.yaml; JA4S (which Suricata 7 lacks) was
 * computed with Python's hashlib from the FoxIO specification.
 */
class TlsHelloTest {
    private static ClientHello client(byte[] message) throws TlsMalformed {
        byte[] b = body(message);
        return HelloParser.clientHello(b, 0, b.length);
    }

    private static ServerHello server(byte[] message) throws TlsMalformed {
        byte[] b = body(message);
        return HelloParser.serverHello(b, 0, b.length);
    }

    @Test
    void parsesATls12ClientHello() throws TlsMalformed {
        ClientHello c = client(TlsSamples.CLIENT_HELLO_12);
        assertThat(c.legacyVersion()).isEqualTo(0x0303);
        assertThat(c.serverName()).isEqualTo("dogfish");
        assertThat(c.ciphers()).containsExactly(49196, 49200, 159, 52393, 52392, 52394, 49195, 49199, 158, 49188,
                49192, 107, 49187, 49191, 103, 49162, 49172, 57, 49161, 49171, 51, 157, 156, 61, 60, 53, 47, 255);
        assertThat(c.extensions()).containsExactly(0, 11, 10, 35, 22, 23, 13);
        assertThat(c.signatureAlgorithms()).containsExactly(1027, 1283, 1539, 2055, 2056, 2057, 2058, 2059, 2052,
                2053, 2054, 1025, 1281, 1537, 771, 515, 769, 513, 770, 514, 1026, 1282, 1538);
        assertThat(c.groups()).containsExactly(29, 23, 30, 25, 24);
        assertThat(c.pointFormats()).containsExactly(0, 1, 2);
        assertThat(c.compression()).containsExactly(0);
        assertThat(c.alpn()).isEmpty();
        assertThat(c.supportedVersions()).isEmpty();
        assertThat(c.highestVersion()).isEqualTo(0x0303);
    }

    @Test
    void fingerprintsATls12ClientHelloAsSuricataDoes() throws TlsMalformed {
        ClientHello c = client(TlsSamples.CLIENT_HELLO_12);
        assertThat(Ja3.string(c)).isEqualTo("771,49196-49200-159-52393-52392-52394-49195-49199-158-49188-49192-107-"
                + "49187-49191-103-49162-49172-57-49161-49171-51-157-156-61-60-53-47-255,0-11-10-35-22-23-13,"
                + "29-23-30-25-24,0-1-2");
        assertThat(Ja3.hash(c)).isEqualTo("871a754af286dfb70c1b53c6887c62e0");
        assertThat(Ja4.client(c)).isEqualTo("t12d280700_d943125447b4_3c5a66c06c35");
    }

    @Test
    void greaseIsLeftOutOfEveryFingerprint() throws TlsMalformed {
        ClientHello c = client(TlsSamples.CLIENT_HELLO_GREASE);
        assertThat(c.ciphers()).startsWith(0x2a2a, 0x1301);
        assertThat(c.extensions()).startsWith(0x1a1a).endsWith(0xfafa, 0x0015);
        assertThat(c.supportedVersions()).containsExactly(0x2a2a, 0x0304, 0x0303, 0x0302, 0x0301);
        assertThat(c.highestVersion()).isEqualTo(0x0304);
        assertThat(c.alpn()).containsExactly("h2", "http/1.1");
        assertThat(c.serverName()).isEqualTo("p130-contacts.icloud.com");
        assertThat(Ja3.string(c)).isEqualTo("771,4865-4866-4867-49196-49195-52393-49200-49199-52392-49162-49161-"
                + "49172-49171-157-156-53-47-49160-49170-10,0-23-65281-10-11-16-5-13-18-51-45-43-27-21,29-23-24-25,0");
        assertThat(Ja3.hash(c)).isEqualTo("773906b0efdefa24a7f2b8eb6985bf37");
        assertThat(Ja4.client(c)).isEqualTo("t13d2014h2_a09f3c656075_14788d8d241b");
    }

    @Test
    void parsesAndFingerprintsServerHellos() throws TlsMalformed {
        ServerHello s = server(TlsSamples.SERVER_HELLO_12);
        assertThat(s.cipher()).isEqualTo(49200);
        assertThat(s.extensions()).containsExactly(65281, 11, 35, 23);
        assertThat(s.negotiatedVersion()).isEqualTo(0x0303);
        assertThat(Ja3.serverString(s)).isEqualTo("771,49200,65281-11-35-23");
        assertThat(Ja3.serverHash(s)).isEqualTo("ec74a5c51106f0419184d0dd08fb05bc");
        assertThat(Ja4.server(s)).isEqualTo("t120400_c030_12a20535f9be");

        ServerHello alpn = server(TlsSamples.SERVER_HELLO_ALPN);
        assertThat(alpn.alpn()).containsExactly("http/1.1");
        assertThat(Ja3.serverHash(alpn)).isEqualTo("9b340edddb1203ae20167d3089fa10af");
        assertThat(Ja4.server(alpn)).isEqualTo("t1206h1_c02c_46cf7c3c6b8f");
        assertThat(CipherSuites.name(alpn.cipher())).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
    }

    @Test
    void ja4AlpnCharactersFollowTheSpecification() {
        assertThat(Ja4.alpn(List.of())).isEqualTo("00");
        assertThat(Ja4.alpn(List.of(""))).isEqualTo("00");
        assertThat(Ja4.alpn(List.of("h2", "http/1.1"))).isEqualTo("h2");
        assertThat(Ja4.alpn(List.of("http/1.1"))).isEqualTo("h1");
        assertThat(Ja4.alpn(List.of("h"))).isEqualTo("hh");
        // a non-alphanumeric end byte: first hex digit of the first byte, last hex digit of the last
        assertThat(Ja4.alpn(List.of("\u00ab\u00cd"))).isEqualTo("ad");
        assertThat(Ja4.alpn(List.of("h2-"))).isEqualTo("6d");
    }

    @Test
    void ja4WithoutSignatureAlgorithmsHashesTheExtensionsAlone() {
        ClientHello c = new ClientHello(0x0303, List.of(0x002f), List.of(0), List.of(0x000a, 0x000b), null,
                List.of(29), List.of(0), List.of(), List.of(), List.of());
        // sha256("000a,000b") from Python's hashlib: no trailing "_"
        assertThat(Ja4.client(c)).isEqualTo("t12i010200_" + sha12("002f") + "_33a13ba74d1c");
        ClientHello bare = new ClientHello(0x0301, List.of(), List.of(0), List.of(), null, List.of(), List.of(),
                List.of(), List.of(), List.of());
        assertThat(Ja4.client(bare)).isEqualTo("t10i000000_000000000000_000000000000");
        assertThat(Ja3.string(bare)).isEqualTo("769,,,,");
    }

    @Test
    void greaseValuesAreThoseOfRfc8701() {
        for (int i = 0; i < 16; i++) {
            assertThat(Grease.is(i * 0x1010 + 0x0a0a)).isTrue();
        }
        assertThat(Grease.is(0x0a1a)).isFalse();
        assertThat(Grease.is(0x1301)).isFalse();
        assertThat(CipherSuites.name(0x2a2a)).isEqualTo("GREASE");
        assertThat(CipherSuites.name(0xabcd)).isEqualTo("0xABCD");
    }

    @Test
    void badLengthsAreMalformedNotExceptions() {
        byte[] b = body(TlsSamples.CLIENT_HELLO_12);
        // the first extension (server_name) claims more bytes than there are
        int sni = indexOf(b, new byte[] {0, 0, 0, 0x0c, 0, 0x0a});
        b[sni + 2] = 0x7f;
        assertThatThrownBy(() -> HelloParser.clientHello(b, 0, b.length)).isInstanceOf(TlsMalformed.class)
                .satisfies(e -> assertThat(((TlsMalformed) e).reason()).isEqualTo("bad extension length"));
        for (int cut = 0; cut < TlsSamples.CLIENT_HELLO_12.length - 4; cut += 7) {
            byte[] whole = body(TlsSamples.CLIENT_HELLO_12);
            int len = cut;
            assertThatThrownBy(() -> HelloParser.clientHello(whole, 0, len)).isInstanceOf(TlsMalformed.class);
        }
    }

    private static String sha12(String text) {
        return Hashes.sha256(text).substring(0, 12);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
