package io.tapsrelay.relay.store.internal;

import io.tapsrelay.frames.crypto.PrefixChain;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.relay.store.OriginState;

/**
 * The writer's mutable copy of one origin's state while a commit is being built. It becomes the
 * committed {@link OriginState} only if the commit's write succeeds; otherwise it is dropped.
 */
final class WorkingOrigin {
    final String groupId;
    final String originServer;
    /** {@code group 0 origin 0}, the prefix of this origin's event and block keys. */
    final byte[] seqPrefix;
    long maxSeq;
    long contiguousSeq;
    long count;
    Sha256 prefixHash;

    WorkingOrigin(OriginState committed) {
        this.groupId = committed.groupId();
        this.originServer = committed.originServer();
        this.seqPrefix = Keys.prefix(groupId, originServer);
        this.maxSeq = committed.maxSeq();
        this.contiguousSeq = committed.contiguousSeq();
        this.count = committed.count();
        this.prefixHash = committed.prefixHash();
    }

    /** Extends the contiguous run by one event; true when the new length ends a 1024-block. */
    boolean extend(byte[] eventId, byte[] contentHash) {
        prefixHash = PrefixChain.step(prefixHash, eventId, contentHash);
        contiguousSeq++;
        return contiguousSeq % PrefixChain.BLOCK_SIZE == 0;
    }

    OriginState toState() {
        return new OriginState(groupId, originServer, maxSeq, contiguousSeq, count, prefixHash);
    }
}
