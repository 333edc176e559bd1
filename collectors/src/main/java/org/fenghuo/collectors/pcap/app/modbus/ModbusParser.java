package org.fenghuo.collectors.pcap.app.modbus;

import static org.fenghuo.collectors.pcap.app.modbus.MbapFramer.u16;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the PDU of one ADU. A PDU whose length does not fit its function (as the spec fixes it,
 * or as its byte count says) is rejected: {@link Result#error} names why.
 */
final class ModbusParser {
    /** Written values kept per event. */
    static final int MAX_VALUES = 125;

    /** Either a PDU or an error phrase with detail. */
    record Result(ModbusPdu pdu, String error, String detail) {
        static Result error(String detail) {
            return new Result(null, "length mismatch", detail);
        }
    }

    private ModbusParser() {
    }

    /** @param adu a whole ADU as {@link MbapFramer} gives it (at least the header, unit and function) */
    static Result parse(byte[] adu, int len, boolean request, long ts) {
        if (len < MbapFramer.HEADER + 2) {
            return new Result(null, "length mismatch", "adu length " + len);
        }
        int tid = u16(adu, 0);
        int unit = adu[6] & 0xff;
        int p = 7;
        int n = len - p;
        int raw = adu[p] & 0xff;
        int fc = raw & 0x7f;
        Builder b = new Builder(ts, tid, unit, fc);
        if (!request && (raw & 0x80) != 0) {
            // the spec's exception PDU is 2 bytes; devices that pad it (as tshark allows) are accepted
            if (n < 2) {
                return mismatch(fc, request, n);
            }
            b.exception = adu[p + 1] & 0xff;
            return new Result(b.build(), null, null);
        }
        boolean ok = request ? request(adu, p, n, b) : response(adu, p, n, b);
        return ok ? new Result(b.build(), null, null) : mismatch(fc, request, n);
    }

    private static Result mismatch(int fc, boolean request, int n) {
        return Result.error("function " + fc + (request ? " request" : " response") + " pdu length " + n);
    }

    private static boolean request(byte[] a, int p, int n, Builder b) {
        switch (b.fc) {
            case 1, 2, 3, 4 -> {
                if (n != 5) {
                    return false;
                }
                b.range(u16(a, p + 1), u16(a, p + 3));
            }
            case 5, 6 -> {
                if (n != 5) {
                    return false;
                }
                b.range(u16(a, p + 1), 1);
                b.singleValue(u16(a, p + 3));
            }
            case 15, 16 -> {
                if (n < 6 || n != 6 + (a[p + 5] & 0xff)) {
                    return false;
                }
                int quantity = u16(a, p + 3);
                b.range(u16(a, p + 1), quantity);
                b.values(a, p + 6, n - 6, quantity);
            }
            case 22 -> {
                if (n != 7) {
                    return false;
                }
                b.range(u16(a, p + 1), 1);
                b.details.put("and_mask", u16(a, p + 3));
                b.details.put("or_mask", u16(a, p + 5));
            }
            case 23 -> {
                if (n < 10 || n != 10 + (a[p + 9] & 0xff)) {
                    return false;
                }
                b.readAddress = (long) u16(a, p + 1);
                b.readQuantity = (long) u16(a, p + 3);
                int quantity = u16(a, p + 7);
                b.range(u16(a, p + 5), quantity);
                b.values(a, p + 10, n - 10, quantity);
            }
            case 7, 11, 12, 17 -> {
                return n == 1;
            }
            case 8 -> {
                if (n < 3) {
                    return false;
                }
                b.diagnostic = u16(a, p + 1);
            }
            case 20, 21 -> {
                if (n < 2 || n != 2 + (a[p + 1] & 0xff)) {
                    return false;
                }
                fileRecords(a, p + 2, n - 2, b);
            }
            case 24 -> {
                if (n != 3) {
                    return false;
                }
                b.range(u16(a, p + 1), null);
            }
            case 43 -> mei(a, p, n, b, true);
            default -> {
                // user-defined or reserved: nothing more to read
            }
        }
        return true;
    }

    private static boolean response(byte[] a, int p, int n, Builder b) {
        switch (b.fc) {
            case 1, 2, 3, 4, 12, 17, 20, 21, 23 -> {
                return n >= 2 && n == 2 + (a[p + 1] & 0xff);
            }
            case 5, 6 -> {
                if (n != 5) {
                    return false;
                }
                b.range(u16(a, p + 1), 1);
                b.singleValue(u16(a, p + 3));
            }
            case 15, 16 -> {
                if (n != 5) {
                    return false;
                }
                b.range(u16(a, p + 1), u16(a, p + 3));
            }
            case 22 -> {
                if (n != 7) {
                    return false;
                }
                b.range(u16(a, p + 1), 1);
            }
            case 7 -> {
                return n == 2;
            }
            case 11 -> {
                return n == 5;
            }
            case 8 -> {
                if (n < 3) {
                    return false;
                }
                b.diagnostic = u16(a, p + 1);
            }
            case 24 -> {
                return n >= 3 && n == 3 + u16(a, p + 1);
            }
            case 43 -> mei(a, p, n, b, false);
            default -> {
                // user-defined or reserved
            }
        }
        return true;
    }

    /** Function 20/21 sub-requests: 7 bytes each (reference type 6, file, record, length) plus data for 21. */
    private static void fileRecords(byte[] a, int p, int n, Builder b) {
        int count = 0;
        int i = 0;
        Long file = null;
        Long record = null;
        while (i + 7 <= n) {
            if (count == 0) {
                file = (long) u16(a, p + i + 1);
                record = (long) u16(a, p + i + 3);
            }
            int words = u16(a, p + i + 5);
            i += 7 + (b.fc == 21 ? 2 * words : 0);
            count++;
        }
        b.address = record;
        b.quantity = (long) count;
        if (file != null) {
            b.details.put("file_number", file);
        }
    }

    private static void mei(byte[] a, int p, int n, Builder b, boolean request) {
        if (n < 2) {
            return;
        }
        int type = a[p + 1] & 0xff;
        b.details.put("mei_type", type);
        if (type == 14 && n >= 4) {
            b.details.put("read_device_id_code", a[p + 2] & 0xff);
            if (request) {
                b.details.put("object_id", a[p + 3] & 0xff);
            }
        }
    }

    private static final class Builder {
        final long ts;
        final int tid;
        final int unit;
        final int fc;
        Integer exception;
        Long address;
        Long quantity;
        final List<Object> values = new ArrayList<>();
        boolean truncated;
        Long readAddress;
        Long readQuantity;
        Integer diagnostic;
        final Map<String, Object> details = new HashMap<>();

        Builder(long ts, int tid, int unit, int fc) {
            this.ts = ts;
            this.tid = tid;
            this.unit = unit;
            this.fc = fc;
        }

        void range(int address, Integer quantity) {
            this.address = (long) address;
            this.quantity = quantity == null ? null : (long) quantity;
        }

        void singleValue(int value) {
            values.add(fc == 5 ? (Object) (value == 0xff00) : (Object) value);
        }

        /** Coils (15) from packed bits, registers (16, 23) as unsigned 16-bit words. */
        void values(byte[] a, int off, int len, int quantity) {
            boolean coils = fc == 15;
            int available = coils ? len * 8 : len / 2;
            int count = Math.min(quantity, available);
            truncated = count > MAX_VALUES;
            for (int i = 0; i < Math.min(count, MAX_VALUES); i++) {
                values.add(coils ? (Object) (((a[off + i / 8] >> (i % 8)) & 1) == 1) : (Object) u16(a, off + 2 * i));
            }
        }

        ModbusPdu build() {
            return new ModbusPdu(ts, tid, unit, fc, exception, address, quantity, values, truncated, readAddress,
                    readQuantity, diagnostic, details);
        }
    }
}
