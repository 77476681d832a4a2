package dev.questbench.agent.builtin.subagents;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Experts mode: the expert roles a Lead agent forms its team from, and the Lead's instructions. The roles are
 * subagents; a project or user subagent of the same name replaces a role, and custom subagents join the team.
 */
public final class Experts {
    private static final List<String> READ = List.of("Read", "Glob", "Grep", "WebFetch");
    private static final String REPORT = " End with a short report for the Lead: what you did or found, files "
            + "touched, anything left open.";

    /** The built-in expert roles. */
    public static final List<Subagent> ROLES = List.of(
            new Subagent("Researcher", "Investigates the codebase and the web and reports facts, options and "
                    + "risks; changes nothing.", READ, null, "You are the team's Researcher. Investigate and "
                    + "report facts with file paths and sources." + REPORT, "expert"),
            new Subagent("Full-Stack Engineer", "Implements features and fixes across the stack.", null, null,
                    "You are the team's Full-Stack Engineer. Implement the sub-task with focused changes that fit "
                            + "the codebase's style, and run the relevant checks." + REPORT, "expert"),
            new Subagent("QA", "Writes and runs tests, checks behaviour against the requirements.", null, null,
                    "You are the team's QA engineer. Write or extend tests for the sub-task, run them, and report "
                            + "what passes and fails." + REPORT, "expert"),
            new Subagent("Code Reviewer", "Reviews changes for correctness, style and risks; changes nothing.",
                    READ, null, "You are the team's Code Reviewer. Review the named changes and report concrete "
                    + "problems with file:line and a suggested fix." + REPORT, "expert"),
            new Subagent("Debug Engineer", "Reproduces and fixes failures and bugs.", null, null,
                    "You are the team's Debug Engineer. Reproduce the failure, find the root cause, fix it and "
                            + "show that it is fixed." + REPORT, "expert"));

    /** What the Lead is told in Experts mode. */
    public static final String LEAD_PROMPT = """

            # Experts mode
            You are the Lead of a team of experts. Do not do the work yourself: plan, delegate, integrate.
            1. Understand the request (read a little if needed) and write the plan as sub-tasks with TodoWrite.
            2. Start an expert for each sub-task with the Agent tool (subagent_type = the role, description = the \
            sub-task in a few words, prompt = everything the expert needs). Start independent sub-tasks in the \
            same response so they run in parallel; mark them in_progress.
            3. When reports come back, mark sub-tasks completed, start follow-ups (e.g. QA or Code Reviewer after \
            the Full-Stack Engineer), and resolve conflicts between experts.
            4. Finish with an integrated summary: what each expert did, the result, and anything left open.
            Roles: Researcher, Full-Stack Engineer, QA, Code Reviewer, Debug Engineer, plus any custom subagents \
            listed in the Agent tool.
            """;

    private Experts() {
    }

    /**
     * The team: the discovered subagents (project and user ones first) with the roles they do not replace, each
     * role with its model and extra instructions from the settings.
     *
     * @param overrides {@code {"QA": {"model": "…", "prompt": "…"}}}, or null
     */
    public static List<Subagent> team(List<Subagent> discovered, JsonNode overrides) {
        Map<String, Subagent> byName = new LinkedHashMap<>();
        discovered.stream().filter(agent -> !"built-in".equals(agent.source()))
                .forEach(agent -> byName.putIfAbsent(agent.name(), agent));
        ROLES.forEach(role -> byName.putIfAbsent(role.name(), withOverride(role, overrides)));
        discovered.forEach(agent -> byName.putIfAbsent(agent.name(), agent));
        return new ArrayList<>(byName.values());
    }

    private static Subagent withOverride(Subagent role, JsonNode overrides) {
        JsonNode entry = overrides == null ? null : overrides.get(role.name());
        if (entry == null || !entry.isObject()) {
            return role;
        }
        String model = entry.path("model").asText("").strip();
        String extra = entry.path("prompt").asText("").strip();
        return new Subagent(role.name(), role.description(), role.tools(), model.isEmpty() ? role.model() : model,
                extra.isEmpty() ? role.prompt() : role.prompt() + "\n\n" + extra, role.source());
    }
}
