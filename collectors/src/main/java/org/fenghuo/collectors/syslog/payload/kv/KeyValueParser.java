package org.fenghuo.collectors.syslog.payload.kv;

import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.KvScanner;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.fenghuo.collectors.syslog.payload.PayloadText;

/**
 * The generic fallback: a message of {@code key=value} pairs (quoted values allowed). Keys are
 * not guessed into ECS, since the same key means different things on different devices: every
 * pair goes to {@code fenghuo.kv.<key>} (numbers as numbers). Taken only when at least two pairs
 * start the message or follow a short prefix, so prose with one {@code =} in it is left alone.
 */
public final class KeyValueParser implements PayloadParser {

    public static final String NAME = "kv";
    /** Pairs read per message; more are counted in {@code fenghuo.kv.pairs_dropped}. */
    public static final int MAX_PAIRS = 256;
    private static final int MAX_STRAYS = 4;

    private final KvScanner scanner = new KvScanner((char) 0, MAX_PAIRS);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PayloadResult parse(PayloadInput input) {
        String msg = input.message();
        int eq = msg.indexOf('=');
        if (eq < 1 || msg.indexOf('=', eq + 1) < 0) {
            return PayloadResult.NOT_MINE;
        }
        EcsFields fields = new EcsFields();
        KvScanner.Result r = scanner.scan(msg, 0,
                (k, v) -> fields.put("fenghuo.kv." + PayloadText.fieldName(k), PayloadText.number(v)));
        if (r.pairs() < 2 || r.strays() > MAX_STRAYS) {
            return PayloadResult.NOT_MINE;
        }
        if (r.dropped() > 0) {
            fields.put("fenghuo.kv.pairs_dropped", (long) r.dropped());
        }
        return new PayloadResult.Parsed(fields);
    }
}
