package dev.questbench.agent.builtin.tools;

import java.time.Duration;

/**
 * Caps that keep tool results readable and the process safe.
 *
 * @param readMaxBytes      files larger than this are refused by Read unless a line range is given
 * @param outputMaxChars    the most text one result hands the model; the rest goes to a blob
 * @param bashDefaultTimeout used when the model gives none
 * @param bashMaxTimeout    the most the model may ask for
 * @param webFetchMaxBytes  the most WebFetch downloads
 * @param networkAllowed    WebFetch is refused when false
 * @param sandbox           run Bash through bubblewrap when available
 */
public record ToolLimits(long readMaxBytes, int outputMaxChars, Duration bashDefaultTimeout, Duration bashMaxTimeout,
                         long webFetchMaxBytes, boolean networkAllowed, boolean sandbox) {
    public static final ToolLimits DEFAULT = new ToolLimits(2L * 1024 * 1024, 30_000, Duration.ofMinutes(2),
            Duration.ofMinutes(10), 5L * 1024 * 1024, true, false);
}
