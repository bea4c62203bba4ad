package io.coregate.gateway.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Seeded randomized tests under plain JUnit. Each try gets its own {@link RandomGenerator} built from a seed; a failing try
 * fails the test with its seed in the message, and {@code -Dcoregate.seed=<seed>} replays exactly that try.
 *
 * <p>Without the property the seeds come from a fresh random source on every run, so every run explores new cases. The
 * drawing helpers lean towards the bounds of a range (as property-test libraries do), where off-by-one errors live.
 */
public final class Seeds {

    /** The system property naming the one seed to replay. */
    public static final String PROPERTY = "coregate.seed";

    private static final System.Logger LOG = System.getLogger(Seeds.class.getName());
    private static final int EDGE_ONE_IN = 8;

    private Seeds() {
    }

    /** One try of a randomized test: draws everything it needs from {@code random}. */
    @FunctionalInterface
    public interface Try {
        void run(RandomGenerator random) throws Exception;
    }

    /**
     * Runs {@code tries} tries with fresh seeds, or the one seed of {@code -Dcoregate.seed}; the first failing try stops the run
     * with an {@link AssertionError} naming its seed and how to replay it.
     */
    public static void check(int tries, Try body) {
        List<Long> seeds = seeds(tries, System.getProperty(PROPERTY), new Random().nextLong());
        for (long seed : seeds) {
            try {
                body.run(new SplittableRandom(seed));
            } catch (Exception | AssertionError e) {
                String replay = "randomized try failed with seed " + seed + " (replay: -D" + PROPERTY + "=" + seed + "): " + e.getMessage();
                LOG.log(System.Logger.Level.ERROR, replay);
                throw new AssertionError(replay, e);
            }
        }
    }

    /** The seeds of a run: the replayed one alone, or {@code tries} seeds drawn from {@code master}. */
    static List<Long> seeds(int tries, String replay, long master) {
        if (replay != null && !replay.isBlank()) {
            try {
                return List.of(Long.parseLong(replay.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + " must be a long, not '" + replay + "'", e);
            }
        }
        var source = new SplittableRandom(master);
        var seeds = new ArrayList<Long>(tries);
        for (int i = 0; i < tries; i++) {
            seeds.add(source.nextLong());
        }
        return seeds;
    }

    /** An int in {@code [min, max]}, one time in eight one of the two bounds. */
    public static int between(RandomGenerator random, int min, int max) {
        if (random.nextInt(EDGE_ONE_IN) == 0) {
            return random.nextBoolean() ? min : max;
        }
        return random.nextInt(min, max + 1);
    }

    /** One of {@code values}, uniformly. */
    public static <T> T oneOf(RandomGenerator random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A list of {@code between(min, max)} elements, each drawn by {@code element}. */
    public static <T> List<T> listOf(RandomGenerator random, int min, int max, Function<RandomGenerator, T> element) {
        int size = between(random, min, max);
        var list = new ArrayList<T>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.apply(random));
        }
        return list;
    }

    /**
     * A decimal of the given scale in {@code [min, max]}: its number of digits is drawn first, so small and huge values are
     * equally likely; one time in eight a bound.
     */
    public static BigDecimal decimal(RandomGenerator random, BigDecimal min, BigDecimal max, int scale) {
        BigInteger low = min.setScale(scale).unscaledValue();
        BigInteger high = max.setScale(scale).unscaledValue();
        if (random.nextInt(EDGE_ONE_IN) == 0) {
            return new BigDecimal(random.nextBoolean() ? low : high, scale);
        }
        int digits = random.nextInt(1, high.toString().length() + 1);
        var text = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        BigInteger unscaled = new BigInteger(text.toString());
        BigInteger span = high.subtract(low).add(BigInteger.ONE);
        return new BigDecimal(low.add(unscaled.mod(span)), scale);
    }
}
