package dev.questbench.agent.builtin.tools;

import dev.questbench.llm.Cancellation;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a running tool may use.
 *
 * @param workspace the folder tools are confined to (absolute, real path)
 * @param cancel    cancelled when the user stops the turn; long tools register a kill with it
 * @param progress  receives output as it arrives (Bash stdout/stderr), for the transcript
 * @param blobs     stores a large output and returns its ref
 * @param limits    size and time caps
 */
public record ToolContext(Path workspace, Cancellation cancel, Consumer<String> progress,
                          Function<byte[], String> blobs, ToolLimits limits) {
    public ToolContext {
        Objects.requireNonNull(workspace, "workspace");
        cancel = cancel == null ? new Cancellation() : cancel;
        progress = progress == null ? text -> { } : progress;
        blobs = blobs == null ? bytes -> null : blobs;
        limits = limits == null ? ToolLimits.DEFAULT : limits;
    }
}
