package dev.questbench.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, from {@code version.properties}, which Maven fills in from the pom. */
public final class Version {
    private static final String RESOURCE = "version.properties";

    private Version() {
    }

    /** The version, e.g. {@code 0.1.0}; {@code unknown} when the resource is missing or was not filtered. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            // An IDE that copies resources without Maven leaves the placeholder in place.
            return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
