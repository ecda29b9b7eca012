package io.tapsrelay.relay.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdmissionTest {
    @Test
    void retryAfterInSecondsIsRoundedUp() {
        assertEquals(1, Admission.refused(1).retryAfterSeconds());
        assertEquals(1, Admission.refused(1000).retryAfterSeconds());
        assertEquals(2, Admission.refused(1001).retryAfterSeconds());
    }

    @Test
    void onlyZeroIsAdmittedAndARefusalWaitsAtLeastOneMillisecond() {
        assertTrue(Admission.ADMITTED.admitted());
        assertFalse(Admission.refused(5).admitted());
        assertThrows(IllegalArgumentException.class, () -> Admission.refused(0));
        assertThrows(IllegalArgumentException.class, () -> new Admission(-1));
    }
}
