package dev.questbench.agent.builtin.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing hook settings: formats, matchers, skipped entries and merging. */
class HookConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static HookConfig one(String event, String matcher, String command) {
        String m = matcher == null ? "" : "\"matcher\":" + JSON.valueToTree(matcher) + ",";
        return HookConfig.parse(json("{\"" + event + "\":[{" + m + "\"hooks\":[{\"type\":\"command\",\"command\":"
                + JSON.valueToTree(command) + "}]}]}"), "test");
    }

    private static List<String> commands(HookConfig config, HookEvent event, String target) {
        return config.matching(event, target, null).stream().map(CommandHook::command).toList();
    }

    @ParameterizedTest(name = "matcher ''{0}'' vs {1} → {2}")
    @CsvSource(delimiter = '¦', nullValues = "NULL", textBlock = """
            NULL            ¦ Bash               ¦ true
            ''              ¦ Bash               ¦ true
            *               ¦ mcp__x__y          ¦ true
            Bash            ¦ Bash               ¦ true
            Bash            ¦ Bashful            ¦ false
            Bash            ¦ Edit               ¦ false
            Edit|Write      ¦ Write              ¦ true
            Edit|Write      ¦ Edit               ¦ true
            Edit|Write      ¦ Read               ¦ false
            mcp__.*         ¦ mcp__github__x     ¦ true
            mcp__.*         ¦ Bash               ¦ false
            mcp__github__.* ¦ mcp__gitlab__x     ¦ false
            Notebook.*      ¦ NotebookEdit       ¦ true
            .*Edit          ¦ MultiEdit          ¦ true
            Bash            ¦ run_in_terminal    ¦ true
            run_in_terminal ¦ Bash               ¦ true
            read_file|Edit  ¦ Read               ¦ true
            Bash            ¦ NULL               ¦ true
            startup|resume  ¦ resume             ¦ true
            startup|resume  ¦ clear              ¦ false
            """)
    void matchers(String matcher, String target, boolean expected) {
        HookConfig config = one("PreToolUse", matcher, "echo hi");
        assertEquals(expected, commands(config, HookEvent.PRE_TOOL_USE, target).size() == 1);
    }

    @Test
    void readsEntriesInOrderAndSkipsOtherTypesSilently() {
        HookConfig config = HookConfig.parse(json("""
                {"PreToolUse":[
                   {"matcher":"Bash","hooks":[
                      {"type":"command","command":"first","timeout":5},
                      {"type":"http","url":"https://x"},
                      {"type":"prompt","prompt":"is it safe?"},
                      {"type":"command","command":"second","env":{"A":"1"},"if":"Bash(git *)"}]},
                   {"hooks":[{"type":"agent","prompt":"x"}]}],
                 "Stop":[{"hooks":[{"type":"command","command":"stop-hook"}]}],
                 "SomeFutureEvent":[{"hooks":[{"type":"command","command":"later"}]}]}"""), "settings.json");
        assertEquals(List.of(), config.warnings());
        List<CommandHook> hooks = config.matching(HookEvent.PRE_TOOL_USE, "Bash", null);
        assertEquals(List.of("first", "second"), hooks.stream().map(CommandHook::command).toList());
        assertEquals(5, hooks.get(0).timeoutSeconds());
        assertEquals(null, hooks.get(1).timeoutSeconds());
        assertEquals("1", hooks.get(1).env().get("A"));
        assertEquals("settings.json", hooks.get(0).source());
        assertEquals(List.of("stop-hook"), commands(config, HookEvent.STOP, null));
        assertEquals(List.of(), commands(config, HookEvent.POST_TOOL_USE, "Bash"));
    }

    @Test
    void ifFiltersLookAtTheToolInput() {
        HookConfig config = HookConfig.parse(json("""
                {"PreToolUse":[{"hooks":[
                   {"type":"command","command":"git-only","if":"Bash(git *)"},
                   {"type":"command","command":"ts-only","if":"Edit|Write(*.ts)"}]}]}"""), "s");
        JsonNode git = json("{\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"git push\"}}");
        JsonNode npm = json("{\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"npm test\"}}");
        JsonNode ts = json("{\"tool_name\":\"Write\",\"tool_input\":{\"file_path\":\"src/a.ts\"}}");
        assertEquals(List.of("git-only"), config.matching(HookEvent.PRE_TOOL_USE, "Bash", git).stream()
                .map(CommandHook::command).toList());
        assertEquals(List.of(), config.matching(HookEvent.PRE_TOOL_USE, "Bash", npm));
        assertEquals(List.of("ts-only"), config.matching(HookEvent.PRE_TOOL_USE, "Write", ts).stream()
                .map(CommandHook::command).toList());
    }

    @Test
    void acceptsThePluginWrapper() {
        HookConfig config = HookConfig.parse(json("""
                {"description":"plugin","hooks":{"SessionStart":[{"matcher":"startup",
                  "hooks":[{"type":"command","command":"hello"}]}]}}"""), "plugin hooks.json");
        assertEquals(List.of("hello"), commands(config, HookEvent.SESSION_START, "startup"));
        assertFalse(config.isEmpty());
    }

    @Test
    void malformedEntriesBecomeWarnings() {
        HookConfig config = HookConfig.parse(json("""
                {"PreToolUse":{"matcher":"Bash"},
                 "PostToolUse":[42, {"matcher":7,"hooks":[]}, {"matcher":"(","hooks":[{"command":"x"}]},
                                {"matcher":"Bash"}, {"hooks":[{"type":"command"}, "str", {"command":"ok"}]}]}"""),
                ".qoder/settings.json");
        assertEquals(7, config.warnings().size(), config.warnings()::toString);
        assertTrue(config.warnings().stream().allMatch(w -> w.startsWith(".qoder/settings.json: ")));
        assertTrue(config.warnings().get(3).contains("not a valid pattern"), config.warnings().get(3));
        assertEquals(List.of("ok"), commands(config, HookEvent.POST_TOOL_USE, "Bash"));
    }

    @Test
    void emptyAndMerged() {
        assertTrue(HookConfig.EMPTY.isEmpty());
        assertTrue(HookConfig.parse(null, "x").isEmpty());
        assertTrue(HookConfig.parse(json("{}"), "x").isEmpty());
        assertTrue(HookConfig.parse(json("{\"Stop\":[{\"hooks\":[{\"type\":\"http\",\"url\":\"u\"}]}]}"), "x").isEmpty());
        assertTrue(HookConfig.merge(List.of()).isEmpty());

        HookConfig user = one("PreToolUse", "Bash", "user");
        HookConfig project = one("PreToolUse", "*", "project");
        HookConfig merged = HookConfig.merge(List.of(user, HookConfig.EMPTY, project));
        assertFalse(merged.isEmpty());
        assertEquals(List.of("user", "project"), commands(merged, HookEvent.PRE_TOOL_USE, "Bash"));
        assertEquals(List.of("project"), commands(merged, HookEvent.PRE_TOOL_USE, "Edit"));
    }
}
