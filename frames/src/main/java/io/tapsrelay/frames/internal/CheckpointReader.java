package io.tapsrelay.frames.internal;

import io.tapsrelay.frames.CheckpointPayload;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.Payload;
import io.tapsrelay.frames.SeqRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a CHECKPOINT payload (§7): {@code {origins:[…], truncated?}}. */
final class CheckpointReader {
    private CheckpointReader() {}

    static Payload read(FieldReader fields) throws IOException {
        List<OriginView> origins = null;
        Boolean truncated = null;
        while (fields.nextField()) {
            String name = fields.fieldName();
            switch (name) {
                case "origins" -> origins = origins(fields);
                case "truncated" -> truncated = fields.bool(name);
                default -> fields.skip();
            }
        }
        fields.require("origins", origins);
        if (fields.problem().isPresent()) {
            return PayloadReader.invalid(FrameType.CHECKPOINT, fields);
        }
        return new CheckpointPayload(origins, Boolean.TRUE.equals(truncated));
    }

    private static List<OriginView> origins(FieldReader fields) throws IOException {
        if (!fields.array("origins")) {
            return null;
        }
        List<OriginView> out = new ArrayList<>();
        for (int i = 0; fields.nextElement(); i++) {
            String label = "origins[" + i + "]";
            if (fields.object(label)) {
                OriginView view = origin(fields, label);
                if (view != null) {
                    out.add(view);
                }
            }
        }
        return out;
    }

    private static OriginView origin(FieldReader fields, String label) throws IOException {
        String originServer = null;
        Long maxSeq = null;
        Long contiguousSeq = null;
        Long count = null;
        String prefixHash = null;
        List<SeqRange> missing = null;
        List<String> blockHashes = null;
        while (fields.nextField()) {
            String name = fields.fieldName();
            String field = label + "." + name;
            switch (name) {
                case "origin_server" -> originServer = fields.string(field);
                case "max_seq" -> maxSeq = fields.integer(field);
                case "contiguous_seq" -> contiguousSeq = fields.integer(field);
                case "count" -> count = fields.integer(field);
                case "prefix_hash" -> prefixHash = fields.string(field);
                case "missing" -> missing = ranges(fields, field);
                case "block_hashes" -> blockHashes = fields.strings(field);
                default -> fields.skip();
            }
        }
        fields.require(label + ".origin_server", originServer);
        fields.require(label + ".max_seq", maxSeq);
        fields.require(label + ".contiguous_seq", contiguousSeq);
        fields.require(label + ".count", count);
        fields.require(label + ".prefix_hash", prefixHash);
        if (originServer == null || maxSeq == null || contiguousSeq == null || count == null || prefixHash == null) {
            return null;
        }
        return new OriginView(
                originServer,
                maxSeq,
                contiguousSeq,
                count,
                prefixHash,
                missing == null ? List.of() : missing,
                blockHashes == null ? List.of() : blockHashes);
    }

    /** {@code [[from,to],…]}; each element exactly two integers. */
    private static List<SeqRange> ranges(FieldReader fields, String label) throws IOException {
        if (!fields.array(label)) {
            return null;
        }
        List<SeqRange> out = new ArrayList<>();
        for (int i = 0; fields.nextElement(); i++) {
            String element = label + "[" + i + "]";
            if (fields.isNull()) {
                fields.wrong(element, "a [from,to] pair");
                continue;
            }
            if (!fields.array(element)) {
                continue;
            }
            Long[] pair = new Long[2];
            int n = 0;
            while (fields.nextElement()) {
                Long value = fields.isNull()
                        ? fields.wrong(element + "[" + n + "]", "an integer")
                        : fields.integer(element + "[" + n + "]");
                if (n < 2) {
                    pair[n] = value;
                }
                n++;
            }
            if (n != 2) {
                fields.note(element + " is not a [from,to] pair");
            } else if (pair[0] != null && pair[1] != null) {
                out.add(new SeqRange(pair[0], pair[1]));
            }
        }
        return out;
    }
}
