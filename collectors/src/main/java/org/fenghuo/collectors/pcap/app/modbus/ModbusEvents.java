package org.fenghuo.collectors.pcap.app.modbus;

import org.fenghuo.collectors.pcap.app.AppEvent;
import org.fenghuo.events.SecurityEvent;

/** A transaction (request, response, or both) as one {@link AppEvent}. */
final class ModbusEvents {
    static final String PREFIX = "fenghuo.ics.modbus.";

    private ModbusEvents() {
    }

    /** At least one of {@code request} and {@code response} is not null. */
    static AppEvent transaction(ModbusPdu request, ModbusPdu response) {
        ModbusPdu main = request != null ? request : response;
        int fc = main.functionCode();
        String function = ModbusFunctions.name(fc);
        Integer diagnostic = main.diagnostic() != null ? main.diagnostic()
                : response != null ? response.diagnostic() : null;
        String exception = response == null || response.exceptionCode() == null ? null
                : ModbusFunctions.exception(response.exceptionCode());
        String outcome = response == null ? "unknown" : exception != null ? "failure" : "success";
        long ts = response != null ? response.timestampNanos() : request.timestampNanos();
        AppEvent e = AppEvent.of(ts, ModbusProtocol.NAME, "modbus-" + function.replace('_', '-'))
                .withOutcome(outcome)
                .withIcs(new SecurityEvent.Ics(ModbusProtocol.NAME, Integer.toString(main.unitId()), fc, function,
                        ModbusFunctions.write(fc, diagnostic), exception, main.address(), main.quantity()))
                .withField(PREFIX + "transaction_id", main.transactionId());
        if (!main.values().isEmpty()) {
            // coils and registers in separate fields: one Elasticsearch field holds one type
            boolean coils = main.values().get(0) instanceof Boolean;
            e = e.withField(PREFIX + (coils ? "coils" : "registers"), main.values());
            if (main.valuesTruncated()) {
                e = e.withField(PREFIX + "values_truncated", true);
            }
        }
        e = e.withField(PREFIX + "read_address", main.readAddress())
                .withField(PREFIX + "read_quantity", main.readQuantity())
                .withField(PREFIX + "diagnostic_code", diagnostic);
        if (response != null && response.exceptionCode() != null) {
            e = e.withField(PREFIX + "exception_code", response.exceptionCode());
        }
        if (request == null) {
            e = e.withField(PREFIX + "request_seen", false);
        }
        for (var d : new java.util.TreeMap<>(main.details()).entrySet()) {
            e = e.withField(PREFIX + d.getKey(), d.getValue());
        }
        return e;
    }
}
