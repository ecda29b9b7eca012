package io.tapsrelay.cli.logging;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Puts the JDK root logger's handlers and level back after each test that reconfigures logging. */
final class RootLoggerRestored implements BeforeEachCallback, AfterEachCallback {
    private Handler[] savedHandlers;
    private Level savedLevel;

    @Override
    public void beforeEach(ExtensionContext context) {
        Logger root = Logger.getLogger("");
        savedHandlers = root.getHandlers();
        savedLevel = root.getLevel();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        for (Handler h : savedHandlers) {
            root.addHandler(h);
        }
        root.setLevel(savedLevel);
    }
}
