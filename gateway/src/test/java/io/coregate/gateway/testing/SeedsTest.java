package io.coregate.gateway.testing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seeded randomized runner names the failing seed, and that seed replays the same draws. */
class SeedsTest {

    @Test
    void aFailingTryNamesItsSeedAndTheSeedReplaysTheSameDraws() {
        var drawn = new ArrayList<Integer>();
        AssertionError failure = assertThrows(AssertionError.class, () -> Seeds.check(200, random -> {
            int value = random.nextInt(1_000);
            drawn.add(value);
            assertTrue(value < 900, "drew " + value);
        }));
        Matcher seed = Pattern.compile("replay: -Dcoregate\\.seed=(-?\\d+)\\)").matcher(failure.getMessage());
        assertTrue(seed.find(), failure.getMessage());
        assertTrue(failure.getMessage().contains("drew " + drawn.getLast()), failure.getMessage());

        List<Long> replay = Seeds.seeds(200, seed.group(1), 0);
        assertEquals(List.of(Long.parseLong(seed.group(1))), replay);
        assertEquals(drawn.getLast(), new SplittableRandom(replay.getFirst()).nextInt(1_000));
    }

    @Test
    void withoutAReplayEachTryGetsItsOwnSeedAndEveryRunNewOnes() {
        List<Long> first = Seeds.seeds(50, null, 1);
        assertEquals(50, new HashSet<>(first).size());
        assertEquals(first, Seeds.seeds(50, " ", 1));
        assertTrue(Seeds.seeds(50, null, 2).stream().noneMatch(first::contains));
    }

    @Test
    void aReplayThatIsNotANumberIsRefusedNamingTheProperty() {
        var e = assertThrows(IllegalArgumentException.class, () -> Seeds.seeds(1, "abc", 0));
        assertTrue(e.getMessage().contains("-Dcoregate.seed"), e.getMessage());
    }

    @Test
    void drawsStayInTheirRangeAndReachBothBounds() {
        var ints = new HashSet<Integer>();
        var decimals = new HashSet<BigDecimal>();
        BigDecimal min = new BigDecimal("0.01");
        BigDecimal max = new BigDecimal("999999999999999999.99");
        Seeds.check(2_000, random -> {
            int i = Seeds.between(random, 3, 9);
            assertTrue(i >= 3 && i <= 9, "int " + i);
            ints.add(i);
            BigDecimal d = Seeds.decimal(random, min, max, 2);
            assertTrue(d.compareTo(min) >= 0 && d.compareTo(max) <= 0 && d.scale() == 2, "decimal " + d);
            decimals.add(d);
        });
        assertEquals(7, ints.size());
        assertTrue(decimals.contains(min) && decimals.contains(max));
        assertTrue(decimals.stream().anyMatch(d -> d.compareTo(BigDecimal.TEN) < 0), "no small amount drawn");
        assertTrue(decimals.stream().anyMatch(d -> d.compareTo(new BigDecimal("1e15")) > 0), "no large amount drawn");
    }
}
