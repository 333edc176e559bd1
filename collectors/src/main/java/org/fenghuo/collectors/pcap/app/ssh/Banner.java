package org.fenghuo.collectors.pcap.app.ssh;

/**
 * An SSH identification string (RFC 4253 4.2): {@code SSH-protoversion-softwareversion SP comments}.
 *
 * @param line         the whole line without its line end
 * @param protoVersion "2.0", or "1.99" for a server that also speaks SSH 1
 * @param software     e.g. "OpenSSH_9.6p1"
 * @param comments     what follows the first space, or null
 */
record Banner(String line, String protoVersion, String software, String comments) {
    /** The identification line parsed, or null when it is not one. */
    static Banner parse(String line) {
        if (!line.startsWith("SSH-")) {
            return null;
        }
        int dash = line.indexOf('-', 4);
        if (dash <= 4) {
            return null;
        }
        int space = line.indexOf(' ', dash);
        String software = space < 0 ? line.substring(dash + 1) : line.substring(dash + 1, space);
        String protoVersion = line.substring(4, dash);
        if (software.isEmpty() || protoVersion.indexOf(' ') >= 0) {
            return null;
        }
        return new Banner(line, protoVersion, software, space < 0 ? null : line.substring(space + 1));
    }
}
