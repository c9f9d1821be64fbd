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
    private final Entry[] times = new Entry[1 << BITS];

    /** A date-time with its seconds, compared on the seconds: cheaper than converting the date-time back. */
    private record Entry(long seconds, LocalDateTime time) {
    }

    /** The local date-time of these seconds. */
    public LocalDateTime at(long seconds) {
        int slot = (int) ((seconds * 0x9E3779B97F4A7C15L) >>> (64 - BITS)); // Fibonacci hashing: hours spread
        Entry e = times[slot];
        if (e == null || e.seconds() != seconds) {
            e = new Entry(seconds, LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
            times[slot] = e;
        }
        return e.time();
    }
}
