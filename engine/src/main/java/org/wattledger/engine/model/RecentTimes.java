package org.wattledger.engine.model;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Date-times built lately, by their seconds of the local date-time (direct-mapped, 8,192 slots):
 * most readings share their times with others (the same hours for every meter), so readings
 * rebuilt from seconds mostly need no new date-time object. Shared between threads without a
 * lock: an entry is an immutable object, and a stale or missing entry is only built again.
 */
public final class RecentTimes {
    private static final int BITS = 13;
    private final LocalDateTime[] times = new LocalDateTime[1 << BITS];

    /** The local date-time of these seconds. */
    public LocalDateTime at(long seconds) {
        int slot = (int) ((seconds * 0x9E3779B97F4A7C15L) >>> (64 - BITS)); // Fibonacci hashing: hours spread
        LocalDateTime t = times[slot];
        if (t == null || t.toEpochSecond(ZoneOffset.UTC) != seconds) {
            t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
            times[slot] = t;
        }
        return t;
    }
}
