package org.fenghuo.collectors.framing;

import java.util.Objects;
import org.fenghuo.collectors.input.ErrorKind;

/** What a framer emits: a complete frame, or a typed error for bytes it had to give up on. */
public sealed interface FrameResult permits FrameResult.Frame, FrameResult.FrameError {

    /** Offset of the frame's first byte in the stream (for a file: in the file). */
    long offset();

    /**
     * One complete frame, without its terminator (LF, CRLF) or octet-count prefix. May be empty.
     *
     * @param bytes  the frame's bytes; owned by the receiver, the framer keeps no reference
     * @param offset see {@link FrameResult#offset()}
     */
    record Frame(byte[] bytes, long offset) implements FrameResult {
        public Frame {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * Bytes that did not make a usable frame. The framer has already moved to the next frame
     * boundary and stays usable.
     *
     * @param kind   {@link ErrorKind#FRAME_TOO_LARGE} or {@link ErrorKind#TRUNCATED_FRAME}
     * @param reason human-readable detail
     * @param offset see {@link FrameResult#offset()}
     * @param length the frame's full length as far as it is known (declared or counted)
     * @param head   the frame's first bytes, at most the framer's maximum frame size
     */
    record FrameError(ErrorKind kind, String reason, long offset, long length, byte[] head) implements FrameResult {
        public FrameError {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(head, "head");
        }
    }
}
