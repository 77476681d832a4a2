package dev.questbench.workspace.git;

import java.nio.charset.StandardCharsets;

/** What one git call printed and how it ended. */
public record GitResult(int exitCode, byte[] stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** stdout as UTF-8 text (git prints paths raw; use {@code -z} forms for exact bytes). */
    public String text() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
