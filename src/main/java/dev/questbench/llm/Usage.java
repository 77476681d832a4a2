package dev.questbench.llm;

/** Token counts one model call reported; cache counts are null when the provider does not report them. */
public record Usage(long inputTokens, long outputTokens, Long cacheCreationInputTokens, Long cacheReadInputTokens) {
    public static final Usage NONE = new Usage(0, 0, null, null);
}
