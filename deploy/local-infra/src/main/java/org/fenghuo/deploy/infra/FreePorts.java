package org.fenghuo.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks loopback ports that are free right now, for servers that must be told their port up front. */
final class FreePorts {

    private FreePorts() {
    }

    /** A port nobody listens on at this instant; another process may still take it before we bind. */
    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    /** {@code requested}, or a free port when it is 0. */
    static int orPick(int requested) {
        if (requested < 0 || requested > 65535) {
            throw new IllegalArgumentException("port must be 0 (pick a free one) or 1-65535, got " + requested);
        }
        return requested == 0 ? pick() : requested;
    }

    /** Whether something already accepts connections or holds a listening socket on this loopback port. */
    static boolean isTaken(int port) {
        try {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
