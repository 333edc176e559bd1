package org.fenghuo.collectors.pcap.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The written-out equals and hashCode keep the record's contract: every component counts. */
class FragmentKeyTest {
    private static final FragmentKey KEY = new FragmentKey(6, 17, 0x1234_5678L, 1L, 2L, 3L, 4L);

    @Test
    void equalKeysAreEqualAndHashAlike() {
        FragmentKey same = new FragmentKey(6, 17, 0x1234_5678L, 1L, 2L, 3L, 4L);
        assertThat(same).isEqualTo(KEY).hasSameHashCodeAs(KEY);
        assertThat(KEY).isNotEqualTo(null).isNotEqualTo("key");
    }

    @Test
    void eachComponentTellsKeysApart() {
        assertThat(new FragmentKey(4, 17, 0x1234_5678L, 1L, 2L, 3L, 4L)).isNotEqualTo(KEY);
        assertThat(new FragmentKey(6, 6, 0x1234_5678L, 1L, 2L, 3L, 4L)).isNotEqualTo(KEY);
        assertThat(new FragmentKey(6, 17, 0x1234_5679L, 1L, 2L, 3L, 4L)).isNotEqualTo(KEY);
        assertThat(new FragmentKey(6, 17, 0x1234_5678L, 9L, 2L, 3L, 4L)).isNotEqualTo(KEY);
        assertThat(new FragmentKey(6, 17, 0x1234_5678L, 1L, 9L, 3L, 4L)).isNotEqualTo(KEY);
        assertThat(new FragmentKey(6, 17, 0x1234_5678L, 1L, 2L, 9L, 4L)).isNotEqualTo(KEY);
        assertThat(new FragmentKey(6, 17, 0x1234_5678L, 1L, 2L, 3L, 9L)).isNotEqualTo(KEY);
        // swapped source and destination is another datagram
        assertThat(new FragmentKey(6, 17, 0x1234_5678L, 3L, 4L, 1L, 2L)).isNotEqualTo(KEY);
    }
}
