package dev.questbench.server;

import dev.questbench.store.SecretStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The server's bearer token: generated on first start and kept in the owner-only secrets file, or given for one
 * run ({@code --token}). Compared in constant time.
 */
public final class ServerToken {
    /** The secrets-file key the token is kept under. */
    public static final String SECRET_KEY = "server.token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretStore secrets;
    private final String override;
    private volatile byte[] expected;

    /** The stored token (created now if there is none), or {@code override} for this run when not null. */
    public ServerToken(SecretStore secrets, String override) {
        this.secrets = secrets;
        this.override = override == null || override.isBlank() ? null : override.strip();
        this.expected = bytes(this.override != null ? this.override : stored(secrets));
    }

    /** The stored token, generating and saving one when there is none yet. */
    public static String stored(SecretStore secrets) {
        synchronized (secrets) {
            return secrets.get(SECRET_KEY).orElseGet(() -> {
                String fresh = generate();
                secrets.put(SECRET_KEY, fresh);
                return fresh;
            });
        }
    }

    /** A new random token in the {@code pt-} style of Cloud Agents personal tokens. */
    public static String generate() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return "pt-" + HexFormat.of().formatHex(random);
    }

    public String value() {
        return new String(expected, StandardCharsets.UTF_8);
    }

    /** True when the token was given on the command line for this run only. */
    public boolean overridden() {
        return override != null;
    }

    /** Where the token is kept, for the start-up line. */
    public String whereKept() {
        return override != null ? "--token (this run only)" : secrets.file() + " (key " + SECRET_KEY + ")";
    }

    /** Replaces the stored token with a new one; clients holding the old one get 401 from now on. */
    public synchronized String rotate() {
        String fresh = generate();
        if (override == null) {
            secrets.put(SECRET_KEY, fresh);
        }
        expected = bytes(fresh);
        return fresh;
    }

    /** Whether an {@code Authorization} header carries this token. */
    public boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(expected, bytes(authorization.substring(7).strip()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
