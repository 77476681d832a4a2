package dev.questbench.llm;

/** One protocol's reading of a streamed response: takes SSE events, knows when the stream is complete. */
interface EventStream extends SseReader.Handler {

    /** True once the end marker arrived and nothing more need be read. */
    boolean finished();

    /** True when the response is whole: without this the stream counts as cut. */
    boolean complete();

    ModelResponse response();
}
