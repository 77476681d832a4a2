package dev.questbench.agent.builtin.permission;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rules and hook matchers need to know about tool names: the IDE aliases, which tools read or edit files,
 * and which input field is a tool's primary argument.
 */
public final class ToolKinds {
    /** IDE tool names and the runtime names they stand for (either works in rules and matchers). */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("run_in_terminal", "Bash"),
            Map.entry("read_file", "Read"),
            Map.entry("create_file", "Write"),
            Map.entry("search_replace", "Edit"),
            Map.entry("grep_code", "Grep"),
            Map.entry("search_file", "Glob"),
            Map.entry("list_dir", "LS"),
            Map.entry("search_web", "WebSearch"),
            Map.entry("fetch_content", "WebFetch"),
            Map.entry("todo_write", "TodoWrite"),
            Map.entry("ask_user_question", "AskUserQuestion"));

    private static final Set<String> EDITS = Set.of("Edit", "Write", "NotebookEdit", "MultiEdit");
    private static final Set<String> READS = Set.of("Read", "Glob", "Grep", "LS");
    private static final List<String> PATH_FIELDS = List.of("file_path", "notebook_path", "path", "filePath");

    private ToolKinds() {
    }

    /** The runtime name for a tool name or IDE alias, e.g. {@code run_in_terminal} → {@code Bash}. */
    public static String canonical(String name) {
        if (name == null) {
            return "";
        }
        return ALIASES.getOrDefault(name, name);
    }

    /** The IDE aliases of a runtime name (empty for most tools). */
    public static List<String> aliases(String canonicalName) {
        List<String> out = new ArrayList<>();
        ALIASES.forEach((alias, target) -> {
            if (target.equals(canonicalName)) {
                out.add(alias);
            }
        });
        return out;
    }

    /** Edit, Write, NotebookEdit: the tools an {@code Edit(...)} rule covers. */
    public static boolean isEdit(String name) {
        return EDITS.contains(canonical(name));
    }

    /** Read, Glob, Grep, LS: the tools a {@code Read(...)} rule covers. */
    public static boolean isRead(String name) {
        return READS.contains(canonical(name));
    }

    /** The file or folder a file tool works on, as written in its input, or null. */
    public static String filePath(JsonNode input) {
        for (String field : PATH_FIELDS) {
            String value = text(input, field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /**
     * The file a file tool works on as an absolute normalized path (relative paths against the workspace); the
     * workspace itself when a search tool names no folder; null when it cannot tell.
     */
    public static Path resolvedPath(JsonNode input, Path workspace) {
        String path = filePath(input);
        try {
            if (path == null) {
                return workspace == null ? null : workspace.toAbsolutePath().normalize();
            }
            Path p = Path.of(path);
            if (!p.isAbsolute()) {
                p = workspace == null ? p.toAbsolutePath() : workspace.resolve(p);
            }
            return p.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * The argument a {@code Tool(pattern)} glob is checked against: Bash's command, a file tool's path,
     * WebFetch's url, WebSearch's query, Agent's agent type, Skill's name; else the first text field.
     */
    public static String primaryArgument(String toolName, JsonNode input) {
        String tool = canonical(toolName);
        if (isEdit(tool) || isRead(tool)) {
            return filePath(input);
        }
        String value = switch (tool) {
            case "Bash" -> text(input, "command");
            case "WebFetch" -> text(input, "url");
            case "WebSearch" -> text(input, "query");
            case "Agent", "Task" -> firstText(input, "agent", "subagent_type");
            case "Skill" -> firstText(input, "skill", "name");
            default -> null;
        };
        if (value != null || input == null || !input.isObject()) {
            return value;
        }
        for (Iterator<JsonNode> it = input.elements(); it.hasNext(); ) {
            JsonNode field = it.next();
            if (field.isTextual()) {
                return field.asText();
            }
        }
        return null;
    }

    static String text(JsonNode input, String field) {
        if (input == null) {
            return null;
        }
        JsonNode node = input.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static String firstText(JsonNode input, String... fields) {
        for (String field : fields) {
            String value = text(input, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
