package org.fenghuo.collectors.pcap.app.modbus;

import java.util.List;
import java.util.Map;

/**
 * One parsed Modbus request or response.
 *
 * @param functionCode  without the exception bit
 * @param exceptionCode the exception code of an exception response, else null
 * @param address       first coil/register (the write part for function 23), or null
 * @param quantity      how many coils/registers, or null
 * @param values        written values (Integer registers or Boolean coils), at most
 *                      {@link ModbusParser#MAX_VALUES}; empty when none
 * @param details       further fields under {@code fenghuo.ics.modbus.}
 */
record ModbusPdu(long timestampNanos, int transactionId, int unitId, int functionCode, Integer exceptionCode,
                 Long address, Long quantity, List<Object> values, boolean valuesTruncated, Long readAddress,
                 Long readQuantity, Integer diagnostic, Map<String, Object> details) {
    ModbusPdu {
        values = List.copyOf(values);
        details = Map.copyOf(details);
    }
}
