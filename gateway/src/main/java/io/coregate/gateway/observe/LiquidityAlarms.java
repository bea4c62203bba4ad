package io.coregate.gateway.observe;

import io.coregate.gateway.domain.ledger.Balance;
import io.coregate.gateway.domain.ledger.BalanceObserver;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The liquidity alarm: per tenant and currency, the gauges {@code coregate_liquidity_alarm} (1 while available is below
 * the alarm share of the limit) and {@code coregate_liquidity_available}, a WARNING log event when the alarm goes on
 * (INFO when it clears), and the health detail listing the balances in alarm. Health detail only, never readiness.
 * Thread-safe.
 */
public final class LiquidityAlarms implements BalanceObserver {

    private static final System.Logger LOG = System.getLogger(LiquidityAlarms.class.getName());

    private final MeterRegistry registry;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public LiquidityAlarms(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The last balance seen of one tenant and currency. */
    private static final class State {
        private volatile Balance balance;
        private volatile boolean alarm;
    }

    @Override
    public void observe(Balance balance) {
        String key = balance.tenant().value() + "/" + balance.currency();
        State state = states.computeIfAbsent(key, k -> register(balance));
        boolean alarm = balance.alarm();
        boolean changed;
        synchronized (state) {
            state.balance = balance;
            changed = state.alarm != alarm;
            state.alarm = alarm;
        }
        if (changed && alarm) {
            LOG.log(System.Logger.Level.WARNING, String.format(
                "liquidity alarm on: tenant=%s currency=%s available=%s limit=%s alarmPercent=%d position=%s reserved=%s",
                balance.tenant().value(), balance.currency(), balance.available().toPlainString(), balance.limit().toPlainString(),
                balance.alarmPercent(), balance.position().toPlainString(), balance.reserved().toPlainString()));
        } else if (changed) {
            LOG.log(System.Logger.Level.INFO, String.format("liquidity alarm off: tenant=%s currency=%s available=%s limit=%s",
                balance.tenant().value(), balance.currency(), balance.available().toPlainString(), balance.limit().toPlainString()));
        }
    }

    private State register(Balance balance) {
        var state = new State();
        state.balance = balance;
        var tags = List.of(Tag.create("tenant", balance.tenant().value()), Tag.create("currency", balance.currency()));
        registry.getOrCreate(Gauge.builder("coregate.liquidity.alarm", state, s -> s.alarm ? 1 : 0)
            .description("1 while the tenant's available liquidity is below its alarm percentage of the limit").tags(tags));
        registry.getOrCreate(Gauge.builder("coregate.liquidity.available", state, s -> s.balance.available().doubleValue())
            .description("The tenant's available liquidity: limit - position - reserved").tags(tags));
        return state;
    }

    /** The balances in alarm, {@code tenant/currency -> "available X of limit Y (alarm below Z%)"}, for the health detail. */
    public Map<String, String> detail() {
        var detail = new TreeMap<String, String>();
        states.forEach((key, state) -> {
            Balance b = state.balance;
            if (state.alarm) {
                detail.put(key, "ALARM: available " + b.available().toPlainString() + " of limit " + b.limit().toPlainString()
                    + " (alarm below " + b.alarmPercent() + "%)");
            }
        });
        return detail;
    }
}
