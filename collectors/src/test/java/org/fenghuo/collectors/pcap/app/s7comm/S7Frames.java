package org.fenghuo.collectors.pcap.app.s7comm;

import static org.fenghuo.collectors.pcap.app.TestBytes.bytes;
import static org.fenghuo.collectors.pcap.app.TestBytes.concat;

import java.nio.charset.StandardCharsets;

/** Builds TPKT / COTP / S7comm bytes for tests. */
final class S7Frames {
    private S7Frames() {
    }

    static byte[] tpkt(byte[] cotp) {
        int length = 4 + cotp.length;
        return concat(bytes(3, 0, length >> 8, length & 0xFF), cotp);
    }

    /** COTP connection request (type 0xE0) or confirm (0xD0) with TPDU size 1024 and the TSAPs. */
    static byte[] connect(int type, int srcTsap, int dstTsap) {
        byte[] params = bytes(0xC0, 1, 0x0A, 0xC1, 2, srcTsap >> 8, srcTsap & 0xFF, 0xC2, 2, dstTsap >> 8,
                dstTsap & 0xFF);
        return tpkt(concat(bytes(6 + params.length, type, 0, 0, 0, 1, 0), params));
    }

    /** One COTP DT carrying {@code payload}; {@code last} sets EOT. */
    static byte[] dt(byte[] payload, boolean last) {
        return tpkt(concat(bytes(2, 0xF0, last ? 0x80 : 0x00), payload));
    }

    static byte[] dt(byte[] payload) {
        return dt(payload, true);
    }

    static byte[] s7(int rosctr, int ref, byte[] param, byte[] data, int errorClass, int errorCode) {
        byte[] header = bytes(0x32, rosctr, 0, 0, ref >> 8, ref & 0xFF, param.length >> 8, param.length & 0xFF,
                data.length >> 8, data.length & 0xFF);
        if (rosctr == 2 || rosctr == 3) {
            header = concat(header, bytes(errorClass, errorCode));
        }
        return concat(header, param, data);
    }

    static byte[] job(int ref, byte[] param, byte[] data) {
        return dt(s7(1, ref, param, data, 0, 0));
    }

    static byte[] ackData(int ref, byte[] param, byte[] data, int errorClass, int errorCode) {
        return dt(s7(3, ref, param, data, errorClass, errorCode));
    }

    static byte[] item(int area, int db, int byteAddress, int count) {
        int bits = byteAddress << 3;
        return bytes(0x12, 0x0A, 0x10, 0x02, count >> 8, count & 0xFF, db >> 8, db & 0xFF, area, bits >> 16,
                (bits >> 8) & 0xFF, bits & 0xFF);
    }

    static byte[] setupJob(int ref) {
        return job(ref, bytes(0xF0, 0, 0, 1, 0, 1, 0x03, 0xC0), new byte[0]);
    }

    static byte[] setupAck(int ref) {
        return ackData(ref, bytes(0xF0, 0, 0, 1, 0, 1, 0x00, 0xF0), new byte[0], 0, 0);
    }

    static byte[] readVar(int ref, int area, int db, int byteAddress) {
        return job(ref, concat(bytes(0x04, 1), item(area, db, byteAddress, 2)), new byte[0]);
    }

    static byte[] readVarAck(int ref, int returnCode) {
        byte[] data = returnCode == 0xFF ? bytes(0xFF, 0x04, 0x00, 0x10, 0x12, 0x34) : bytes(returnCode, 0, 0, 0);
        return ackData(ref, bytes(0x04, 1), data, 0, 0);
    }

    static byte[] writeVar(int ref, int area, int db, int byteAddress) {
        return job(ref, concat(bytes(0x05, 1), item(area, db, byteAddress, 2)), bytes(0x00, 0x04, 0x00, 0x10, 1, 2));
    }

    static byte[] writeVarAck(int ref, int returnCode) {
        return ackData(ref, bytes(0x05, 1), bytes(returnCode), 0, 0);
    }

    static byte[] plcStop(int ref) {
        byte[] name = "P_PROGRAM".getBytes(StandardCharsets.US_ASCII);
        return job(ref, concat(bytes(0x29, 0, 0, 0, 0, 0, name.length), name), new byte[0]);
    }

    static byte[] piService(int ref, String service) {
        byte[] name = service.getBytes(StandardCharsets.US_ASCII);
        return job(ref, concat(bytes(0x28, 0, 0, 0, 0, 0, 0, 0xFD, 0, 0, name.length), name), new byte[0]);
    }

    static byte[] szlRequest(int ref, int szlId) {
        return dt(s7(7, ref, bytes(0x00, 0x01, 0x12, 0x04, 0x11, 0x44, 0x01, 0x00),
                bytes(0xFF, 0x09, 0x00, 0x04, szlId >> 8, szlId & 0xFF, 0, 0), 0, 0));
    }

    static byte[] szlResponse(int ref, int szlId) {
        return dt(s7(7, ref, bytes(0x00, 0x01, 0x12, 0x08, 0x12, 0x84, 0x01, 0x01, 0, 0, 0, 0),
                bytes(0xFF, 0x09, 0x00, 0x08, szlId >> 8, szlId & 0xFF, 0, 0, 0, 0, 0, 0), 0, 0));
    }
}
