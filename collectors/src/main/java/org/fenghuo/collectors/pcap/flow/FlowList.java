package org.fenghuo.collectors.pcap.flow;

/**
 * An intrusive doubly linked list of flows: O(1) append, unlink and oldest-first access with no
 * allocation after each flow's own {@link Node}s. The table keeps one list per idle-timeout class
 * (flows move to the tail when seen, so each list stays in last-seen order) and one in
 * segment-start order for the active timeout.
 */
final class FlowList {

    /** A flow's membership in one list. */
    static final class Node {
        final Flow flow;
        Node prev;
        Node next;
        FlowList owner;

        Node(Flow flow) {
            this.flow = flow;
        }
    }

    private Node head;
    private Node tail;
    private int size;

    /** Moves the node to the tail of this list, unlinking it from whichever list held it. */
    void moveToTail(Node n) {
        if (n.owner == this && n == tail) {
            return;
        }
        if (n.owner != null) {
            n.owner.unlink(n);
        }
        n.owner = this;
        n.prev = tail;
        n.next = null;
        if (tail == null) {
            head = n;
        } else {
            tail.next = n;
        }
        tail = n;
        size++;
    }

    void unlink(Node n) {
        if (n.owner != this) {
            return;
        }
        if (n.prev == null) {
            head = n.next;
        } else {
            n.prev.next = n.next;
        }
        if (n.next == null) {
            tail = n.prev;
        } else {
            n.next.prev = n.prev;
        }
        n.prev = null;
        n.next = null;
        n.owner = null;
        size--;
    }

    /** The oldest flow, or null. */
    Flow oldest() {
        return head == null ? null : head.flow;
    }

    int size() {
        return size;
    }
}
