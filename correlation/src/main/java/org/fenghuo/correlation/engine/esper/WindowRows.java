package org.fenghuo.correlation.engine.esper;

import com.espertech.esper.common.client.EventBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fenghuo.events.SecurityEvent;

/** Reads the {@code window(*)} column of an output row: the {@code <P>_In} rows, oldest first. */
final class WindowRows {
    private WindowRows() {
    }

    static List<HitEvent> hits(Object window) {
        List<HitEvent> out = new ArrayList<>();
        if (window instanceof Object[] rows) {
            for (Object row : rows) {
                Object hit = row instanceof Map<?, ?> m ? m.get("hit")
                        : row instanceof EventBean b ? b.get("hit") : null;
                if (hit instanceof EventBean b) {
                    hit = b.getUnderlying();
                }
                if (hit instanceof HitEvent h) {
                    out.add(h);
                }
            }
        }
        return out;
    }

    static List<SecurityEvent> events(Object window) {
        List<SecurityEvent> out = new ArrayList<>();
        for (HitEvent h : hits(window)) {
            out.add(h.getEvent());
        }
        return out;
    }
}
