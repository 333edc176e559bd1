package org.fenghuo.collectors.pcap.app.ssh;

import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppEvent;
import org.fenghuo.collectors.pcap.app.AppOutput;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * Reads the identification line of each side and emits one {@code ssh-banner} event when both are
 * known (or, at the flow's end or when one side breaks, with the one it has). Everything after the
 * banners is encrypted or binary key exchange: analysis then stops.
 */
public final class SshAnalyzer implements AppAnalyzer {
    private final BannerReader client = new BannerReader();
    private final BannerReader server = new BannerReader();
    private boolean done;

    @Override
    public void data(Direction direction, byte[] data, int off, int len, long ts, AppOutput out) {
        BannerReader side = reader(direction);
        if (done || side.status() != BannerReader.Status.NEED_MORE) {
            return;
        }
        side.consume(data, off, len);
        if (side.status() == BannerReader.Status.BAD) {
            out.malformed("ssh", side.reason(), direction == Direction.TO_RESPONDER ? "client" : "server", ts,
                    side.bytes(), 0, side.bytes().length);
        }
        if (client.status() != BannerReader.Status.NEED_MORE && server.status() != BannerReader.Status.NEED_MORE) {
            finish(ts, out);
        }
    }

    @Override
    public void gap(Direction direction, long missing, long ts, AppOutput out) {
        BannerReader side = reader(direction);
        if (!done && side.status() == BannerReader.Status.NEED_MORE) {
            side.bad("gap"); // the line's bytes are lost: no banner from this side
            if (client.status() != BannerReader.Status.NEED_MORE && server.status() != BannerReader.Status.NEED_MORE) {
                finish(ts, out);
            }
        }
    }

    @Override
    public void end(long ts, AppOutput out) {
        finish(ts, out);
    }

    @Override
    public boolean wantsMore() {
        return !done;
    }

    private BannerReader reader(Direction direction) {
        return direction == Direction.TO_RESPONDER ? client : server;
    }

    private void finish(long ts, AppOutput out) {
        if (done) {
            return;
        }
        done = true;
        Banner c = client.banner();
        Banner s = server.banner();
        if (c == null && s == null) {
            return;
        }
        AppEvent event = AppEvent.of(ts, "ssh", "ssh-banner");
        event = fields(event, "client", c);
        event = fields(event, "server", s);
        out.event(event);
    }

    private static AppEvent fields(AppEvent event, String side, Banner banner) {
        if (banner == null) {
            return event;
        }
        String prefix = "fenghuo.ssh." + side + ".";
        return event.withField(prefix + "banner", banner.line()).withField(prefix + "software", banner.software())
                .withField(prefix + "proto_version", banner.protoVersion());
    }
}
