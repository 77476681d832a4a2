package dev.questbench.workspace.env;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** Branch and folder names for worktrees: {@code questbench/<slug>-<short id>} under a per-repository folder. */
final class WorktreeNames {
    static final String BRANCH_PREFIX = "questbench/";
    static final int SLUG_LENGTH = 40;

    private WorktreeNames() {
    }

    /** The quest title as lowercase ASCII words joined by dashes, at most 40 characters ("quest" when none). */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "quest" : slug;
    }

    /** The last six characters of the quest id, lowercased: the random end of a ULID. */
    static String shortId(String questId) {
        String id = questId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return id.length() <= 6 ? id : id.substring(id.length() - 6);
    }

    /** {@code <repo-name>-<hash of its path>}: readable, and two repositories with one name stay apart. */
    static String repoFolder(Path toplevel) {
        String absolute = toplevel.toAbsolutePath().normalize().toString();
        String name = toplevel.getFileName() == null ? "repo" : toplevel.getFileName().toString();
        name = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        if (name.length() > SLUG_LENGTH) {
            name = name.substring(0, SLUG_LENGTH);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(absolute.getBytes(StandardCharsets.UTF_8));
            return (name.isEmpty() ? "repo" : name) + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
