package org.fenghuo.collectors.pcap.app.s7comm;

import org.fenghuo.collectors.pcap.flow.HexText;

/**
 * One S7comm PDU (protocol id 0x32) as far as the analyzer needs it. Absent values are -1 or null.
 *
 * @param rosctr          1 job, 2 ack, 3 ack_data, 7 userdata
 * @param pduRef          PDU reference, which pairs a request with its response
 * @param errorClass      header error class of ack / ack_data
 * @param errorCode       header error code of ack / ack_data
 * @param function        job / ack_data function (read var 0x04, ...)
 * @param itemCount       items of read / write var
 * @param area            first S7ANY item's area (0x84 DB, ...)
 * @param dbNumber        first S7ANY item's DB number
 * @param byteAddress     first S7ANY item's byte address (bit address >> 3)
 * @param transportSize   first S7ANY item's transport size
 * @param userdataType    userdata: 0 push, 4 request, 8 response
 * @param group           userdata function group
 * @param subfunction     userdata subfunction
 * @param returnCode      first item return code other than 0xFF (success), in the data part
 * @param userdataError   userdata parameter error code, when not 0
 * @param detail          PI service name, block file name, or SZL id, when the PDU names one
 * @param pduLength       negotiated PDU length of setup communication
 */
record S7Pdu(int rosctr, int pduRef, int errorClass, int errorCode, int function, int itemCount, int area,
             int dbNumber, long byteAddress, int transportSize, int userdataType, int group, int subfunction,
             int returnCode, int userdataError, String detail, int pduLength) {

    boolean userdata() {
        return rosctr == S7Names.ROSCTR_USERDATA;
    }

    /** A response (ack, ack_data, userdata response) rather than a request or push. */
    boolean response() {
        return rosctr == S7Names.ROSCTR_ACK || rosctr == S7Names.ROSCTR_ACK_DATA
                || userdata() && userdataType == 8;
    }

    /**
     * Header error class/code, userdata parameter error code, or a read/write var item's return
     * code, as text; null when there is none.
     */
    String error() {
        if (errorClass > 0 || errorCode > 0) {
            return S7Names.errorClass(errorClass) + " (" + HexText.prefixedHex(errorClass, 2)
                    + HexText.hex(errorCode, 2) + ")";
        }
        if (userdataError > 0) {
            return "userdata error (" + HexText.prefixedHex(userdataError, 4) + ")";
        }
        if (returnCode >= 0 && !userdata()) {
            // userdata answers 0x0a ("object does not exist") with no data for plain acknowledgements
            // (set clock) and at the end of lists: its parameter error code is the real verdict
            return S7Names.returnCode(returnCode) + " (" + HexText.prefixedHex(returnCode, 2) + ")";
        }
        return null;
    }
}
