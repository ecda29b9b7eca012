package io.tapsrelay.cli.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogManagerChoiceTest {
    @Test
    void namesTheRetainingManagerByItsRealClassName() {
        assertEquals(RetainingLogManager.class.getName(), LogManagerChoice.RETAINING);
    }
}
