package io.dailies.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code freeFailures} failed sign-ins in a row for one user name, or
 * {@code freeFailures × 20} from one address (an office behind one NAT shares it), further attempts are refused without checking the password
 * for a lockout that doubles with each further failure (from {@code lockout}, at most 15 minutes). A
 * success for the name clears its count; failures more than 30 minutes apart start it again. Kept in the server's memory: a restart forgives.
 */
public final class SignInThrottle {

    private static final Duration LONGEST = Duration.ofMinutes(15);
    private static final int ADDRESS_FACTOR = 20;

    private record Failures(int count, Instant lockedUntil, Instant last) {
    }

    /** Failures further apart than this start the count again. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(30);

    private final int freeFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInThrottle(int freeFailures, Duration lockout, Clock clock) {
        this.freeFailures = freeFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long this attempt must wait; zero when it may try. */
    public Duration wait(String username, String address) {
        Instant now = clock.instant();
        Duration byName = remaining(nameKey(username), now);
        Duration byAddress = remaining(addressKey(address), now);
        return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
    }

    public void failed(String username, String address) {
        count(nameKey(username), freeFailures);
        count(addressKey(address), freeFailures * ADDRESS_FACTOR);
    }

    public void succeeded(String username) {
        failures.remove(nameKey(username));
    }

    private void count(String key, int free) {
        Instant now = clock.instant();
        failures.compute(key, (k, f) -> {
            boolean forgotten = f == null || f.last().plus(FORGET_AFTER).isBefore(now);
            int count = (forgotten ? 0 : f.count()) + 1;
            if (count < free) {
                return new Failures(count, null, now);
            }
            int doublings = Math.min(count - free, 20);
            Duration lock = lockout.multipliedBy(1L << doublings);
            return new Failures(count, now.plus(lock.compareTo(LONGEST) > 0 ? LONGEST : lock), now);
        });
        if (failures.size() > 100_000) {
            // A flood of made-up names must not fill the heap: forget the ones no longer locked.
            failures.entrySet().removeIf(e -> e.getValue().last().plus(FORGET_AFTER).isBefore(now));
        }
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    private static String nameKey(String username) {
        return "user:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
