package org.fenghuo.crypto.sm;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.fenghuo.crypto.CryptoFailure;

/**
 * Conversions between the three encodings of an SM2 ciphertext on sm2p256v1. {@link Sm2} works in
 * {@code C1 || C3 || C2} (GB/T 32918.4-2016); older software (and Bouncy Castle's default) writes
 * {@code C1 || C2 || C3}; OpenSSL and GM/T 0009 use the DER form
 * {@code SEQUENCE { INTEGER x1, INTEGER y1, OCTET STRING C3, OCTET STRING C2 }}.
 * C1 is always the uncompressed point {@code 04 || x1 || y1} (65 bytes), C3 the 32-byte SM3 hash.
 */
public final class Sm2Ciphertext {

    static final int COORDINATE_BYTES = 32;
    static final int C1_BYTES = 1 + 2 * COORDINATE_BYTES;
    static final int C3_BYTES = Sm3.DIGEST_BYTES;

    private Sm2Ciphertext() {
    }

    public static byte[] c1c2c3ToC1c3c2(byte[] c1c2c3) {
        check(c1c2c3, "C1C2C3");
        return swapAfterC1(c1c2c3, c1c2c3.length - C1_BYTES - C3_BYTES);
    }

    public static byte[] c1c3c2ToC1c2c3(byte[] c1c3c2) {
        check(c1c3c2, "C1C3C2");
        return swapAfterC1(c1c3c2, C3_BYTES);
    }

    /** {@code C1 || A || B} to {@code C1 || B || A}, where A is the first {@code firstLength} bytes after C1. */
    private static byte[] swapAfterC1(byte[] in, int firstLength) {
        int secondLength = in.length - C1_BYTES - firstLength;
        byte[] out = new byte[in.length];
        System.arraycopy(in, 0, out, 0, C1_BYTES);
        System.arraycopy(in, C1_BYTES + firstLength, out, C1_BYTES, secondLength);
        System.arraycopy(in, C1_BYTES, out, C1_BYTES + secondLength, firstLength);
        return out;
    }

    /** {@code C1 || C3 || C2} to the DER {@code SM2Cipher} of GM/T 0009 that OpenSSL reads. */
    public static byte[] c1c3c2ToAsn1(byte[] c1c3c2) {
        check(c1c3c2, "C1C3C2");
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(c1c3c2, 1, 1 + COORDINATE_BYTES));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(c1c3c2, 1 + COORDINATE_BYTES, C1_BYTES));
        try {
            return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new ASN1Integer(x), new ASN1Integer(y),
                new DEROctetString(Arrays.copyOfRange(c1c3c2, C1_BYTES, C1_BYTES + C3_BYTES)),
                new DEROctetString(Arrays.copyOfRange(c1c3c2, C1_BYTES + C3_BYTES, c1c3c2.length))
            }).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory cannot fail", e);
        }
    }

    /**
     * The DER {@code SM2Cipher} (as {@code openssl pkeyutl -encrypt} writes it) to {@code C1 || C3 || C2}.
     *
     * @throws CryptoFailure {@code MALFORMED_INPUT} when it is not that structure
     */
    public static byte[] asn1ToC1c3c2(byte[] der) {
        ASN1Sequence sequence;
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            sequence = ASN1Sequence.getInstance(primitive);
            if (sequence.size() != 4 || !Arrays.areEqual(sequence.getEncoded(ASN1Encoding.DER), der)) {
                throw malformed("a SEQUENCE of 4 elements in DER, nothing after it");
            }
            BigInteger x = ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue();
            BigInteger y = ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue();
            byte[] c3 = ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets();
            byte[] c2 = ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets();
            if (x.bitLength() > COORDINATE_BYTES * 8 || y.bitLength() > COORDINATE_BYTES * 8) {
                throw malformed("coordinates of at most 256 bits");
            }
            if (c3.length != C3_BYTES || c2.length == 0) {
                throw malformed("a 32-byte hash and a non-empty ciphertext");
            }
            return Arrays.concatenate(new byte[] {0x04}, BigIntegers.asUnsignedByteArray(COORDINATE_BYTES, x),
                    BigIntegers.asUnsignedByteArray(COORDINATE_BYTES, y), Arrays.concatenate(c3, c2));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw malformed("DER SEQUENCE { INTEGER, INTEGER, OCTET STRING, OCTET STRING }");
        }
    }

    private static CryptoFailure malformed(String expected) {
        return new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "SM2 ASN.1 ciphertext is not " + expected);
    }

    private static void check(byte[] ciphertext, String order) {
        if (ciphertext == null || ciphertext.length <= C1_BYTES + C3_BYTES || ciphertext[0] != 0x04) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "SM2 " + order
                    + " ciphertext must start with an uncompressed point (04) and be longer than "
                    + (C1_BYTES + C3_BYTES) + " bytes, got " + (ciphertext == null ? 0 : ciphertext.length));
        }
    }
}
