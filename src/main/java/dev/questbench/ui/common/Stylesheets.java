package dev.questbench.ui.common;

import java.net.URL;
import java.util.List;

/** Locates the project's stylesheets: the one tokens file and each view's sheet beside its class. */
public final class Stylesheets {
    /** Project variables (colours by status, surfaces) and shared classes; every scene and dialog loads it. */
    public static final String TOKENS = of(Stylesheets.class, "tokens.css");

    private Stylesheets() {
    }

    /** The URL of a stylesheet in the same package as {@code owner}. */
    public static String of(Class<?> owner, String fileName) {
        URL url = owner.getResource(fileName);
        if (url == null) {
            throw new IllegalStateException("missing stylesheet " + fileName + " beside " + owner.getName());
        }
        return url.toExternalForm();
    }

    /** Adds the tokens file to a stylesheet list, once. */
    public static void apply(List<String> stylesheets) {
        if (!stylesheets.contains(TOKENS)) {
            stylesheets.add(0, TOKENS);
        }
    }
}
