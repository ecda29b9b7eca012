package io.tapsrelay.frames;

import java.util.List;
import java.util.Objects;

/**
 * CHECKPOINT payload (§7): the sender's view of one group.
 *
 * @param origins one entry per origin the sender holds events of
 * @param truncated true when the callee stopped sending events at its response limit; written only
 *     when true, read as false when absent
 */
public record CheckpointPayload(List<OriginView> origins, boolean truncated) implements Payload {
    public CheckpointPayload {
        origins = List.copyOf(Objects.requireNonNull(origins, "origins"));
    }
}
