package io.tapsrelay.frames;

/**
 * The frame types of PROTOCOL.md §3 and §7. The wire name is the constant's name, compared
 * case-sensitively: {@code "hello"} is an unknown type, not HELLO.
 */
public enum FrameType {
    HELLO,
    CREDIT,
    EVENT,
    ACK,
    PING,
    PONG,
    ERROR,
    /** Only on {@code /checkpoint}; on {@code /stream} the relay treats it as an unknown type. */
    CHECKPOINT;

    /** The {@code type} string on the wire. */
    public String wireName() {
        return name();
    }

    /** The type named {@code s} on the wire, or null when {@code s} names no type (or is null). */
    public static FrameType fromWire(String s) {
        if (s == null) {
            return null;
        }
        switch (s) {
            case "HELLO": return HELLO;
            case "CREDIT": return CREDIT;
            case "EVENT": return EVENT;
            case "ACK": return ACK;
            case "PING": return PING;
            case "PONG": return PONG;
            case "ERROR": return ERROR;
            case "CHECKPOINT": return CHECKPOINT;
            default: return null;
        }
    }
}
