package io.coregate.plugin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.support.keys.Leg;
import io.coregate.plugin.support.keys.LegKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LegKeysTest {

    private static final List<LegKeys> FORMATS = List.of(LegKeys.standard(),
            new LegKeys(24, LegKeys.Charset.ALPHANUMERIC, LegKeys.LegStyle.NAME),
            new LegKeys(16, LegKeys.Charset.ALPHANUMERIC, LegKeys.LegStyle.CODE),
            new LegKeys(20, LegKeys.Charset.ALPHANUMERIC_DASH, LegKeys.LegStyle.CODE));

    @Test
    void theStandardKeyIsTheTransferIdAndTheLeg() {
        assertEquals("b51ec534-ee48-4575-b6a9-ead2955b8069-refund",
                LegKeys.standard().key("b51ec534-ee48-4575-b6a9-ead2955b8069", Leg.REFUND));
        assertNotEquals(LegKeys.standard().key("t1", Leg.DEBIT), LegKeys.standard().key("t1", Leg.REFUND));
    }

    @Test
    void keysAreDeterministicBoundedVendorSafeAndDistinctPerLegAndTransfer() {
        long seed = System.nanoTime();
        System.getLogger(LegKeysTest.class.getName()).log(System.Logger.Level.INFO, "LegKeysTest seed " + seed);
        Random random = new Random(seed);
        for (LegKeys format : FORMATS) {
            Map<String, String> owners = new HashMap<>();
            for (int i = 0; i < 500; i++) {
                String transferId = random.nextBoolean() ? UUID.randomUUID().toString() : randomText(random);
                for (Leg leg : Leg.values()) {
                    String key = format.key(transferId, leg);
                    assertEquals(key, format.key(transferId, leg), "seed " + seed);
                    assertTrue(key.length() <= format.maxLength(), key + " seed " + seed);
                    assertTrue(format.charset().accepts(key), key + " seed " + seed);
                    String owner = transferId + "/" + leg;
                    String previous = owners.putIfAbsent(key, owner);
                    assertTrue(previous == null || previous.equals(owner), key + " for " + owner + " and " + previous + " seed " + seed);
                }
            }
        }
    }

    @Test
    void theStandardFormIsTheApiKeyAndEveryApiLegHasAFormat() {
        for (io.coregate.plugin.api.Leg leg : io.coregate.plugin.api.Leg.values()) {
            var legKey = new io.coregate.plugin.api.LegKey(UUID.randomUUID().toString(), leg, 2);
            assertEquals(legKey.value(), LegKeys.standard().key(legKey));
            assertEquals(leg, Leg.of(leg).api());
        }
        assertEquals(io.coregate.plugin.api.Leg.values().length, Leg.values().length);
    }

    @Test
    void aFormatTooShortForTheLegIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LegKeys(16, LegKeys.Charset.ALPHANUMERIC_DASH, LegKeys.LegStyle.NAME));
    }

    private static String randomText(Random random) {
        String alphabet = "abcXYZ019-_/ é.";
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(80);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
