package dev.questbench.review;

import dev.questbench.workspace.diff.DiffLine;
import dev.questbench.workspace.diff.FileDiff;
import dev.questbench.workspace.diff.Hunk;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable identities of a change a reviewer decided on or viewed: a hash of the path and the changed lines' text,
 * never line numbers, so an unrelated edit above a hunk keeps its fingerprint while any edit inside it changes it.
 *
 * <p>Known limit: a binary or too-large file has no lines, so its fingerprint covers only its path, kind and modes
 * and does not change when the agent rewrites it again.
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /** The fingerprint of one hunk of a file: its path plus its added and removed lines (context lines ignored). */
    public static String of(FileDiff file, Hunk hunk) {
        MessageDigest digest = sha256();
        feed(digest, file.path());
        feedHunk(digest, hunk);
        return hex(digest);
    }

    /** The fingerprint of a whole file's change: its path, kind, modes and every hunk's changed lines. */
    public static String of(FileDiff file) {
        MessageDigest digest = sha256();
        feed(digest, file.path());
        feed(digest, String.valueOf(file.oldPath()));
        feed(digest, file.kind().name());
        feed(digest, file.oldMode() + ">" + file.newMode());
        for (Hunk hunk : file.hunks()) {
            feedHunk(digest, hunk);
        }
        return hex(digest);
    }

    /** {@link #of(FileDiff, Hunk)} for a hunk, {@link #of(FileDiff)} when {@code hunk} is null. */
    public static String ofFileOrHunk(FileDiff file, Hunk hunk) {
        return hunk == null ? of(file) : of(file, hunk);
    }

    private static void feedHunk(MessageDigest digest, Hunk hunk) {
        feed(digest, "@@");
        for (DiffLine line : hunk.lines()) {
            if (line.type() != DiffLine.Type.CONTEXT) {
                feed(digest, (line.type() == DiffLine.Type.ADDED ? "+" : "-") + line.text()
                        + (line.noNewlineAtEnd() ? "\\" : ""));
            }
        }
    }

    private static void feed(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest(), 0, 12);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
