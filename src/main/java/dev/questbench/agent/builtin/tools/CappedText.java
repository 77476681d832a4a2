package dev.questbench.agent.builtin.tools;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Cuts a long tool output to what the model should read, storing the whole in a blob when it was cut. */
final class CappedText {
    /** The text to show and the blob holding everything (null when nothing was cut or no blob was kept). */
    record Result(String text, String blobRef) {
    }

    private CappedText() {
    }

    /**
     * Keeps the head and the tail of {@code full} (where errors and summaries usually are) within
     * {@code maxChars}, with a marker saying how much was left out and where the rest is.
     */
    static Result headAndTail(String full, byte[] fullBytes, long totalBytes, int maxChars,
                              Function<byte[], String> blobs) {
        if (full.length() <= maxChars && fullBytes.length == totalBytes) {
            return new Result(full, null);
        }
        int budget = Math.max(2, maxChars - 120);
        String head = safeCut(full, budget / 2, true);
        String tail = safeCut(full, budget - head.length(), false);
        long omitted = totalBytes - utf8Length(head) - utf8Length(tail);
        String ref = blobs.apply(fullBytes);
        String where = ref == null ? "the full output was not kept" : "full output in blob " + ref;
        return new Result(head + "\n… " + omitted + " bytes omitted; " + where + " …\n" + tail, ref);
    }

    /** Keeps the beginning of {@code full} within {@code maxChars}. */
    static Result head(String full, int maxChars, Function<byte[], String> blobs) {
        if (full.length() <= maxChars) {
            return new Result(full, null);
        }
        String head = safeCut(full, Math.max(1, maxChars - 120), true);
        String ref = blobs.apply(full.getBytes(StandardCharsets.UTF_8));
        String where = ref == null ? "" : "; full text in blob " + ref;
        return new Result(head + "\n… " + (full.length() - head.length()) + " characters omitted" + where + " …",
                ref);
    }

    // Never splits a surrogate pair.
    private static String safeCut(String text, int length, boolean fromStart) {
        int n = Math.max(0, Math.min(length, text.length()));
        if (fromStart) {
            int end = n > 0 && Character.isHighSurrogate(text.charAt(n - 1)) ? n - 1 : n;
            return text.substring(0, end);
        }
        int start = text.length() - n;
        if (start < text.length() && start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        return text.substring(start);
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
