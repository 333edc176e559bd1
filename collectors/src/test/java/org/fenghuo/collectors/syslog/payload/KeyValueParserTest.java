package org.fenghuo.collectors.syslog.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.fenghuo.collectors.syslog.payload.kv.KeyValueParser;
import org.junit.jupiter.api.Test;

class KeyValueParserTest {

    @Test
    void quotedAndSpacedValues() {
        Map<String, Object> e = PayloadHarness.decode("<30>Nov 24 09:20:00 nvr-3 recorder: cam=17 status=\"signal lost\" "
                + "note=restarted twice today retries=3 path=\"C:\\\\video\\\\\\\"x\\\"\"");
        assertThat(e).containsEntry("event.dataset", "syslog.kv")
                .containsEntry("fenghuo.kv.cam", 17)
                .containsEntry("fenghuo.kv.status", "signal lost")
                .containsEntry("fenghuo.kv.note", "restarted twice today")
                .containsEntry("fenghuo.kv.retries", 3)
                .containsEntry("fenghuo.kv.path", "C:\\video\\\"x\"");
    }

    @Test
    void proseWithOneEqualsIsLeftAlone() {
        PayloadHarness h = new PayloadHarness();
        h.feed("<30>Nov 24 09:20:00 host cron[12]: (root) CMD (test -x /usr/sbin/x && a=1 run)");
        assertThat(PayloadHarness.flat(h.events.get(0))).containsEntry("event.dataset", "syslog.rfc3164");
        assertThat(h.counter("payload_unparsed", null)).isEqualTo(1.0);
    }

    @Test
    void pairCountIsBounded() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            s.append("k").append(i).append('=').append(i).append(' ');
        }
        PayloadResult r = new KeyValueParser().parse(new PayloadInput(null, null, s.toString()));
        assertThat(((PayloadResult.Parsed) r).fields().get("fenghuo.kv.pairs_dropped"))
                .isEqualTo((long) (1000 - KeyValueParser.MAX_PAIRS));
    }
}
