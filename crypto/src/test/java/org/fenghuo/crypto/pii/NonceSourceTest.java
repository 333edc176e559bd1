package org.fenghuo.crypto.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NonceSourceTest {

    /** Two generators that give the same bytes: SHA1PRNG seeded before its first use is deterministic. */
    private static SecureRandom seeded() throws NoSuchAlgorithmException {
        SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
        r.setSeed(20261124L);
        return r;
    }

    @Test
    void noncesAreTheSourcesBytesInOrderEachUsedOnce() throws Exception {
        SecureRandom batched = NonceSource.over(seeded());
        ByteArrayOutputStream served = new ByteArrayOutputStream();
        Set<String> distinct = new HashSet<>();
        int nonces = 3 * NonceSource.BATCH_BYTES / 12; // three batches: two refills
        for (int i = 0; i < nonces; i++) {
            byte[] nonce = new byte[12];
            batched.nextBytes(nonce);
            served.writeBytes(nonce);
            distinct.add(HexFormat.of().formatHex(nonce));
        }
        SecureRandom direct = seeded();
        byte[] expected = new byte[3 * NonceSource.BATCH_BYTES];
        for (int b = 0; b < 3; b++) {
            byte[] batch = new byte[NonceSource.BATCH_BYTES];
            direct.nextBytes(batch);
            System.arraycopy(batch, 0, expected, b * batch.length, batch.length);
        }
        assertThat(served.toByteArray()).isEqualTo(expected);
        assertThat(distinct).hasSize(nonces);
    }

    @Test
    void aLargeRequestGoesStraightToTheSource() throws Exception {
        SecureRandom batched = NonceSource.over(seeded());
        byte[] large = new byte[NonceSource.BATCH_BYTES];
        batched.nextBytes(large);
        byte[] expected = new byte[NonceSource.BATCH_BYTES];
        seeded().nextBytes(expected);
        assertThat(large).isEqualTo(expected);
    }

    @Test
    void aRequestThatDoesNotFitTheRestOfABatchStartsANewOne() throws Exception {
        SecureRandom batched = NonceSource.over(seeded());
        byte[] first = new byte[NonceSource.BATCH_BYTES / 4];
        for (int i = 0; i < 3; i++) {
            batched.nextBytes(first); // 3/4 of the batch used
        }
        byte[] tail = new byte[NonceSource.BATCH_BYTES / 4];
        batched.nextBytes(tail); // exactly the last quarter
        byte[] next = new byte[12];
        batched.nextBytes(next); // must come from a fresh batch
        SecureRandom direct = seeded();
        byte[] one = new byte[NonceSource.BATCH_BYTES];
        direct.nextBytes(one);
        byte[] two = new byte[NonceSource.BATCH_BYTES];
        direct.nextBytes(two);
        assertThat(tail).isEqualTo(java.util.Arrays.copyOfRange(one, 3 * NonceSource.BATCH_BYTES / 4, NonceSource.BATCH_BYTES));
        assertThat(next).isEqualTo(java.util.Arrays.copyOfRange(two, 0, 12));
    }
}
