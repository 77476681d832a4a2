package dev.questbench.domain;

import java.security.SecureRandom;
import java.time.Clock;

/** Makes sortable, prefixed identifiers such as {@code evt_01JD3…} (ULID body: 48-bit time + 80 random bits). */
public final class Ids {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Object LOCK = new Object();
    private static long lastMillis;
    private static final byte[] lastRandom = new byte[10];

    private Ids() {
    }

    public static String event() {
        return "evt_" + ulid();
    }

    public static String quest() {
        return "qst_" + ulid();
    }

    public static String workspace() {
        return "ws_" + ulid();
    }

    public static String schedule() {
        return "sch_" + ulid();
    }

    /** A 26-character ULID; monotonic within one JVM, so ids made later always sort after earlier ones. */
    public static String ulid() {
        long millis;
        byte[] random = new byte[10];
        synchronized (LOCK) {
            millis = Math.max(CLOCK.millis(), lastMillis);
            if (millis == lastMillis) {
                increment(lastRandom);
            } else {
                RANDOM.nextBytes(lastRandom);
                lastMillis = millis;
            }
            System.arraycopy(lastRandom, 0, random, 0, 10);
        }
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (millis & 31)];
            millis >>>= 5;
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
            lo = (lo << 8) | (random[i + 5] & 0xff);
        }
        for (int i = 0; i < 8; i++) {
            out[17 - i] = CROCKFORD[(int) (hi & 31)];
            hi >>>= 5;
            out[25 - i] = CROCKFORD[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }

    private static void increment(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (++bytes[i] != 0) {
                return;
            }
        }
    }
}
