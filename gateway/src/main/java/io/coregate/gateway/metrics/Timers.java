package io.coregate.gateway.metrics;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One timer family ({@code name} with a fixed list of tag names), its timers cached by tag values so the hot path
 * does not build a meter descriptor per request. Callers keep tag values bounded (no raw user input). Thread-safe.
 */
public final class Timers {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final List<String> tagNames;
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    public Timers(MeterRegistry registry, String name, String description, String... tagNames) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.tagNames = List.of(tagNames);
    }

    /** Records one event under the given tag values (in the order of the tag names). */
    public void record(Duration duration, String... tagValues) {
        timer(List.of(tagValues)).record(duration);
    }

    private Timer timer(List<String> values) {
        Timer timer = timers.get(values);
        return timer != null ? timer : timers.computeIfAbsent(values, this::create);
    }

    private Timer create(List<String> values) {
        if (values.size() != tagNames.size()) {
            throw new IllegalArgumentException(name + " takes tags " + tagNames + ", got " + values);
        }
        var tags = new ArrayList<Tag>(values.size());
        for (int i = 0; i < values.size(); i++) {
            tags.add(Tag.create(tagNames.get(i), values.get(i)));
        }
        return registry.getOrCreate(Timer.builder(name).description(description).tags(tags));
    }
}
