package org.fenghuo.collectors.pcap.live;

/** Run in a child JVM by {@link LivePermissionTest}: opens an interface and prints what happened. */
public final class LivePermissionProbe {
    private LivePermissionProbe() {
    }

    public static void main(String[] args) {
        try (LiveCapture capture = LiveCapture.open(LiveCaptureConfig.of(args[0], null))) {
            System.out.println("OPENED");
        } catch (LiveCaptureException e) {
            System.out.println("KIND=" + e.kind());
            System.out.println("MESSAGE=" + e.getMessage());
        }
    }
}
