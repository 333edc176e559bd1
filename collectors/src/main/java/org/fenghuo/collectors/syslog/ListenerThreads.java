package org.fenghuo.collectors.syslog;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so a thread dump says which input a thread serves. */
final class ListenerThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    ListenerThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
        // the caller's main thread decides when the process ends; listeners never keep it alive
        thread.setDaemon(true);
        return thread;
    }
}
