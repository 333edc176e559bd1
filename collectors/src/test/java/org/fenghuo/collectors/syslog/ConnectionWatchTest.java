package org.fenghuo.collectors.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import org.fenghuo.collectors.syslog.ConnectionMetrics.Outcome;
import org.junit.jupiter.api.Test;

/** The deadline rules alone, on made-up clock readings: no sockets connected, no waiting. */
class ConnectionWatchTest {

    private static final long IDLE = 1_000;
    private static final long FRAME = 100;

    @Test
    void beforeTheHandshakeOnlyItsDeadlineCounts() {
        ConnectionWatch watch = ConnectionWatch.withHandshake(new Socket(), 0, 50);
        assertThat(watch.overdue(50, IDLE, FRAME)).isNull();
        assertThat(watch.overdue(51, IDLE, FRAME)).isEqualTo(Outcome.TLS_HANDSHAKE_TIMEOUT);
        watch.opened(40);
        assertThat(watch.overdue(51, IDLE, FRAME)).as("opened in time").isNull();
    }

    @Test
    void idleCountsFromTheLastReadAndAFrameFromItsFirstByte() {
        ConnectionWatch watch = ConnectionWatch.plain(new Socket(), 0);
        assertThat(watch.overdue(IDLE, IDLE, FRAME)).isNull();
        assertThat(watch.overdue(IDLE + 1, IDLE, FRAME)).isEqualTo(Outcome.IDLE_TIMEOUT);
        watch.read(500, true);
        // still dribbling: recent reads do not extend the frame's deadline
        watch.read(590, true);
        assertThat(watch.overdue(600, IDLE, FRAME)).isNull();
        assertThat(watch.overdue(601, IDLE, FRAME)).isEqualTo(Outcome.FRAME_TIMEOUT);
        watch.read(601, false);
        assertThat(watch.overdue(1_500, IDLE, FRAME)).as("frame done, idle for 899").isNull();
        assertThat(watch.overdue(1_602, IDLE, FRAME)).isEqualTo(Outcome.IDLE_TIMEOUT);
    }

    @Test
    void timeSpentHandingFramesToTheSinkIsNotThePeersDelay() {
        ConnectionWatch watch = ConnectionWatch.plain(new Socket(), 0);
        watch.read(500, true);                      // a frame started at 500
        watch.handing(550);                         // the next read's frames go to a sink that blocks (full spool)
        assertThat(watch.overdue(550 + 10 * IDLE, IDLE, FRAME)).as("held back by the sink").isNull();
        watch.read(550 + 10 * IDLE, true);          // handed over after 10 idle periods, still inside the frame
        // the frame has been open 50 units of the peer's time, not 10,050
        assertThat(watch.overdue(550 + 10 * IDLE + 50, IDLE, FRAME)).isNull();
        assertThat(watch.overdue(550 + 10 * IDLE + 51, IDLE, FRAME)).isEqualTo(Outcome.FRAME_TIMEOUT);
    }

    @Test
    void expiringCountsOnceAndRemembersWhy() {
        ConnectionWatch watch = ConnectionWatch.plain(new Socket(), 0);
        assertThat(watch.expired()).isNull();
        assertThat(watch.expire(Outcome.IDLE_TIMEOUT)).isTrue();
        assertThat(watch.expire(Outcome.FRAME_TIMEOUT)).isFalse();
        assertThat(watch.expired()).isEqualTo(Outcome.IDLE_TIMEOUT);
    }
}
