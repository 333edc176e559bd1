package org.fenghuo.collectors.edge;

import io.micrometer.core.instrument.MeterRegistry;
import org.fenghuo.collectors.output.SpoolingKafkaOutput;

/**
 * One input type of {@code edge.yml} ({@code syslog_tcp}, {@code pcap_live}, ...). {@link #plan}
 * runs at start-up for every input before anything starts: it reads the type's own keys from the
 * entry (reporting bad values to the node) and returns what starts the input later. Registered
 * by type name in {@link InputTypes}.
 */
public interface InputFactory {

    /**
     * @param name     the input's unique name (metric tag, {@code fenghuo.input})
     * @param settings the entry in {@code inputs}; read every key the type accepts from it
     * @return how to start it; may be null when a problem was reported
     */
    Plan plan(String name, ConfigNode settings);

    /** A validated input, ready to start. */
    @FunctionalInterface
    interface Plan {
        /**
         * Binds and starts the input. {@code output} waits when the spool is full (for inputs whose
         * sender can be held back, TCP); {@code output.lossy()} drops and counts (UDP, capture).
         */
        Running start(SpoolingKafkaOutput output, MeterRegistry registry) throws Exception;
    }

    /** A started input; closing stops it and waits for its threads. The output stays open. */
    interface Running extends AutoCloseable {
        /** e.g. {@code syslog_tcp syslog-tcp on tcp://127.0.0.1:5514}, for the start-up log. */
        String describe();

        @Override
        void close();

        /** A running input that {@code resource} stops when closed. */
        static Running of(String description, AutoCloseable resource) {
            return new Running() {
                @Override
                public String describe() {
                    return description;
                }

                @Override
                public void close() {
                    try {
                        resource.close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        throw new IllegalStateException(description + ": stopping failed: " + e.getMessage(), e);
                    }
                }
            };
        }
    }
}
