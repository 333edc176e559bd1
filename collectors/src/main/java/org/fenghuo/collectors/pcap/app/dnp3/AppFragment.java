package org.fenghuo.collectors.pcap.app.dnp3;

import java.util.List;

/**
 * One parsed application fragment.
 *
 * @param iin          IIN1 | IIN2 &lt;&lt; 8 for responses, else null
 * @param objects      object headers read, as {@code g<group>v<variation>}, at most
 *                     {@link ApplicationParser#MAX_OBJECTS}
 * @param firstIndex   the first object header's start index (range or first index prefix), or null
 * @param firstCount   the first object header's object count, or null
 * @param stoppedAt    why object listing stopped early ("unknown object size", "truncated"), or null
 */
record AppFragment(int control, int function, Integer iin, List<String> objects, Long firstIndex, Long firstCount,
                   String stoppedAt) {
    AppFragment {
        objects = List.copyOf(objects);
    }

    int sequence() {
        return control & 0x0f;
    }

    boolean unsolicited() {
        return (control & 0x10) != 0;
    }

    boolean confirmRequested() {
        return (control & 0x20) != 0;
    }
}
