/**
 * How anti-entropy works inside: the digest and checkpoint endpoints, the views and event packing
 * they share with the repair client, the repair session, the worker, the history and the reports.
 * Not an API: only {@code io.tapsrelay.antientropy} is.
 */
package io.tapsrelay.antientropy.internal;
