/** Not API: the YAML schema walker, its value kinds and small helpers shared by the records. */
package io.tapsrelay.config.internal;
