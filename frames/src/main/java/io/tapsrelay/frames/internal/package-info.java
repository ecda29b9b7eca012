/**
 * Implementation of the frames codec: the shared JSON factory, line checks, payload readers and
 * writers. Not an API: other modules use {@code io.tapsrelay.frames.codec} and the model records.
 */
package io.tapsrelay.frames.internal;
