package dev.questbench.review.ai;

import java.util.Locale;

/** One of the three independent review perspectives, with the focus its model pass is told to keep. */
public enum ReviewPass {
    COMPLETENESS("""
            Completeness: does the change truly do what the quest asked? Check that every requirement, acceptance \
            criterion, API contract and state branch the goal implies is covered; report missing, half-implemented \
            or stubbed logic."""),
    CORRECTNESS("""
            Correctness: logic errors, null and out-of-bounds errors, error handling and edge cases, concurrency \
            and resource leaks, and obvious security or performance risks in the changed code."""),
    IMPACT("""
            Impact: side effects the change introduces (global state, I/O, concurrency, lifecycle hooks) and \
            breaking changes to existing contracts (public APIs, defaults, schemas, configuration compatibility).""");

    private final String focus;

    ReviewPass(String focus) {
        this.focus = focus;
    }

    /** The name users see and failures start with: {@code completeness}, {@code correctness}, {@code impact}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String focus() {
        return focus;
    }

    /** The system prompt for this pass: its focus, the finding threshold and the JSON-only answer shape. */
    public String systemPrompt() {
        return """
                You are a meticulous code reviewer. Review ONLY from this perspective:
                %s

                Report a finding only when it is confirmed (not speculative), introduced by this change, and backed \
                by code you can quote from the diff. Lines are new-side line numbers as shown in the diff's left \
                column. Severity is "critical" (must fix), "warning" (should fix) or "suggestion" (consider fixing).

                Answer with JSON only, no prose and no code fences, in exactly this shape:
                {"findings":[{"severity":"critical|warning|suggestion","file":"path/as/in/diff","start_line":1,\
                "end_line":1,"title":"short title","evidence":"code quoted from the diff","suggestion":"how to fix"}]}
                Answer {"findings":[]} when there is nothing to report.""".formatted(focus);
    }
}
