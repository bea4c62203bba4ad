package io.coregate.gateway.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theBurstIsAdmittedThenTheRateWithTheWaitRoundedUpToWholeSeconds() {
        var bucket = new TokenBucket(2, 3, 0);
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(1, bucket.take(0), "half a second to the next token, announced as 1 s");
        assertEquals(0, bucket.take(SECOND / 2), "one token back after half a second at 2 per second");
        assertEquals(1, bucket.take(SECOND / 2));
    }

    @Test
    void aSlowRateAnnouncesTheWholeWait() {
        var bucket = new TokenBucket(0.25, 1, 0);
        assertEquals(0, bucket.take(0));
        assertEquals(4, bucket.take(0));
        assertEquals(2, bucket.take(2 * SECOND));
    }

    @Test
    void aBucketIsFullAgainAfterAQuietPeriodAndNeverAboveItsCapacity() {
        var bucket = new TokenBucket(10, 5, 0);
        bucket.take(0);
        assertFalse(bucket.full(0));
        assertTrue(bucket.full(SECOND));
        for (int i = 0; i < 5; i++) {
            assertEquals(0, bucket.take(100 * SECOND));
        }
        assertEquals(1, bucket.take(100 * SECOND), "a long quiet period still gives only the capacity");
    }
}
