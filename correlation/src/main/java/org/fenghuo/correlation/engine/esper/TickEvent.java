package org.fenghuo.correlation.engine.esper;

/** The {@code Tick} event: the clock moved to {@code time}; statements use it to forget idle keys. */
public final class TickEvent {
    private final long time;

    TickEvent(long time) {
        this.time = time;
    }

    public long getTime() {
        return time;
    }
}
