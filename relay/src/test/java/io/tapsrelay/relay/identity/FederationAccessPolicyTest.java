package io.tapsrelay.relay.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FederationAccessPolicyTest {
    @Test
    void openModeAllowsAnyOriginThatIsNeitherBlockedNorQuarantined() {
        AccessPolicy policy = new FederationAccessPolicy(true, Set.of(), Set.of("bad.example"), "sus.example"::equals);
        assertEquals(Access.ALLOWED, policy.check("anyone.example"));
        assertEquals(Access.BLOCKED, policy.check("bad.example"));
        assertEquals(Access.QUARANTINED, policy.check("sus.example"));
    }

    @Test
    void allowListModeAdmitsOnlyListedOrigins() {
        AccessPolicy policy = new FederationAccessPolicy(false, Set.of("b.example"), Set.of(), o -> false);
        assertEquals(Access.ALLOWED, policy.check("b.example"));
        assertEquals(Access.NOT_ALLOWED, policy.check("c.example"));
    }

    @Test
    void blockingBeatsQuarantineAndQuarantineBeatsTheAllowList() {
        AccessPolicy policy = new FederationAccessPolicy(false, Set.of("b.example", "c.example"), Set.of("b.example"),
                o -> true);
        assertEquals(Access.BLOCKED, policy.check("b.example"));
        assertEquals(Access.QUARANTINED, policy.check("c.example"));
    }

    @Test
    void quarantineIsAskedLiveOnEveryCheck() {
        Set<String> quarantined = new HashSet<>();
        AccessPolicy policy = new FederationAccessPolicy(true, Set.of(), Set.of(), quarantined::contains);
        assertEquals(Access.ALLOWED, policy.check("b.example"));
        quarantined.add("b.example");
        assertEquals(Access.QUARANTINED, policy.check("b.example"));
    }

    @Test
    void laterChangesToTheGivenSetsDoNotLeakIn() {
        Set<String> blocked = new HashSet<>();
        AccessPolicy policy = new FederationAccessPolicy(true, Set.of(), blocked, o -> false);
        blocked.add("b.example");
        assertEquals(Access.ALLOWED, policy.check("b.example"));
    }
}
