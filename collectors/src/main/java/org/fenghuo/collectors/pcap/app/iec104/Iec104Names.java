package org.fenghuo.collectors.pcap.app.iec104;

/** Names of IEC 60870-5-101/104 type identifications and causes of transmission. */
final class Iec104Names {
    private static final String[] TYPES = new String[256];
    private static final String[] CAUSES = new String[64];

    static {
        String[] monitor = {null, "M_SP_NA_1", "M_SP_TA_1", "M_DP_NA_1", "M_DP_TA_1", "M_ST_NA_1", "M_ST_TA_1",
            "M_BO_NA_1", "M_BO_TA_1", "M_ME_NA_1", "M_ME_TA_1", "M_ME_NB_1", "M_ME_TB_1", "M_ME_NC_1", "M_ME_TC_1",
            "M_IT_NA_1", "M_IT_TA_1", "M_EP_TA_1", "M_EP_TB_1", "M_EP_TC_1", "M_PS_NA_1", "M_ME_ND_1"};
        System.arraycopy(monitor, 1, TYPES, 1, monitor.length - 1);
        String[] timeTagged = {"M_SP_TB_1", "M_DP_TB_1", "M_ST_TB_1", "M_BO_TB_1", "M_ME_TD_1", "M_ME_TE_1",
            "M_ME_TF_1", "M_IT_TB_1", "M_EP_TD_1", "M_EP_TE_1", "M_EP_TF_1", "S_IT_TC_1"};
        System.arraycopy(timeTagged, 0, TYPES, 30, timeTagged.length);
        String[] commands = {"C_SC_NA_1", "C_DC_NA_1", "C_RC_NA_1", "C_SE_NA_1", "C_SE_NB_1", "C_SE_NC_1",
            "C_BO_NA_1"};
        System.arraycopy(commands, 0, TYPES, 45, commands.length);
        String[] commandsWithTime = {"C_SC_TA_1", "C_DC_TA_1", "C_RC_TA_1", "C_SE_TA_1", "C_SE_TB_1", "C_SE_TC_1",
            "C_BO_TA_1"};
        System.arraycopy(commandsWithTime, 0, TYPES, 58, commandsWithTime.length);
        TYPES[70] = "M_EI_NA_1";
        String[] system = {"C_IC_NA_1", "C_CI_NA_1", "C_RD_NA_1", "C_CS_NA_1", "C_TS_NA_1", "C_RP_NA_1",
            "C_CD_NA_1", "C_TS_TA_1"};
        System.arraycopy(system, 0, TYPES, 100, system.length);
        String[] parameters = {"P_ME_NA_1", "P_ME_NB_1", "P_ME_NC_1", "P_AC_NA_1"};
        System.arraycopy(parameters, 0, TYPES, 110, parameters.length);
        String[] files = {"F_FR_NA_1", "F_SR_NA_1", "F_SC_NA_1", "F_LS_NA_1", "F_AF_NA_1", "F_SG_NA_1",
            "F_DR_TA_1", "F_SC_NB_1"};
        System.arraycopy(files, 0, TYPES, 120, files.length);

        String[] causes = {null, "percyc", "back", "spont", "init", "req", "act", "actcon", "deact", "deactcon",
            "actterm", "retrem", "retloc", "file"};
        System.arraycopy(causes, 1, CAUSES, 1, causes.length - 1);
        CAUSES[20] = "inrogen";
        for (int i = 1; i <= 16; i++) {
            CAUSES[20 + i] = "inro" + i;
        }
        CAUSES[37] = "reqcogen";
        for (int i = 1; i <= 4; i++) {
            CAUSES[37 + i] = "reqco" + i;
        }
        CAUSES[44] = "unknown-type";
        CAUSES[45] = "unknown-cause";
        CAUSES[46] = "unknown-common-address";
        CAUSES[47] = "unknown-ioa";
    }

    private Iec104Names() {
    }

    /** The standard mnemonic, e.g. C_SC_NA_1, or "type-N" for an unassigned id. */
    static String type(int typeId) {
        String name = TYPES[typeId & 0xFF];
        return name != null ? name : "type-" + (typeId & 0xFF);
    }

    /** Lower-case cause of transmission, e.g. act, spont, inrogen, or "cot-N". */
    static String cause(int cause) {
        String name = CAUSES[cause & 0x3F];
        return name != null ? name : "cot-" + (cause & 0x3F);
    }

    /**
     * Whether the type changes the outstation's state: process commands (45-69), system commands
     * (100-107: interrogation, clock sync, reset, ...) and parameter loading (110-113).
     */
    static boolean write(int typeId) {
        return typeId >= 45 && typeId <= 69 || typeId >= 100 && typeId <= 107 || typeId >= 110 && typeId <= 113;
    }

    /** Causes 44-47: the outstation rejects an unknown type, cause, common address or IOA. */
    static boolean rejection(int cause) {
        return cause >= 44 && cause <= 47;
    }
}
